package dev.asyncz.trigger.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import dev.asyncz.trigger.InvalidTriggerException;
import org.jspecify.annotations.Nullable;

/**
 * Random delays added to fire times so that many tasks on the same schedule do not all
 * start at once.
 */
public final class Jitter {

	private Jitter() {
	}

	/**
	 * Checks a jitter.
	 * @param jitter the jitter
	 * @return the jitter
	 * @throws InvalidTriggerException if it is negative
	 */
	public static Duration require(Duration jitter) {
		if (jitter.isNegative()) {
			throw new InvalidTriggerException("jitter: " + jitter + " is negative");
		}
		return jitter;
	}

	/**
	 * Delays a fire time by a random amount in {@code [0, jitter]}, never past
	 * {@code end}.
	 * @param fireTime a fire time of the schedule, not after {@code end}
	 * @param jitter the largest delay
	 * @param end the end of the schedule, or {@code null}
	 * @return the delayed fire time, at or after {@code fireTime}
	 */
	public static Instant apply(Instant fireTime, Duration jitter, @Nullable Instant end) {
		if (jitter.isZero()) {
			return fireTime;
		}
		long bound = saturatedNanos(jitter);
		long delay = ThreadLocalRandom.current().nextLong((bound == Long.MAX_VALUE) ? bound : bound + 1);
		Instant delayed = fireTime.plusNanos(delay);
		return (end != null && delayed.isAfter(end)) ? end : delayed;
	}

	private static long saturatedNanos(Duration duration) {
		try {
			return duration.toNanos();
		}
		catch (ArithmeticException ex) {
			return Long.MAX_VALUE;
		}
	}

}
