/**
 * The MongoDB store's document layout and time conversions. Not API: may change in any
 * release.
 */
@NullMarked
package dev.asyncz.store.mongodb.internal;

import org.jspecify.annotations.NullMarked;
