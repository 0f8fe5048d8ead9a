package dev.asyncz.trigger;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CronStringTriggerTests {

	private static final String MONDAY = "2024-01-01T00:00:00Z";

	@ParameterizedTest(name = "{0} ''{1}'' after {2} -> {3}")
	@CsvSource(delimiter = '|', nullValues = "none", value = {
			// crontab: steps, ranges, lists, names, 0 and 7 both Sunday
			"CRONTAB | */15 * * * *         | 2024-01-01T00:00:00Z | 2024-01-01T00:15:00Z",
			"CRONTAB | 5-20/5 * * * *       | 2024-01-01T00:20:00Z | 2024-01-01T01:05:00Z",
			"CRONTAB | 0,30 9,17 * * *      | 2024-01-01T09:00:00Z | 2024-01-01T09:30:00Z",
			"CRONTAB | 0 8 * * mon-fri      | 2024-01-06T00:00:00Z | 2024-01-08T08:00:00Z",
			"CRONTAB | 0 8 * * 0            | " + MONDAY + " | 2024-01-07T08:00:00Z",
			"CRONTAB | 0 8 * * 7            | " + MONDAY + " | 2024-01-07T08:00:00Z",
			"CRONTAB | 0 8 * * SUN          | " + MONDAY + " | 2024-01-07T08:00:00Z",
			"CRONTAB | 0 8 * * 5-7          | " + MONDAY + " | 2024-01-05T08:00:00Z",
			"CRONTAB | 0 0 1 jan *          | " + MONDAY + " | 2025-01-01T00:00:00Z",
			"CRONTAB | 0 0 1 Jul-Aug *      | " + MONDAY + " | 2024-07-01T00:00:00Z",
			"CRONTAB | 0 0 31 * *           | 2024-04-01T00:00:00Z | 2024-05-31T00:00:00Z",
			"CRONTAB | 0 0 29 2 *           | 2024-03-01T00:00:00Z | 2028-02-29T00:00:00Z",
			"CRONTAB | 0 0 31 * *           | 2024-01-31T00:00:00Z | 2024-03-31T00:00:00Z",
			"CRONTAB | 0 0 31 * *           | 2024-07-31T00:00:00Z | 2024-08-31T00:00:00Z",
			"CRONTAB | 0 0 29 2 *           | 2027-01-01T00:00:00Z | 2028-02-29T00:00:00Z",
			"SPRING  | 0 0 0 29 2 *         | 2024-02-29T00:00:00Z | 2028-02-29T00:00:00Z",
			"SPRING  | 0 0 0 L 2 *          | 2025-01-01T00:00:00Z | 2025-02-28T00:00:00Z",
			"SPRING  | 0 0 0 L 2 *          | 2028-01-01T00:00:00Z | 2028-02-29T00:00:00Z",
			// Vixie rule: both day fields restricted means either matches
			"CRONTAB | 0 0 13 * fri         | " + MONDAY + " | 2024-01-05T00:00:00Z",
			"CRONTAB | 0 0 13 * fri         | 2024-01-12T01:00:00Z | 2024-01-13T00:00:00Z",
			// ...but a day field starting with '*' makes them both count, as in Vixie
			// cron
			"CRONTAB | 0 0 */2 * mon        | " + MONDAY + " | 2024-01-15T00:00:00Z",
			// macros
			"CRONTAB | @hourly              | " + MONDAY + " | 2024-01-01T01:00:00Z",
			"CRONTAB | @daily               | " + MONDAY + " | 2024-01-02T00:00:00Z",
			"CRONTAB | @midnight            | " + MONDAY + " | 2024-01-02T00:00:00Z",
			"CRONTAB | @weekly              | " + MONDAY + " | 2024-01-07T00:00:00Z",
			"CRONTAB | @monthly             | " + MONDAY + " | 2024-02-01T00:00:00Z",
			"CRONTAB | @yearly              | " + MONDAY + " | 2025-01-01T00:00:00Z",
			"CRONTAB | @annually            | " + MONDAY + " | 2025-01-01T00:00:00Z",
			// Spring: seconds first, L, W, #, macros
			"SPRING  | */10 * * * * *       | " + MONDAY + " | 2024-01-01T00:00:10Z",
			"SPRING  | 30 0 8 * * MON-FRI   | 2024-01-06T00:00:00Z | 2024-01-08T08:00:30Z",
			"SPRING  | 0 0 8 * * 0          | " + MONDAY + " | 2024-01-07T08:00:00Z",
			"SPRING  | 0 0 12 L * *         | " + MONDAY + " | 2024-01-31T12:00:00Z",
			"SPRING  | 0 0 12 L-3 * *       | " + MONDAY + " | 2024-01-28T12:00:00Z",
			"SPRING  | 0 0 12 15W * *       | 2024-06-01T00:00:00Z | 2024-06-14T12:00:00Z",
			"SPRING  | 0 0 12 LW * *        | 2024-06-01T00:00:00Z | 2024-06-28T12:00:00Z",
			"SPRING  | 0 0 12 * * FRI#3     | " + MONDAY + " | 2024-01-19T12:00:00Z",
			"SPRING  | 0 0 12 * * 5L        | " + MONDAY + " | 2024-01-26T12:00:00Z",
			"SPRING  | @daily               | " + MONDAY + " | 2024-01-02T00:00:00Z",
			// Quartz: 1 = Sunday, names, ?, L, #, optional year
			"QUARTZ  | 0 0 12 ? * 1         | " + MONDAY + " | 2024-01-07T12:00:00Z",
			"QUARTZ  | 0 0 12 ? * 2-6       | 2024-01-06T00:00:00Z | 2024-01-08T12:00:00Z",
			"QUARTZ  | 0 0 12 ? * 7         | " + MONDAY + " | 2024-01-06T12:00:00Z",
			"QUARTZ  | 0 0 12 ? * SUN       | " + MONDAY + " | 2024-01-07T12:00:00Z",
			"QUARTZ  | 0 0 12 ? * MON-FRI   | 2024-01-06T00:00:00Z | 2024-01-08T12:00:00Z",
			"QUARTZ  | 0 0 12 ? * 1/3       | 2024-01-02T00:00:00Z | 2024-01-03T12:00:00Z",
			"QUARTZ  | 0 0 12 ? * 6#3       | " + MONDAY + " | 2024-01-19T12:00:00Z",
			"QUARTZ  | 0 0 12 ? * 6L        | " + MONDAY + " | 2024-01-26T12:00:00Z",
			"QUARTZ  | 0 0 12 ? * L         | " + MONDAY + " | 2024-01-06T12:00:00Z",
			"QUARTZ  | 0 0 12 L * ?         | " + MONDAY + " | 2024-01-31T12:00:00Z",
			"QUARTZ  | 0 0 12 15W * ?       | 2024-06-01T00:00:00Z | 2024-06-14T12:00:00Z",
			// Quartz's W never leaves the month: a Sunday 31st goes back to Friday 29th,
			// and a month without the day has no fire time
			"QUARTZ  | 0 0 12 31W * ?       | 2024-03-01T00:00:00Z | 2024-03-29T12:00:00Z",
			"QUARTZ  | 0 0 12 31W * ?       | 2024-04-01T00:00:00Z | 2024-05-31T12:00:00Z",
			"QUARTZ  | 0 0 12 1 1 ? 2027    | " + MONDAY + " | 2027-01-01T12:00:00Z",
			"QUARTZ  | 0 0 12 1 1 ? *       | 2024-01-02T00:00:00Z | 2025-01-01T12:00:00Z",
			"QUARTZ  | 0 0 12 1 1 ? 2027-2028 | 2027-01-02T00:00:00Z | 2028-01-01T12:00:00Z",
			"QUARTZ  | 0 0 12 1 1 ? 2027-2028 | 2028-01-02T00:00:00Z | none",
			"QUARTZ  | 0 0 12 1 1 ? 2030/5  | 2030-01-02T00:00:00Z | 2035-01-01T12:00:00Z",
			"QUARTZ  | 0 0 12 1 1 ? 2026,2031 | 2027-01-02T00:00:00Z | 2031-01-01T12:00:00Z",
			"QUARTZ  | 0 0 12 29 2 ? 2025-2027 | " + MONDAY + " | none",
			"QUARTZ  | 0 0 12 29 2 ? 2025-2029 | " + MONDAY + " | 2028-02-29T12:00:00Z" })
	void nextFireTime(CronDialect dialect, String expression, Instant after, @Nullable Instant expected) {
		CronTrigger trigger = Triggers.cron(dialect, expression, ZoneOffset.UTC);
		FireTimes.assertNext(trigger, after, expected);
	}

	@ParameterizedTest(name = "''{0}''")
	@CsvSource(delimiter = '|',
			value = { "0 30 9 * * SUN-THU | 2024-01-04T09:30:00Z 2024-01-07T09:30:00Z",
					"0 30 9 * * 7-4     | 2024-01-04T09:30:00Z 2024-01-07T09:30:00Z",
					"0 30 9 * * SUN-MON | 2024-01-07T09:30:00Z 2024-01-08T09:30:00Z",
					"0 30 9 * * SUN-SAT | 2024-01-04T09:30:00Z 2024-01-05T09:30:00Z",
					"0 30 9 * * SUN-THU/2 | 2024-01-04T09:30:00Z 2024-01-07T09:30:00Z" })
	void springDayOfWeekRangeMayStartOnSunday(String expression, String expected) {
		List<Instant> times = Arrays.stream(expected.split(" ")).map(Instant::parse).toList();
		Instant wednesday = Instant.parse("2024-01-03T12:00:00Z");
		assertThat(FireTimes.following(Triggers.cron(CronDialect.SPRING, expression, ZoneOffset.UTC), wednesday, 2))
			.isEqualTo(times);
		assertThat(FireTimes.following(Triggers.cron(expression, ZoneOffset.UTC), wednesday, 2)).isEqualTo(times);
	}

	@ParameterizedTest(name = "''{0}''")
	@CsvSource(delimiter = '|', value = {
			// Jan 2024: 31 - 3 = Sunday 28 -> Monday 29; Apr: 30 - 3 = Saturday 27 ->
			// Friday 26
			"0 0 12 L-3W * ?    | 2024-01-29T12:00:00Z 2024-02-26T12:00:00Z 2024-03-28T12:00:00Z 2024-04-26T12:00:00Z",
			"0 0 12 L-0W * ?    | 2024-01-31T12:00:00Z 2024-02-29T12:00:00Z 2024-03-29T12:00:00Z 2024-04-30T12:00:00Z",
			// the day before the first of the month does not exist: no fire in that
			// month;
			// a Saturday first moves to Monday 3rd, never back into the month before
			"0 0 12 L-30W * ?   | 2024-01-01T12:00:00Z 2024-03-01T12:00:00Z 2024-05-01T12:00:00Z 2024-07-01T12:00:00Z",
			"0 0 12 L-29W 1 ? 2028 | 2028-01-03T12:00:00Z",
			"0 0 12 L-3W,5 * ?  | 2024-01-05T12:00:00Z 2024-01-29T12:00:00Z 2024-02-05T12:00:00Z 2024-02-26T12:00:00Z" })
	void quartzDayOfMonthAcceptsTheWeekdayNearestToDaysBeforeTheLast(String expression, String expected) {
		List<Instant> times = Arrays.stream(expected.split(" ")).map(Instant::parse).toList();
		CronTrigger trigger = Triggers.cron(CronDialect.QUARTZ, expression, ZoneOffset.UTC);
		assertThat(FireTimes.following(trigger, Instant.parse(MONDAY), times.size())).isEqualTo(times);
	}

	@ParameterizedTest(name = "''{0}''")
	@CsvSource(delimiter = '|', value = {
			"0/60 0 12 * * ?   | second: step 60 in 0/60 is larger than 59, the largest this field accepts",
			"0 0/90 12 * * ?   | minute: step 90 in 0/90 is larger than 59, the largest this field accepts",
			"0 */90 12 * * ?   | minute: step 90 in */90 is larger than 59, the largest this field accepts",
			"0 0 0/24 * * ?    | hour: step 24 in 0/24 is larger than 23, the largest this field accepts",
			"0 0 0 1/32 * ?    | day-of-month: step 32 in 1/32 is larger than 31, the largest this field accepts",
			"0 0 0 1 1/13 ?    | month: step 13 in 1/13 is larger than 12, the largest this field accepts",
			"0 0 0 ? * 1/8     | day-of-week: step 8 in 1/8 is larger than 7, the largest this field accepts" })
	void quartzRejectsStepsLargerThanTheField(String expression, String message) {
		assertThatExceptionOfType(InvalidTriggerException.class)
			.isThrownBy(() -> Triggers.cron(CronDialect.QUARTZ, expression, ZoneOffset.UTC))
			.withMessageContaining(message + " in '" + expression + "'");
	}

	@ParameterizedTest(name = "''{0}''")
	@CsvSource(delimiter = '|',
			value = { "0 0/59 * * * ? | QUARTZ | 2024-01-01T00:59:00Z",
					"0 0 0/23 * * ? | QUARTZ | 2024-01-01T23:00:00Z", "0 0 0 ? * 1/7 | QUARTZ | 2024-01-07T00:00:00Z",
					"*/90 * * * * | CRONTAB | 2024-01-01T01:00:00Z", "0 */90 * * * * | SPRING | 2024-01-01T01:00:00Z" })
	void stepsUpToTheFieldAreAcceptedAndCrontabAndSpringAcceptAnyStep(String expression, CronDialect dialect,
			Instant expected) {
		FireTimes.assertNext(Triggers.cron(dialect, expression, ZoneOffset.UTC), Instant.parse(MONDAY), expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "0 0 0 ? * MON,FRI,L | 'L'", "0 0 0 ? * L,MON | 'L'", "0 0 0 ? * 6L,2 | '6L'" })
	void quartzRejectsLastDayOfWeekTogetherWithOtherDays(String expression, String item) {
		assertThatExceptionOfType(InvalidTriggerException.class)
			.isThrownBy(() -> Triggers.cron(CronDialect.QUARTZ, expression, ZoneOffset.UTC))
			.withMessageContaining("day-of-week: Quartz does not accept '" + item + "' together with other days in '"
					+ expression + "'");
	}

	@Test
	void sundayIsZeroInCrontabAndOneInQuartz() {
		Instant monday = Instant.parse(MONDAY);
		Instant sunday = Instant.parse("2024-01-07T12:00:00Z");
		assertThat(Triggers.cron(CronDialect.CRONTAB, "0 12 * * 0", ZoneOffset.UTC).nextFireTimeAfter(monday))
			.contains(sunday);
		assertThat(Triggers.cron(CronDialect.QUARTZ, "0 0 12 ? * 1", ZoneOffset.UTC).nextFireTimeAfter(monday))
			.contains(sunday);
	}

	@ParameterizedTest
	@CsvSource({ "'*/5 * * * *', CRONTAB", "'0 */5 * * * *', SPRING", "@daily, CRONTAB", "'  0 8 * * *  ', CRONTAB" })
	void cronStringDetectsItsDialectFromItsShape(String expression, CronDialect expected) {
		assertThat(Triggers.cron(expression).dialect()).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "'* * * *', 4", "'0 0 12 ? * 1 2027', 7", "'', 0" })
	void cronStringOfAnyOtherShapeSaysWhichDialectsExist(String expression, int fields) {
		assertThatExceptionOfType(InvalidTriggerException.class).isThrownBy(() -> Triggers.cron(expression))
			.withMessageContaining("'" + expression + "' has " + fields + " fields")
			.withMessageContaining("CRONTAB")
			.withMessageContaining("SPRING")
			.withMessageContaining("CronDialect.QUARTZ");
	}

	@Test
	void cronStringWithoutZoneLeavesItToTheScheduler() {
		assertThat(Triggers.cron("0 8 * * *").zone()).isNull();
		assertThat(Triggers.cron("0 8 * * *").inZone(ZoneOffset.UTC).zone()).isEqualTo(ZoneOffset.UTC);
	}

	@ParameterizedTest(name = "{0} ''{1}''")
	@CsvSource(delimiter = '|', value = { "CRONTAB | 0 24 * * *      | hour: 24 is out of range 0-23 in '0 24 * * *'",
			"CRONTAB | 60 * * * *      | minute: 60 is out of range 0-59 in '60 * * * *'",
			"CRONTAB | 0 0 32 * *      | day-of-month: 32 is out of range 1-31 in '0 0 32 * *'",
			"CRONTAB | 0 0 0 * *       | day-of-month: 0 is out of range 1-31 in '0 0 0 * *'",
			"CRONTAB | 0 0 * 13 *      | month: 13 is out of range 1-12 in '0 0 * 13 *'",
			"CRONTAB | 0 0 * * 8       | day-of-week: 8 is out of range 0-7 in '0 0 * * 8'",
			"CRONTAB | 0 0 * * mon-xyz | day-of-week: 'xyz' is not a valid value (expected a number or one of sun,mon,tue,wed,thu,fri,sat) in '0 0 * * mon-xyz'",
			"CRONTAB | 0 0 * foo *     | month: 'foo' is not a valid value",
			"CRONTAB | 0 5-1 * * *     | hour: range 5-1 goes backwards (5 > 1) in '0 5-1 * * *'",
			"CRONTAB | */0 * * * *     | minute: step 0 must be at least 1 in '*/0 * * * *'",
			"CRONTAB | */x * * * *     | minute: step 'x' is not a number in '*/x * * * *'",
			"CRONTAB | 0 0,,1 * * *    | hour: empty value in list in '0 0,,1 * * *'",
			"CRONTAB | 0 -1 * * *      | hour: '-1' is not a valid value",
			"CRONTAB | 0 0 L * *       | day-of-month: 'L' is not a valid value",
			"CRONTAB | 0 0 30 2 *      | day-of-month: day 30 never occurs in month 2 in '0 0 30 2 *'",
			"CRONTAB | 0 0 31 4,6,9,11 * | day-of-month: day 31 never occurs in month 4,6,9,11 in '0 0 31 4,6,9,11 *'",
			"CRONTAB | 0 0 * * * *     | crontab expression '0 0 * * * *' has 6 fields: expected 5",
			"CRONTAB | @reboot         | unknown cron macro '@reboot': expected one of @annually, @daily, @hourly",
			"SPRING  | 0 0 24 * * *    | hour: 24 is out of range 0-23 in '0 0 24 * * *'",
			"SPRING  | 60 0 0 * * *    | second: 60 is out of range 0-59 in '60 0 0 * * *'",
			"SPRING  | 0 0 0 * * FRI-MON | day-of-week: range FRI-MON goes backwards (5 > 1) in '0 0 0 * * FRI-MON'",
			"SPRING  | 0 0 0 32W * *   | invalid cron expression '0 0 0 32W * *': Invalid value for DayOfMonth",
			"SPRING  | 0 0 * * *       | Spring cron expression '0 0 * * *' has 5 fields: expected 6",
			"QUARTZ  | 0 0 12 ? * 0    | day-of-week: 0 is out of range 1-7 in '0 0 12 ? * 0'",
			"QUARTZ  | 0 0 12 30W 2 ?  | day-of-month: day 30 never occurs in month 2 in '0 0 12 30W 2 ?'",
			"QUARTZ  | 0 0 12 ? * 8    | day-of-week: 8 is out of range 1-7 in '0 0 12 ? * 8'",
			"QUARTZ  | 0 0 12 ? * 8#2  | day-of-week: 8 is out of range 1-7 in '0 0 12 ? * 8#2'",
			"QUARTZ  | 0 0 12 ? * 2#6  | day-of-week: 6 is out of range 1-5 in '0 0 12 ? * 2#6'",
			"QUARTZ  | 0 0 12 L-31W * ? | day-of-month: 31 is out of range 0-30 in '0 0 12 L-31W * ?'",
			"QUARTZ  | 0 0 12 L-29W 2 ? | day-of-month: L-29W never occurs in month 2 in '0 0 12 L-29W 2 ?'",
			"QUARTZ  | 0 0 12 1 1 ? 1969 | year: 1969 is out of range 1970-9999 in '0 0 12 1 1 ? 1969'",
			"QUARTZ  | 0 0 12 * * *    | day-of-month and day-of-week: Quartz needs '?' in exactly one of them in '0 0 12 * * *'",
			"QUARTZ  | 0 0 12 ? * ?    | day-of-month and day-of-week: Quartz needs '?' in exactly one of them",
			"QUARTZ  | 0 0 12 * *      | Quartz cron expression '0 0 12 * *' has 5 fields: expected 6 or 7" })
	void malformedExpressionIsRejectedNamingTheFieldAndValue(CronDialect dialect, String expression, String message) {
		assertThatExceptionOfType(InvalidTriggerException.class)
			.isThrownBy(() -> Triggers.cron(dialect, expression, ZoneOffset.UTC))
			.withMessageContaining(message);
	}

	@Test
	void firstFireTimeIncludesNowWhenItMatches() {
		Instant eight = Instant.parse("2024-01-01T08:00:00Z");
		assertThat(Triggers.cron("0 8 * * *", ZoneOffset.UTC).firstFireTime(eight)).contains(eight);
	}

	@Test
	void neverFiresBeforeTheStart() {
		CronTrigger trigger = Triggers.cron("0 8 * * *", ZoneOffset.UTC)
			.startingAt(Instant.parse("2024-03-10T09:00:00Z"));
		assertThat(trigger.firstFireTime(Instant.parse(MONDAY))).contains(Instant.parse("2024-03-11T08:00:00Z"));
		assertThat(trigger.nextFireTimeAfter(Instant.parse(MONDAY))).contains(Instant.parse("2024-03-11T08:00:00Z"));
	}

	@Test
	void startingExactlyOnAFireTimeFiresThen() {
		Instant start = Instant.parse("2024-03-10T08:00:00Z");
		CronTrigger trigger = Triggers.cron("0 8 * * *", ZoneOffset.UTC).startingAt(start);
		assertThat(trigger.firstFireTime(Instant.parse(MONDAY))).contains(start);
	}

	@Test
	void neverFiresAfterTheEnd() {
		CronTrigger trigger = Triggers.cron("0 8 * * *", ZoneOffset.UTC)
			.endingAt(Instant.parse("2024-01-02T08:00:00Z"));
		assertThat(trigger.nextFireTimeAfter(Instant.parse(MONDAY))).contains(Instant.parse("2024-01-01T08:00:00Z"));
		assertThat(trigger.nextFireTimeAfter(Instant.parse("2024-01-01T08:00:00Z")))
			.contains(Instant.parse("2024-01-02T08:00:00Z"));
		assertThat(trigger.nextFireTimeAfter(Instant.parse("2024-01-02T08:00:00Z"))).isEmpty();
	}

	@Test
	void endBeforeStartIsRejected() {
		CronTrigger trigger = Triggers.cron("0 8 * * *").startingAt(Instant.parse("2024-01-02T00:00:00Z"));
		assertThatExceptionOfType(InvalidTriggerException.class)
			.isThrownBy(() -> trigger.endingAt(Instant.parse("2024-01-01T00:00:00Z")))
			.withMessageContaining("end: 2024-01-01T00:00:00Z is before start 2024-01-02T00:00:00Z");
	}

	@Test
	void jitteredFireTimesStayWithinTheJitterOfTheExpression() {
		CronTrigger trigger = Triggers.cron("*/10 * * * *", ZoneOffset.UTC)
			.withJitter(java.time.Duration.ofSeconds(20));
		Instant grid = Instant.parse("2024-01-01T00:10:00Z");
		for (int i = 0; i < 1000; i++) {
			assertThat(trigger.nextFireTimeAfter(Instant.parse(MONDAY)).orElseThrow()).isBetween(grid,
					grid.plusSeconds(20));
		}
	}

	@Test
	void jitteredPreviousFireTimeDoesNotShiftTheNextOne() {
		CronTrigger trigger = Triggers.cron("*/10 * * * *", ZoneOffset.UTC)
			.withJitter(java.time.Duration.ofSeconds(20));
		Instant grid = Instant.parse("2024-01-01T00:20:00Z");
		for (int i = 0; i < 1000; i++) {
			assertThat(trigger.nextFireTimeAfter(Instant.parse("2024-01-01T00:10:19Z")).orElseThrow()).isBetween(grid,
					grid.plusSeconds(20));
		}
	}

	@Test
	void jitterNeverPushesAFireTimePastTheEnd() {
		Instant end = Instant.parse("2024-01-01T00:10:05Z");
		CronTrigger trigger = Triggers.cron("*/10 * * * *", ZoneOffset.UTC)
			.endingAt(end)
			.withJitter(java.time.Duration.ofMinutes(5));
		for (int i = 0; i < 1000; i++) {
			assertThat(trigger.nextFireTimeAfter(Instant.parse(MONDAY)).orElseThrow())
				.isBetween(Instant.parse("2024-01-01T00:10:00Z"), end);
		}
	}

	@Test
	void taskMissedForThreeHundredYearsGetsItsNextFireTimeAtOnce() {
		CronTrigger trigger = Triggers.cron("0 8 * * mon", ZoneOffset.UTC);
		assertThat(trigger.nextFireTimeAfter(Instant.parse("1900-01-01T00:00:00Z")))
			.contains(Instant.parse("1900-01-01T08:00:00Z"));
		assertThat(trigger.nextFireTimeAfter(Instant.parse("2200-01-01T00:00:00Z")))
			.contains(Instant.parse("2200-01-06T08:00:00Z"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "0 8 * * mon-fri | cron '0 8 * * mon-fri' in Europe/Paris",
			"@daily | cron '@daily' in Europe/Paris" })
	void describesTheExpressionAndZone(String expression, String expected) {
		assertThat(Triggers.cron(expression, java.time.ZoneId.of("Europe/Paris")).describe()).isEqualTo(expected);
	}

	@Test
	void describesQuartzExpressionsAsSuch() {
		assertThat(Triggers.cron(CronDialect.QUARTZ, "0 0 12 ? * 1", null).describe())
			.isEqualTo("cron '0 0 12 ? * 1' (Quartz)");
	}

}
