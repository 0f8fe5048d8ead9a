package dev.asyncz.trigger;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.asyncz.trigger.internal.DstShifts;
import dev.asyncz.trigger.internal.CronStrings;
import dev.asyncz.trigger.internal.Durations;
import dev.asyncz.trigger.internal.FieldSchedule;
import dev.asyncz.trigger.internal.Jitter;
import dev.asyncz.trigger.internal.LocalSchedule;
import dev.asyncz.trigger.internal.SpringCronSchedule;
import dev.asyncz.trigger.internal.ZonedSchedule;
import org.jspecify.annotations.Nullable;

/**
 * Fires at the wall-clock times a cron expression selects, in a zone. Built from a string
 * in a {@link CronDialect} (parsed and checked as its origin does, evaluated with
 * Spring's {@code CronExpression} on wall times) or from asyncz-style fields
 * ({@link CronFields}).
 * <p>
 * <strong>Daylight saving.</strong> Each trigger maps wall times to instants by its two
 * policies, and unless {@link #withDstPolicy} says otherwise they are its origin's, so an
 * expression brought from elsewhere fires when it fired there:
 * <table>
 * <caption>Default policies</caption>
 * <tr>
 * <th>built from</th>
 * <th>gap (02:30 does not exist)</th>
 * <th>overlap (01:30 happens twice)</th>
 * </tr>
 * <tr>
 * <td>{@link CronFields}, {@link CronDialect#CRONTAB} (APScheduler 3, asyncz)</td>
 * <td>{@link DstGapPolicy#SHIFT_BY_GAP_LENGTH}: 03:30</td>
 * <td>{@link DstOverlapPolicy#BOTH}</td>
 * </tr>
 * <tr>
 * <td>{@link CronDialect#SPRING}</td>
 * <td>{@link DstGapPolicy#SKIP}</td>
 * <td>{@link DstOverlapPolicy#BOTH}, computed by Spring's {@code CronExpression}
 * itself</td>
 * </tr>
 * <tr>
 * <td>{@link CronDialect#QUARTZ}</td>
 * <td>{@link DstGapPolicy#SKIP}</td>
 * <td>{@link DstOverlapPolicy#SECOND}</td>
 * </tr>
 * </table>
 * Whatever the policies, a gap gives at most one fire time and fire times strictly
 * increase. {@link DstGapPolicy#RUN_AT_END_OF_GAP} with {@link DstOverlapPolicy#FIRST}
 * (the only behaviour before dialects had their own) is what Vixie cron does.
 * <p>
 * A trigger without a zone takes the scheduler's default when its task is added;
 * evaluated without one it uses UTC. Instances are immutable: the {@code with…},
 * {@code starting…} and {@code ending…} methods return copies.
 */
public final class CronTrigger implements ZonedTrigger {

	private final @Nullable CronDialect dialect;

	private final @Nullable String expression;

	private final Map<String, String> fields;

	private final LocalSchedule schedule;

	private final @Nullable ZoneId zone;

	private final @Nullable Instant start;

	private final @Nullable Instant end;

	private final Duration jitter;

	private final DstGapPolicy gapPolicy;

	private final DstOverlapPolicy overlapPolicy;

	private CronTrigger(@Nullable CronDialect dialect, @Nullable String expression, Map<String, String> fields,
			LocalSchedule schedule, @Nullable ZoneId zone, @Nullable Instant start, @Nullable Instant end,
			Duration jitter, DstGapPolicy gapPolicy, DstOverlapPolicy overlapPolicy) {
		if (start != null && end != null && end.isBefore(start)) {
			throw new InvalidTriggerException("end: " + end + " is before start " + start);
		}
		this.dialect = dialect;
		this.expression = expression;
		this.fields = fields;
		this.schedule = schedule;
		this.zone = zone;
		this.start = start;
		this.end = end;
		this.jitter = Jitter.require(jitter);
		this.gapPolicy = Objects.requireNonNull(gapPolicy, "gapPolicy");
		this.overlapPolicy = Objects.requireNonNull(overlapPolicy, "overlapPolicy");
	}

	/**
	 * A trigger from a cron string.
	 * @param dialect the dialect of the string
	 * @param expression the expression
	 * @param zone the zone, or {@code null} for the scheduler's default
	 * @return the trigger
	 * @throws InvalidTriggerException naming the field and value that are wrong
	 */
	public static CronTrigger of(CronDialect dialect, String expression, @Nullable ZoneId zone) {
		Objects.requireNonNull(dialect, "dialect");
		Objects.requireNonNull(expression, "expression");
		return new CronTrigger(dialect, expression, Map.of(), CronStrings.compile(dialect, expression), zone, null,
				null, Duration.ZERO, dialect.defaultGapPolicy(), dialect.defaultOverlapPolicy());
	}

