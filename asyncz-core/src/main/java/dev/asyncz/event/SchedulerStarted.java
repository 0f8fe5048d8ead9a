package dev.asyncz.event;

import java.time.Instant;

/**
 * The scheduler started (possibly paused).
 *
 * @param at when it happened
 * @param paused whether it started paused
 */
public record SchedulerStarted(Instant at, boolean paused) implements SchedulerEvent {

}
