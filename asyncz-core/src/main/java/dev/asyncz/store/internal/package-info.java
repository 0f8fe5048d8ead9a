/**
 * Data structures behind the memory store. Not API.
 */
@NullMarked
package dev.asyncz.store.internal;

import org.jspecify.annotations.NullMarked;
