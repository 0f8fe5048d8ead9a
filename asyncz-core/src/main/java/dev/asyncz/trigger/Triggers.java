package dev.asyncz.trigger;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

import dev.asyncz.trigger.internal.CronStrings;
import org.jspecify.annotations.Nullable;

/**
 * Factories for the built-in triggers.
 */
public final class Triggers {

	private Triggers() {
	}

	/**
	 * Fires once.
	 * @param runAt when
	 * @return the trigger
	 */
	public static DateTrigger at(Instant runAt) {
		return new DateTrigger(runAt);
	}

	/**
	 * Fires once when the scheduler starts (at once if it runs already); memory stores
	 * only.
	 * @return the trigger
	 */
	public static LifecycleTrigger onStart() {
		return new LifecycleTrigger(LifecycleTrigger.Phase.START);
	}

	/**
	 * Fires once when the scheduler shuts down, before its executors stop; memory stores
	 * only.
	 * @return the trigger
	 */
	public static LifecycleTrigger onShutdown() {
		return new LifecycleTrigger(LifecycleTrigger.Phase.SHUTDOWN);
	}

	/**
	 * Fires every {@code interval} of elapsed time (a day is 24 hours, also across
	 * daylight-saving changes; use {@link #cron(String)} for wall-clock schedules).
	 * @param interval a positive duration
	 * @return the trigger, to refine with start, end, jitter and zone
	 * @throws InvalidTriggerException if the interval is not positive
	 */
	public static IntervalTrigger every(Duration interval) {
		return IntervalTrigger.of(interval);
	}

	/**
	 * Fires every so many weeks, days, hours, minutes and seconds of elapsed time, added
	 * up.
	 * @param weeks weeks
	 * @param days days of 24 hours
	 * @param hours hours
	 * @param minutes minutes
	 * @param seconds seconds
	 * @return the trigger
	 * @throws InvalidTriggerException if the sum is not positive
	 */
	public static IntervalTrigger every(long weeks, long days, long hours, long minutes, long seconds) {
		return every(Duration.ofDays(weeks * 7 + days).plusHours(hours).plusMinutes(minutes).plusSeconds(seconds));
	}

	/**
	 * A cron trigger from a string: five fields are crontab, six are Spring's (seconds
	 * first), {@code @daily}-style macros are accepted. Quartz strings need
	 * {@link #cron(CronDialect, String, ZoneId)}: a six-field Quartz string would be read
	 * as Spring's, where day-of-week 1 is Monday, not Sunday.
	 * @param expression the expression
	 * @return the trigger, in the scheduler's default zone
	 * @throws InvalidTriggerException if the expression is malformed or has another
	 * number of fields
	 */
	public static CronTrigger cron(String expression) {
		return CronTrigger.of(CronStrings.detect(expression), expression, null);
	}

	/**
	 * A cron trigger from a string, in a zone.
	 * @param expression the expression
	 * @param zone the zone
	 * @return the trigger
	 * @throws InvalidTriggerException if the expression is malformed or has another
	 * number of fields
	 */
	public static CronTrigger cron(String expression, ZoneId zone) {
		return CronTrigger.of(CronStrings.detect(expression), expression, Objects.requireNonNull(zone, "zone"));
	}

	/**
	 * A cron trigger from a string in a named dialect.
	 * @param dialect the dialect
	 * @param expression the expression
	 * @param zone the zone, or {@code null} for the scheduler's default
	 * @return the trigger
	 * @throws InvalidTriggerException if the expression is malformed
	 */
	public static CronTrigger cron(CronDialect dialect, String expression, @Nullable ZoneId zone) {
		return CronTrigger.of(dialect, expression, zone);
	}

	/**
	 * A cron trigger from asyncz-style fields
	 * ({@code year, month, day, week, day_of_week, hour,
	 * minute, second}); day-of-week numbers 0 = Monday, unlike crontab.
	 * @return a builder
	 */
	public static CronFields cronFields() {
		return new CronFields();
	}

	/**
	 * Fires when all triggers agree on a time.
	 * @param triggers two or more triggers
	 * @return the trigger
	 * @throws InvalidTriggerException if fewer than two are given
	 */
	public static AndTrigger and(Trigger... triggers) {
		return new AndTrigger(List.of(triggers));
	}

	/**
	 * Fires whenever any trigger fires.
	 * @param triggers two or more triggers
	 * @return the trigger
	 * @throws InvalidTriggerException if fewer than two are given
	 */
	public static OrTrigger or(Trigger... triggers) {
		return new OrTrigger(List.of(triggers));
	}

}
