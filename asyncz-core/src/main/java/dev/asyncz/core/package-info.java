/**
 * The scheduler's public API: {@link dev.asyncz.core.Scheduler}, how to build one, the
 * read-only views of its stores and executors, and the controllable clock.
 */
@NullMarked
package dev.asyncz.core;

import org.jspecify.annotations.NullMarked;
