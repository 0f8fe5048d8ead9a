package dev.asyncz.event;

import java.time.Instant;

/**
 * The scheduler was paused: due tasks wait until it resumes.
 *
 * @param at when it happened
 */
public record SchedulerPaused(Instant at) implements SchedulerEvent {

}
