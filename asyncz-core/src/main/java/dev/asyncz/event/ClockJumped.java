package dev.asyncz.event;

import java.time.Duration;
import java.time.Instant;

/**
 * The wall clock moved differently from elapsed time (someone set the clock); due work
 * was re-evaluated.
 *
 * @param expected the wall time expected from elapsed time
 * @param actual the wall time the clock showed
 * @param jump actual minus expected
 */
public record ClockJumped(Instant expected, Instant actual, Duration jump) implements SchedulerEvent {

}
