package dev.asyncz.event;

import java.time.Instant;

/**
 * The scheduler resumed after a pause.
 *
 * @param at when it happened
 */
public record SchedulerResumed(Instant at) implements SchedulerEvent {

}
