package dev.asyncz.trigger;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CronFieldsTests {

	@ParameterizedTest(name = "{0} after {1} -> {2}")
	@CsvSource(delimiter = '|', nullValues = "none", value = {
			// smaller fields than the smallest given default to their minimum, larger
			// ones to *
			"hour=8                       | 2024-01-01T08:00:00Z | 2024-01-02T08:00:00Z",
			"minute=30                    | 2024-01-01T08:30:00Z | 2024-01-01T09:30:00Z",
			"year=2027 minute=30          | 2024-01-01T00:00:00Z | 2027-01-01T00:30:00Z",
			"month=3                      | 2024-01-01T00:00:00Z | 2024-03-01T00:00:00Z",
			"second=*/20                  | 2024-01-01T00:00:00Z | 2024-01-01T00:00:20Z",
			// numbers, ranges, steps, lists, names
			"minute=*/15                  | 2024-01-01T00:00:00Z | 2024-01-01T00:15:00Z",
			"minute=5-20/5                | 2024-01-01T00:20:00Z | 2024-01-01T01:05:00Z",
			"minute=10/20                 | 2024-01-01T00:10:00Z | 2024-01-01T00:30:00Z",
			"hour=9,17                    | 2024-01-01T09:00:00Z | 2024-01-01T17:00:00Z",
			"month=jul-aug day=1          | 2024-01-01T00:00:00Z | 2024-07-01T00:00:00Z",
			"month=FEB                    | 2024-01-01T00:00:00Z | 2024-02-01T00:00:00Z",
			// day of week: 0 = Monday .. 6 = Sunday, or names
			"dayOfWeek=0 hour=12          | 2024-01-02T00:00:00Z | 2024-01-08T12:00:00Z",
			"dayOfWeek=6 hour=12          | 2024-01-01T00:00:00Z | 2024-01-07T12:00:00Z",
			"dayOfWeek=sun hour=12        | 2024-01-01T00:00:00Z | 2024-01-07T12:00:00Z",
			"dayOfWeek=mon-fri hour=8     | 2024-01-06T00:00:00Z | 2024-01-08T08:00:00Z",
			"dayOfWeek=0-4 hour=8         | 2024-01-06T00:00:00Z | 2024-01-08T08:00:00Z",
			"dayOfWeek=sat,sun hour=8     | 2024-01-01T00:00:00Z | 2024-01-06T08:00:00Z",
			// day: numbers, last, nth weekday; day and dayOfWeek combine with AND
			"day=15                       | 2024-01-15T00:00:00Z | 2024-02-15T00:00:00Z",
			"day=31                       | 2024-04-01T00:00:00Z | 2024-05-31T00:00:00Z",
			"day=last month=2             | 2024-01-01T00:00:00Z | 2024-02-29T00:00:00Z",
			"day=last month=2             | 2025-01-01T00:00:00Z | 2025-02-28T00:00:00Z",
			"day=last fri                 | 2024-01-01T00:00:00Z | 2024-01-26T00:00:00Z",
			"day=2nd wed                  | 2024-01-01T00:00:00Z | 2024-01-10T00:00:00Z",
			"day=1st mon                  | 2024-01-02T00:00:00Z | 2024-02-05T00:00:00Z",
			"day=5th fri                  | 2024-01-01T00:00:00Z | 2024-03-29T00:00:00Z",
			"day=1,last                   | 2024-01-02T00:00:00Z | 2024-01-31T00:00:00Z",
			"day=13 dayOfWeek=fri         | 2024-01-01T00:00:00Z | 2024-09-13T00:00:00Z",
			// leap days
			"month=2 day=29               | 2024-03-01T00:00:00Z | 2028-02-29T00:00:00Z",
			"month=2 day=29 year=2025-2027 | 2024-03-01T00:00:00Z | none",
			// ISO weeks
			"week=1 dayOfWeek=mon         | 2024-06-01T00:00:00Z | 2024-12-30T00:00:00Z",
			"week=53 dayOfWeek=mon        | 2024-01-01T00:00:00Z | 2026-12-28T00:00:00Z",
			// years
			"year=2027-2028 month=1 day=1 | 2027-01-01T00:00:00Z | 2028-01-01T00:00:00Z",
			"year=2027-2028 month=1 day=1 | 2028-01-01T00:00:00Z | none",
			"year=2030/5 month=1 day=1    | 2030-01-01T00:00:00Z | 2035-01-01T00:00:00Z" })
	void nextFireTime(String fields, Instant after, @Nullable Instant expected) {
		CronTrigger trigger = build(fields);
		FireTimes.assertNext(trigger, after, expected);
	}

	@Test
	void dayOfWeekZeroIsMondayInFieldsButSundayInCrontab() {
		Instant tuesday = Instant.parse("2024-01-02T00:00:00Z");
		assertThat(build("dayOfWeek=0 hour=12").nextFireTimeAfter(tuesday))
			.contains(Instant.parse("2024-01-08T12:00:00Z"));
		assertThat(Triggers.cron("0 12 * * 0", ZoneOffset.UTC).nextFireTimeAfter(tuesday))
			.contains(Instant.parse("2024-01-07T12:00:00Z"));
	}

	@Test
	void noFieldsAtAllFiresEverySecond() {
		assertThat(Triggers.cronFields()
			.zone(ZoneOffset.UTC)
			.build()
			.nextFireTimeAfter(Instant.parse("2024-01-01T00:00:00.5Z")))
			.contains(Instant.parse("2024-01-01T00:00:01Z"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "hour=24           | hour: 24 is out of range 0-23",
			"minute=60          | minute: 60 is out of range 0-59",
			"second=*/0         | second: step 0 must be at least 1",
			"day=32             | day: 32 is out of range 1-31", "day=0              | day: 0 is out of range 1-31",
			"day=3rd funday     | day: '3rd funday' is not a day", "week=54            | week: 54 is out of range 1-53",
			"month=13           | month: 13 is out of range 1-12",
			"month=jan-foo      | month: 'foo' is not a valid value",
			"year=1969          | year: 1969 is out of range 1970-9999",
			"dayOfWeek=7        | dayOfWeek: 7 is out of range 0-6",
			"dayOfWeek=mon-xyz  | dayOfWeek: 'xyz' is not a valid value (expected a number or one of mon,tue,wed,thu,fri,sat,sun)",
			"dayOfWeek=fri-mon  | dayOfWeek: range fri-mon goes backwards (4 > 0)",
			"hour=5-1           | hour: range 5-1 goes backwards (5 > 1)",
			"minute=*/75        | minute: step 75 in */75 is larger than the span of its range (59)",
			"hour=*/30          | hour: step 30 in */30 is larger than the span of its range (23)",
			"day=10-12/5        | day: step 5 in 10-12/5 is larger than the span of its range (2)",
			"minute=50/10       | minute: step 10 in 50/10 is larger than the span of its range (9)",
			"dayOfWeek=*/7      | dayOfWeek: step 7 in */7 is larger than the span of its range (6)",
			"month=2 day=30     | day: day 30 never occurs in month 2",
			"month=2 day=31     | day: day 31 never occurs in month 2",
			"month=4,6,9,11 day=31 | day: day 31 never occurs in month 4,6,9,11" })
	void invalidFieldFailsAtBuildNamingTheField(String fields, String message) {
		assertThatExceptionOfType(InvalidTriggerException.class).isThrownBy(() -> build(fields))
			.withMessageContaining(message);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "minute=*/59 | 2024-01-01T00:59:00Z", "hour=*/23 | 2024-01-01T23:00:00Z",
			"day=10-12/2 | 2024-01-10T00:00:00Z", "minute=50/9 | 2024-01-01T00:50:00Z" })
	void stepUpToTheSpanOfItsRangeIsAcceptedAsInAPScheduler(String fields, Instant expected) {
		FireTimes.assertNext(build(fields), Instant.parse("2024-01-01T00:00:00Z"), expected);
	}

	@Test
	void dayThirtyIsAcceptedWhenSomeSelectedMonthHasIt() {
		assertThat(build("month=2,3 day=30").nextFireTimeAfter(Instant.parse("2024-01-01T00:00:00Z")))
			.contains(Instant.parse("2024-03-30T00:00:00Z"));
	}

	@Test
	void taskMissedForCenturiesGetsItsNextFireTimeAtOnce() {
		CronTrigger trigger = build("dayOfWeek=mon hour=8");
		assertThat(trigger.nextFireTimeAfter(Instant.parse("2270-01-01T00:00:00Z")))
			.contains(Instant.parse("2270-01-03T08:00:00Z"));
	}

	@Test
	void startEndAndJitterApply() {
		Instant start = Instant.parse("2024-01-10T00:00:00Z");
		CronTrigger trigger = Triggers.cronFields()
			.hour("8")
			.zone(ZoneOffset.UTC)
			.startDate(start)
			.endDate(Instant.parse("2024-01-11T08:00:10Z"))
			.jitter(Duration.ofSeconds(30))
			.build();
		assertThat(trigger.firstFireTime(Instant.parse("2024-01-01T00:00:00Z")).orElseThrow())
			.isBetween(Instant.parse("2024-01-10T08:00:00Z"), Instant.parse("2024-01-10T08:00:30Z"));
		for (int i = 0; i < 1000; i++) {
			assertThat(trigger.nextFireTimeAfter(Instant.parse("2024-01-10T08:00:29Z")).orElseThrow())
				.isBetween(Instant.parse("2024-01-11T08:00:00Z"), Instant.parse("2024-01-11T08:00:10Z"));
		}
		assertThat(trigger.nextFireTimeAfter(Instant.parse("2024-01-11T08:00:05Z"))).isEmpty();
	}

	@Test
	void keepsTheGivenFieldsLargestFirst() {
		assertThat(Triggers.cronFields().minute("0").hour("8").dayOfWeek("mon-fri").build().fields())
			.containsExactly(Map.entry("dayOfWeek", "mon-fri"), Map.entry("hour", "8"), Map.entry("minute", "0"));
	}

	@Test
	void describesTheGivenFieldsAndZone() {
		assertThat(
				Triggers.cronFields().hour("8").dayOfWeek("mon-fri").zone(ZoneId.of("Europe/Paris")).build().describe())
			.isEqualTo("cron {dayOfWeek=mon-fri, hour=8} in Europe/Paris");
	}

	private static CronTrigger build(String fields) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String field : fields.trim().split(" (?=[a-zA-Z]+=)")) {
			String[] pair = field.split("=", 2);
			values.put(pair[0], pair[1]);
		}
		CronFields builder = Triggers.cronFields().zone(ZoneOffset.UTC);
		values.forEach((name, value) -> {
			switch (name) {
				case "year" -> builder.year(value);
				case "month" -> builder.month(value);
				case "day" -> builder.day(value);
				case "week" -> builder.week(value);
				case "dayOfWeek" -> builder.dayOfWeek(value);
				case "hour" -> builder.hour(value);
				case "minute" -> builder.minute(value);
				case "second" -> builder.second(value);
				default -> throw new IllegalArgumentException(name);
			}
		});
		return builder.build();
	}

}
