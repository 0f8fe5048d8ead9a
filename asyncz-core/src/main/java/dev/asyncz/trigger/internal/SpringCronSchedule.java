package dev.asyncz.trigger.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.BitSet;

import dev.asyncz.trigger.DstGapPolicy;
import dev.asyncz.trigger.DstOverlapPolicy;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.support.CronExpression;

/**
 * A Spring {@link CronExpression} evaluated on wall times, where {@link ZonedSchedule}
 * maps them to instants, optionally limited to some years as Quartz's seventh field does;
 * or evaluated by Spring itself in a zone, for Spring's own daylight-saving behaviour.
 */
public final class SpringCronSchedule implements LocalSchedule {

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

	/**
	 * The next fire time as Spring's {@code CronExpression} computes it on zoned
	 * date-times: wall times in a gap are skipped, and those in an overlap come as often
	 * as Spring's field arithmetic reaches them. Where Spring would not move forward (at
	 * a half-hour fall-back it can return the instant it was given, for {@code 0 0 * * *
	 * *} at Lord Howe), the next fire time is found as {@link DstGapPolicy#SKIP} and
	 * {@link DstOverlapPolicy#BOTH} find it, so a trigger never fires twice at one
	 * instant.
	 * @param previous an instant
	 * @param zone the zone
	 * @return the earliest fire time strictly after {@code previous}, or {@code null}
	 * @throws IllegalStateException if this schedule is limited to some years, which
	 * Spring's expressions cannot be
	 */
	public @Nullable Instant nextAfter(Instant previous, ZoneId zone) {
		if (this.years != null) {
			throw new IllegalStateException("a schedule limited to some years is not a Spring expression");
		}
		ZonedDateTime next = this.expression.next(previous.atZone(zone));
		if (next != null && !next.toInstant().isAfter(previous)) {
			return new ZonedSchedule(this, zone, DstGapPolicy.SKIP, DstOverlapPolicy.BOTH).nextAfter(previous);
		}
		return (next != null) ? next.toInstant() : null;
	}

}
