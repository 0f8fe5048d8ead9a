package dev.asyncz.trigger.internal;

import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A calendar schedule of wall-clock times, without a zone: which local date-times match.
 * {@link ZonedSchedule} maps them to instants.
 */
@FunctionalInterface
public interface LocalSchedule {

	/**
	 * The earliest matching wall time strictly after {@code after}.
	 * @param after a wall time
	 * @return the next match, or {@code null} if there is none
	 */
	@Nullable LocalDateTime next(LocalDateTime after);

	/**
	 * The schedule matching whatever either schedule matches.
	 * @param first one schedule
	 * @param second another schedule
	 * @return the union
	 */
	static LocalSchedule union(LocalSchedule first, LocalSchedule second) {
		return (after) -> {
			LocalDateTime a = first.next(after);
			LocalDateTime b = second.next(after);
			if (a == null) {
				return b;
			}
			return (b == null || a.isBefore(b)) ? a : b;
		};
	}

}
