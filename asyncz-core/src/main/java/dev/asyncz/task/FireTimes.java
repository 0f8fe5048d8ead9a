package dev.asyncz.task;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import dev.asyncz.trigger.Trigger;
import org.jspecify.annotations.Nullable;

/**
 * Fire times at the precision every store keeps: the microsecond. A trigger may compute a
 * time with nanoseconds (an interval started at {@code Instant.now()}); stored, that time
 * loses them, and the trigger's next fire time after the stored value would be the
 * original one, under a microsecond later — one fire time run twice. So times are cut to
 * the microsecond before they are stored, and the next fire time is the first one that is
 * later at that precision.
 */
public final class FireTimes {

	private FireTimes() {
	}

	/**
	 * Drops the digits below the microsecond.
	 * @param time a time, or {@code null}
	 * @return the time at microsecond precision (the same instance when it already is)
	 */
	public static @Nullable Instant truncate(@Nullable Instant time) {
		if (time == null || time.getNano() % 1000 == 0) {
			return time;
		}
		return time.truncatedTo(ChronoUnit.MICROS);
	}

	/**
	 * The trigger's first fire time later than {@code after} at microsecond precision.
	 * @param trigger the trigger
	 * @param after a fire time already at microsecond precision
	 * @return the next fire time, truncated, or empty when the trigger is finished
	 */
	public static Optional<Instant> nextAfter(Trigger trigger, Instant after) {
		Instant cursor = after;
		// A few steps at most: a trigger's fire times are microseconds apart only when it
		// fires more than a million times a second.
		for (int i = 0; i < 1000; i++) {
			Optional<Instant> next = trigger.nextFireTimeAfter(cursor);
			if (next.isEmpty()) {
				return next;
			}
			Instant truncated = truncate(next.get());
			if (truncated.isAfter(after)) {
				return Optional.of(truncated);
			}
			cursor = next.get();
		}
		return Optional.empty();
	}

	/**
	 * The trigger's first fire time at or after {@code from}, at microsecond precision.
	 * @param trigger the trigger
	 * @param from the earliest time
	 * @return the fire time, truncated, or empty when the trigger never fires again
	 */
	public static Optional<Instant> first(Trigger trigger, Instant from) {
		return trigger.firstFireTime(from).map(FireTimes::truncate);
	}

}
