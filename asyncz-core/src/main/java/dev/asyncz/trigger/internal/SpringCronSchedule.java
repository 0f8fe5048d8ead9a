package dev.asyncz.trigger.internal;

import java.time.LocalDateTime;
import java.util.BitSet;

import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.support.CronExpression;

/**
 * A Spring {@link CronExpression} evaluated on wall times (never on zoned times: the zone
 * mapping is {@link ZonedSchedule}'s job), optionally limited to some years as Quartz's
 * seventh field does.
 */
final class SpringCronSchedule implements LocalSchedule {

	private final CronExpression expression;

	private final @Nullable BitSet years;

	SpringCronSchedule(CronExpression expression, @Nullable BitSet years) {
		this.expression = expression;
		this.years = years;
	}

	@Override
	public @Nullable LocalDateTime next(LocalDateTime after) {
		LocalDateTime candidate = this.expression.next(after);
		// Each round moves to a later allowed year, so this ends after at most one round
		// per year.
		while (candidate != null && this.years != null && !this.years.get(candidate.getYear())) {
			int year = this.years.nextSetBit(candidate.getYear() + 1);
			if (year < 0) {
				return null;
			}
			candidate = this.expression.next(LocalDateTime.of(year, 1, 1, 0, 0).minusNanos(1));
		}
		return candidate;
	}

}