	static CronTrigger ofFields(Map<String, String> fields, @Nullable ZoneId zone, @Nullable Instant start,
			@Nullable Instant end, Duration jitter, DstGapPolicy gapPolicy, DstOverlapPolicy overlapPolicy) {
		Map<String, String> ordered = FieldSchedule.FIELDS.stream()
			.filter(fields::containsKey)
			.collect(Collectors.toMap((name) -> name, fields::get, (a, b) -> a, LinkedHashMap::new));
		FieldSchedule schedule = FieldSchedule.compile(fields);
		return new CronTrigger(null, null, Collections.unmodifiableMap(ordered), schedule, zone, start, end, jitter,
				gapPolicy, overlapPolicy);
	}

	private CronTrigger with(@Nullable ZoneId zone, @Nullable Instant start, @Nullable Instant end, Duration jitter,
			DstGapPolicy gapPolicy, DstOverlapPolicy overlapPolicy) {
		return new CronTrigger(this.dialect, this.expression, this.fields, this.schedule, zone, start, end, jitter,
				gapPolicy, overlapPolicy);
	}

	/**
	 * A copy that never fires before {@code start}.
	 * @param start the earliest fire time
	 * @return the copy
	 * @throws InvalidTriggerException if the end is before the start
	 */
	public CronTrigger startingAt(@Nullable Instant start) {
		return with(this.zone, start, this.end, this.jitter, this.gapPolicy, this.overlapPolicy);
	}

	/**
	 * A copy that never fires after {@code end}.
	 * @param end the latest fire time
	 * @return the copy
	 * @throws InvalidTriggerException if the end is before the start
	 */
	public CronTrigger endingAt(@Nullable Instant end) {
		return with(this.zone, this.start, end, this.jitter, this.gapPolicy, this.overlapPolicy);
	}

	/**
	 * A copy that delays each fire time by a random amount between zero and
	 * {@code jitter}, never past the end date; the next fire time is still computed from
	 * the expression, so jitter does not accumulate.
	 * @param jitter the largest delay
	 * @return the copy
	 * @throws InvalidTriggerException if the jitter is negative
	 */
	public CronTrigger withJitter(Duration jitter) {
		return with(this.zone, this.start, this.end, jitter, this.gapPolicy, this.overlapPolicy);
	}

	/**
	 * A copy with other daylight-saving policies than its dialect's (see the class
	 * description).
	 * @param gap what a wall time that does not exist does
	 * @param overlap what a wall time that happens twice does
	 * @return the copy
	 */
	public CronTrigger withDstPolicy(DstGapPolicy gap, DstOverlapPolicy overlap) {
		return with(this.zone, this.start, this.end, this.jitter, gap, overlap);
	}

	/**
	 * Whether the trigger keeps its origin's daylight-saving policies (its dialect's, or
	 * APScheduler's for a trigger built from fields), so that a scheduler-wide policy may
	 * replace them.
	 * @return true unless {@link #withDstPolicy} chose others
	 */
	public boolean hasOriginDstPolicy() {
		CronDialect origin = (this.dialect != null) ? this.dialect : CronDialect.CRONTAB;
		return this.gapPolicy == origin.defaultGapPolicy() && this.overlapPolicy == origin.defaultOverlapPolicy();
	}

	/**
	 * The dialect of the expression.
	 * @return the dialect, or {@code null} for a trigger built from fields
	 */
	public @Nullable CronDialect dialect() {
		return this.dialect;
	}

	/**
	 * The cron string.
	 * @return the expression, or {@code null} for a trigger built from fields
	 */
	public @Nullable String expression() {
		return this.expression;
	}

	/**
	 * The fields given, largest first, for a trigger built from fields.
	 * @return field name to expression; empty for a trigger built from a string
	 */
	public Map<String, String> fields() {
		return this.fields;
	}

	/**
	 * The earliest fire time.
	 * @return the start, or {@code null}
	 */
	public @Nullable Instant start() {
		return this.start;
	}

	/**
	 * The latest fire time.
	 * @return the end, or {@code null}
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
	 * What a wall time that does not exist does.
	 * @return the policy
	 */
	public DstGapPolicy gapPolicy() {
		return this.gapPolicy;
	}

	/**
	 * What a wall time that happens twice does.
	 * @return the policy
	 */
	public DstOverlapPolicy overlapPolicy() {
		return this.overlapPolicy;
	}

