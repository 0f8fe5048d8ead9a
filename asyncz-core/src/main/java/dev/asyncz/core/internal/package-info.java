/**
 * Implementation of the scheduler. Not API: use {@link dev.asyncz.core.Scheduler}.
 */
@NullMarked
package dev.asyncz.core.internal;

import org.jspecify.annotations.NullMarked;
