/**
 * The scheduler's public API: {@link dev.asyncz.core.Scheduler}, tasks, task functions
 * and the controllable clock.
 */
@NullMarked
package dev.asyncz.core;

import org.jspecify.annotations.NullMarked;