	@Override
	public @Nullable ZoneId zone() {
		return this.zone;
	}

	@Override
	public CronTrigger inZone(ZoneId zone) {
		return with(Objects.requireNonNull(zone, "zone"), this.start, this.end, this.jitter, this.gapPolicy,
				this.overlapPolicy);
	}

	@Override
	public Optional<Instant> firstFireTime(Instant now) {
		Instant from = (this.start != null && this.start.isAfter(now)) ? this.start : now;
		return fire(from.minusNanos(1));
	}

	@Override
	public Optional<Instant> nextFireTimeAfter(Instant previous) {
		return fire((this.start != null && this.start.isAfter(previous)) ? this.start.minusNanos(1) : previous);
	}

	private Optional<Instant> fire(Instant after) {
		ZoneId in = (this.zone != null) ? this.zone : ZoneOffset.UTC;
		boolean springsOwn = isSpringsOwn() && this.schedule instanceof SpringCronSchedule;
		Instant next = springsOwn ? ((SpringCronSchedule) this.schedule).nextAfter(after, in) : null;
		// Where clocks fall back by half an hour Spring can answer a time that is not
		// after the one it was given (01:00 again after 01:00 at Lord Howe), which would
		// run the task over and over: there the wall-time mapping with the same policies
		// answers instead.
		if (!springsOwn || (next != null && !next.isAfter(after))) {
			next = new ZonedSchedule(this.schedule, in, this.gapPolicy, this.overlapPolicy).nextAfter(after);
		}
		if (next == null || (this.end != null && next.isAfter(this.end))) {
			return Optional.empty();
		}
		return Optional.of(Jitter.apply(next, this.jitter, this.end));
	}

	/**
	 * Whether daylight saving moves a fire time between two consecutive fire times of
	 * this trigger: a wall time after {@code previous} that clocks skip before
	 * {@code next} (fired at {@code next}, or skipped, as the gap policy says), or
	 * {@code next} being a wall time that clocks pass twice (told once per overlap, when
	 * {@code previous} is not in it already). In a zone without daylight saving this
	 * costs next to nothing.
	 * @param previous a fire time of this trigger
	 * @param next the fire time that follows it
	 * @return the shift, or empty when daylight saving moves nothing in between
	 */
	public Optional<DstShift> dstShift(Instant previous, Instant next) {
		if (this.zone == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(
				DstShifts.between(this.schedule, this.zone, this.gapPolicy, this.overlapPolicy, previous, next));
	}

	// Spring's overlap behaviour depends on its field arithmetic (where clocks fall back
	// by half an hour it repeats some wall times and not others), so with Spring's
	// default policies Spring computes the fire times itself.
	private boolean isSpringsOwn() {
		return this.dialect == CronDialect.SPRING && this.gapPolicy == CronDialect.SPRING.defaultGapPolicy()
				&& this.overlapPolicy == CronDialect.SPRING.defaultOverlapPolicy();
	}

	@Override
	public String describe() {
		StringBuilder text = new StringBuilder("cron ");
		if (this.expression != null) {
			text.append('\'').append(this.expression).append('\'');
			if (this.dialect == CronDialect.QUARTZ) {
				text.append(" (Quartz)");
			}
		}
		else {
			text.append(this.fields.entrySet()
				.stream()
				.map((field) -> field.getKey() + "=" + field.getValue())
				.collect(Collectors.joining(", ", "{", "}")));
		}
		if (this.zone != null) {
			text.append(" in ").append(this.zone);
		}
		if (this.start != null) {
			text.append(" from ").append(this.start);
		}
		if (this.end != null) {
			text.append(" until ").append(this.end);
		}
		if (!this.jitter.isZero()) {
			text.append(" with up to ").append(Durations.describe(this.jitter)).append(" jitter");
		}
		return text.toString();
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (this == other) || (other instanceof CronTrigger that && this.dialect == that.dialect
				&& Objects.equals(this.expression, that.expression) && this.fields.equals(that.fields)
				&& Objects.equals(this.zone, that.zone) && Objects.equals(this.start, that.start)
				&& Objects.equals(this.end, that.end) && this.jitter.equals(that.jitter)
				&& this.gapPolicy == that.gapPolicy && this.overlapPolicy == that.overlapPolicy);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.dialect, this.expression, this.fields, this.zone, this.start, this.end, this.jitter,
				this.gapPolicy, this.overlapPolicy);
	}

	@Override
	public String toString() {
		return "CronTrigger[" + describe() + "]";
	}

}
