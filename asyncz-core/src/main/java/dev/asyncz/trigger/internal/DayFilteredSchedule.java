package dev.asyncz.trigger.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * A schedule limited to the days a rule accepts, for day rules Spring's syntax cannot say
 * (Quartz's {@code L-3W}). Callers make sure the rule accepts some day in every year the
 * schedule can reach, so the search ends.
 *
 * @param schedule the wall times before filtering
 * @param days the days to keep
 */
record DayFilteredSchedule(LocalSchedule schedule, Predicate<LocalDate> days) implements LocalSchedule {

	@Override
	public @Nullable LocalDateTime next(LocalDateTime after) {
		LocalDateTime candidate = this.schedule.next(after);
		while (candidate != null && !this.days.test(candidate.toLocalDate())) {
			candidate = this.schedule.next(candidate.toLocalDate().plusDays(1).atStartOfDay().minusNanos(1));
		}
		return candidate;
	}

}
