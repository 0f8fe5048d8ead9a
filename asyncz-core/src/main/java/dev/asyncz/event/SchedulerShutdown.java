package dev.asyncz.event;

import java.time.Instant;

/**
 * The scheduler shut down.
 *
 * @param at when it happened
 */
public record SchedulerShutdown(Instant at) implements SchedulerEvent {

}
