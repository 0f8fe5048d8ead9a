package dev.asyncz.trigger;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link CronTrigger} from asyncz-style (APScheduler-style) fields, which can
 * say what cron strings cannot: years, ISO weeks, "the last Friday" and "the 2nd
 * Wednesday".
 * <p>
 * Each field accepts {@code *}, {@code *}{@code /n}, {@code a}, {@code a-b},
 * {@code a-b/n}, {@code a/n} and comma lists of these. Months accept
 * {@code jan}-{@code dec}. <strong>Days of the week are numbered 0 = Monday to 6 =
 * Sunday</strong> (the asyncz and APScheduler numbering, the opposite of crontab's 0 =
 * Sunday) or named {@code mon}-{@code sun}. {@link #day} also accepts {@code last} (the
 * last day of the month) and {@code 1st}..{@code 5th} or {@code last} followed by a
 * weekday name ({@code 2nd wed}, {@code last fri}). Fields combine with AND (unlike
 * crontab's day-of-month/day-of-week OR rule).
 * <p>
 * Fields that are not given default as in APScheduler: those smaller than the smallest
 * field given take their minimum (so {@code hour("8")} means 08:00:00 every day), the
 * others are {@code *}. A trigger with no fields at all fires every second. Invalid
 * values, steps larger than the span of their range ({@code *}{@code /75} minutes, day
 * {@code 10-12/5}, as APScheduler rejects them), and days that no selected month has
 * ({@code day 30} of {@code feb}), fail in {@link #build()} with the field named.
 */
public final class CronFields {

	private final Map<String, String> fields = new LinkedHashMap<>();

	private @Nullable ZoneId zone;

	private @Nullable Instant startDate;

	private @Nullable Instant endDate;

	private Duration jitter = Duration.ZERO;

	private DstGapPolicy gapPolicy = DstGapPolicy.SHIFT_BY_GAP_LENGTH;

	private DstOverlapPolicy overlapPolicy = DstOverlapPolicy.BOTH;

	CronFields() {
	}

	/**
	 * The years, 1970-9999.
	 * @param expression such as {@code 2027} or {@code 2027-2030}
	 * @return this builder
	 */
	public CronFields year(String expression) {
		return field("year", expression);
	}

	/**
	 * The months, 1-12 or {@code jan}-{@code dec}.
	 * @param expression such as {@code 1,7} or {@code jan-mar}
	 * @return this builder
	 */
	public CronFields month(String expression) {
		return field("month", expression);
	}

	/**
	 * The days of the month, 1-31, {@code last}, or {@code 1st}..{@code 5th}/{@code last}
	 * with a weekday name.
	 * @param expression such as {@code 15}, {@code last} or {@code 2nd wed}
	 * @return this builder
	 */
	public CronFields day(String expression) {
		return field("day", expression);
	}

	/**
	 * The ISO weeks of the year, 1-53.
	 * @param expression such as {@code 1} or {@code 10-20}
	 * @return this builder
	 */
	public CronFields week(String expression) {
		return field("week", expression);
	}

	/**
	 * The days of the week, 0 = Monday .. 6 = Sunday, or {@code mon}-{@code sun}.
	 * @param expression such as {@code mon-fri} or {@code 0-4}
	 * @return this builder
	 */
	public CronFields dayOfWeek(String expression) {
		return field("dayOfWeek", expression);
	}

	/**
	 * The hours, 0-23.
	 * @param expression such as {@code 8} or {@code 9-17}
	 * @return this builder
	 */
	public CronFields hour(String expression) {
		return field("hour", expression);
	}

	/**
	 * The minutes, 0-59.
	 * @param expression such as {@code 0} or {@code 0,30}
	 * @return this builder
	 */
	public CronFields minute(String expression) {
		return field("minute", expression);
	}

	/**
	 * The seconds, 0-59.
	 * @param expression such as {@code 30}
	 * @return this builder
	 */
	public CronFields second(String expression) {
		return field("second", expression);
	}

	/**
	 * The zone of the wall-clock fields.
	 * @param zone the zone, or {@code null} for the scheduler's default
	 * @return this builder
	 */
	public CronFields zone(@Nullable ZoneId zone) {
		this.zone = zone;
		return this;
	}

	/**
	 * The earliest fire time.
	 * @param startDate the start, or {@code null}
	 * @return this builder
	 */
	public CronFields startDate(@Nullable Instant startDate) {
		this.startDate = startDate;
		return this;
	}

	/**
	 * The latest fire time.
	 * @param endDate the end, or {@code null}
	 * @return this builder
	 */
	public CronFields endDate(@Nullable Instant endDate) {
		this.endDate = endDate;
		return this;
	}

	/**
	 * The largest random delay added to each fire time.
	 * @param jitter the jitter
	 * @return this builder
	 */
	public CronFields jitter(Duration jitter) {
		this.jitter = Objects.requireNonNull(jitter, "jitter");
		return this;
	}

	/**
	 * The daylight-saving policies; without this call APScheduler's:
	 * {@link DstGapPolicy#SHIFT_BY_GAP_LENGTH} and {@link DstOverlapPolicy#BOTH} (see
	 * {@link CronTrigger}).
	 * @param gap what a wall time that does not exist does
	 * @param overlap what a wall time that happens twice does
	 * @return this builder
	 */
	public CronFields dstPolicy(DstGapPolicy gap, DstOverlapPolicy overlap) {
		this.gapPolicy = Objects.requireNonNull(gap, "gap");
		this.overlapPolicy = Objects.requireNonNull(overlap, "overlap");
		return this;
	}

	/**
	 * Builds the trigger.
	 * @return the trigger
	 * @throws InvalidTriggerException naming the field and value that are wrong
	 */
	public CronTrigger build() {
		return CronTrigger.ofFields(this.fields, this.zone, this.startDate, this.endDate, this.jitter, this.gapPolicy,
				this.overlapPolicy);
	}

	private CronFields field(String name, String expression) {
		this.fields.put(name, Objects.requireNonNull(expression, name));
		return this;
	}

}
