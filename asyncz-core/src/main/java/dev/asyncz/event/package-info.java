/**
 * Scheduler events: sealed records, delivered to
 * {@link dev.asyncz.event.SchedulerListener}s.
 */
@NullMarked
package dev.asyncz.event;

import org.jspecify.annotations.NullMarked;
