package dev.asyncz.trigger;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

import dev.asyncz.trigger.internal.Durations;
import dev.asyncz.trigger.internal.Jitter;
import org.jspecify.annotations.Nullable;

/**
 * Fires every {@code interval} of <em>elapsed</em> time: a one-day interval is 24 hours,
 * also across a daylight-saving change (use a cron trigger for "every day at 08:00"
 * wall-clock schedules).
 * <p>
 * Fire times lie on a fixed grid {@code start + n × interval}. Without a start date the
 * first fire time is one interval after the task is added and each later one is one
 * interval after the previous; the scheduler stores the next run time, so the schedule
 * survives restarts. Jitter delays each fire time by a random amount but never moves the
 * grid; without a start date the grid is anchored at each previous fire time, so give a
 * start date to keep jittered fire times from drifting. Computing a fire time is a
 * division, however long ago the start was.
 * <p>
 * Instances are immutable: the {@code with…}, {@code starting…} and {@code ending…}
 * methods return copies.
 */
public final class IntervalTrigger implements ZonedTrigger {

	/** The shortest interval: one millisecond. */
	public static final Duration MIN_INTERVAL = Duration.ofMillis(1);

	/** The longest interval: 100 years of 365.25 days. */
	public static final Duration MAX_INTERVAL = Duration.ofDays(36_525);

	private final Duration interval;

	private final @Nullable Instant start;

	private final @Nullable Instant end;

	private final Duration jitter;

	private final @Nullable ZoneId zone;

	private IntervalTrigger(Duration interval, @Nullable Instant start, @Nullable Instant end, Duration jitter,
			@Nullable ZoneId zone) {
		Objects.requireNonNull(interval, "interval");
		if (interval.isNegative() || interval.isZero()) {
			throw new InvalidTriggerException("interval: " + interval + " must be positive");
		}
		if (interval.compareTo(MIN_INTERVAL) < 0) {
			// Shorter intervals would have the scheduler thread do nothing but plan runs.
			throw new InvalidTriggerException(
					"interval: " + interval + " is shorter than the shortest interval, " + MIN_INTERVAL);
		}
		if (interval.compareTo(MAX_INTERVAL) > 0) {
			throw new InvalidTriggerException(
					"interval: " + interval + " is longer than the longest interval, " + MAX_INTERVAL + " (100 years)");
		}
		if (start != null && end != null && end.isBefore(start)) {
			throw new InvalidTriggerException("end: " + end + " is before start " + start);
		}
		this.interval = interval;
		this.start = start;
		this.end = end;
		this.jitter = Jitter.require(jitter);
		this.zone = zone;
	}

	/**
	 * An interval trigger with no start, end, jitter or zone.
	 * @param interval a positive duration
	 * @return the trigger
	 * @throws InvalidTriggerException if the interval is not positive
	 */
	public static IntervalTrigger of(Duration interval) {
		return new IntervalTrigger(interval, null, null, Duration.ZERO, null);
	}

	/**
	 * A copy whose grid starts at {@code start}: the first fire time is the start itself
	 * if it has not passed yet.
	 * @param start the first point of the grid
	 * @return the copy
	 * @throws InvalidTriggerException if the end is before the start
	 */
	public IntervalTrigger startingAt(@Nullable Instant start) {
		return new IntervalTrigger(this.interval, start, this.end, this.jitter, this.zone);
	}

	/**
	 * A copy that never fires after {@code end}.
	 * @param end the last instant a fire time may have
	 * @return the copy
	 * @throws InvalidTriggerException if the end is before the start
	 */
	public IntervalTrigger endingAt(@Nullable Instant end) {
		return new IntervalTrigger(this.interval, this.start, end, this.jitter, this.zone);
	}

	/**
	 * A copy that delays each fire time by a random amount between zero and
	 * {@code jitter}, never past the end date.
	 * @param jitter the largest delay
	 * @return the copy
	 * @throws InvalidTriggerException if the jitter is negative
	 */
	public IntervalTrigger withJitter(Duration jitter) {
		return new IntervalTrigger(this.interval, this.start, this.end, jitter, this.zone);
	}

	/**
	 * The time between fire times.
	 * @return the interval
	 */
	public Duration interval() {
		return this.interval;
	}

	/**
	 * The first point of the grid.
	 * @return the start, or {@code null} for "one interval after the task is added"
	 */
	public @Nullable Instant start() {
		return this.start;
	}

	/**
	 * The last instant a fire time may have.
	 * @return the end, or {@code null} for never ending
	 */
	public @Nullable Instant end() {
		return this.end;
	}

	/**
	 * The largest random delay.
	 * @return the jitter, zero for none
	 */
	public Duration jitter() {
		return this.jitter;
	}

	/**
	 * The zone used to show dates; it does not change fire times, which are elapsed-time
	 * based.
	 * @return the zone, or {@code null} for the scheduler's default
	 */
	@Override
	public @Nullable ZoneId zone() {
		return this.zone;
	}

	@Override
	public IntervalTrigger inZone(ZoneId zone) {
		return new IntervalTrigger(this.interval, this.start, this.end, this.jitter, Objects.requireNonNull(zone));
	}

	@Override
	public Optional<Instant> firstFireTime(Instant now) {
		if (this.start == null) {
			return fire(now.plus(this.interval));
		}
		return fire(this.start.isBefore(now) ? gridPointAtOrAfter(now) : this.start);
	}

	@Override
	public Optional<Instant> nextFireTimeAfter(Instant previous) {
		if (this.start == null) {
			return fire(previous.plus(this.interval));
		}
		return fire(this.start.isAfter(previous) ? this.start : gridPointAtOrAfter(previous.plusNanos(1)));
	}

	// start + n × interval for the smallest n that is not before the instant (which is
	// after start).
	private Instant gridPointAtOrAfter(Instant instant) {
		Duration elapsed = Duration.between(this.start, instant);
		long steps = elapsed.dividedBy(this.interval);
		Instant point = this.start.plus(this.interval.multipliedBy(steps));
		return point.isBefore(instant) ? point.plus(this.interval) : point;
	}

	private Optional<Instant> fire(Instant gridPoint) {
		if (this.end != null && gridPoint.isAfter(this.end)) {
			return Optional.empty();
		}
		return Optional.of(Jitter.apply(gridPoint, this.jitter, this.end));
	}

	@Override
	public String describe() {
		StringBuilder text = new StringBuilder("every ").append(Durations.describe(this.interval));
		if (this.start != null) {
			text.append(" from ").append(shown(this.start));
		}
		if (this.end != null) {
			text.append(" until ").append(shown(this.end));
		}
		if (!this.jitter.isZero()) {
			text.append(" with up to ").append(Durations.describe(this.jitter)).append(" jitter");
		}
		return text.toString();
	}

	private String shown(Instant instant) {
		return (this.zone != null) ? instant.atZone(this.zone).toOffsetDateTime().toString() : instant.toString();
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (this == other) || (other instanceof IntervalTrigger that && this.interval.equals(that.interval)
				&& Objects.equals(this.start, that.start) && Objects.equals(this.end, that.end)
				&& this.jitter.equals(that.jitter) && Objects.equals(this.zone, that.zone));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.interval, this.start, this.end, this.jitter, this.zone);
	}

	@Override
	public String toString() {
		return "IntervalTrigger[" + describe() + (this.zone != null ? " in " + this.zone : "") + "]";
	}

}
