package dev.asyncz.trigger;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring-forward gaps and fall-back overlaps in both hemispheres, a half-hour shift and a
 * midnight change, under each policy and under each dialect's default. Each row lists the
 * fire times in UTC that follow {@code after}, in order. The Spring and Quartz rows are
 * what Spring's and Quartz's own {@code CronExpression} give.
 */
class CronDaylightSavingTests {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final ZoneId LORD_HOWE = ZoneId.of("Australia/Lord_Howe");

	@ParameterizedTest(name = "{0} ''{1}'' {2} {3}")
	@CsvSource(delimiter = '|', value = {
			// Paris, clocks spring forward 2024-03-31 02:00 CET -> 03:00 CEST (01:00Z)
			"Europe/Paris | 30 2 * * * | RUN_AT_END_OF_GAP | FIRST | 2024-03-30T00:00:00Z | 2024-03-30T01:30:00Z 2024-03-31T01:00:00Z 2024-04-01T00:30:00Z",
			"Europe/Paris | 30 2 * * * | SKIP              | FIRST | 2024-03-30T00:00:00Z | 2024-03-30T01:30:00Z 2024-04-01T00:30:00Z",
			"Europe/Paris | */15 * * * * | RUN_AT_END_OF_GAP | FIRST | 2024-03-31T00:30:00Z | 2024-03-31T00:45:00Z 2024-03-31T01:00:00Z 2024-03-31T01:15:00Z",
			"Europe/Paris | */15 * * * * | SKIP            | FIRST | 2024-03-31T00:30:00Z | 2024-03-31T00:45:00Z 2024-03-31T01:00:00Z 2024-03-31T01:15:00Z",
			// Paris, clocks fall back 2024-10-27 03:00 CEST -> 02:00 CET (01:00Z)
			"Europe/Paris | 30 2 * * * | RUN_AT_END_OF_GAP | FIRST | 2024-10-26T00:00:00Z | 2024-10-26T00:30:00Z 2024-10-27T00:30:00Z 2024-10-28T01:30:00Z",
			"Europe/Paris | 30 2 * * * | RUN_AT_END_OF_GAP | BOTH  | 2024-10-26T00:00:00Z | 2024-10-26T00:30:00Z 2024-10-27T00:30:00Z 2024-10-27T01:30:00Z 2024-10-28T01:30:00Z",
			"Europe/Paris | */30 * * * * | RUN_AT_END_OF_GAP | FIRST | 2024-10-26T23:45:00Z | 2024-10-27T00:00:00Z 2024-10-27T00:30:00Z 2024-10-27T02:00:00Z 2024-10-27T02:30:00Z",
			"Europe/Paris | */30 * * * * | RUN_AT_END_OF_GAP | BOTH  | 2024-10-26T23:45:00Z | 2024-10-27T00:00:00Z 2024-10-27T00:30:00Z 2024-10-27T01:00:00Z 2024-10-27T01:30:00Z 2024-10-27T02:00:00Z",
			// New York, spring forward 2024-03-10 02:00 EST -> 03:00 EDT (07:00Z)
			"America/New_York | 30 2 * * * | RUN_AT_END_OF_GAP | FIRST | 2024-03-09T00:00:00Z | 2024-03-09T07:30:00Z 2024-03-10T07:00:00Z 2024-03-11T06:30:00Z",
			"America/New_York | 30 2 * * * | SKIP              | FIRST | 2024-03-09T00:00:00Z | 2024-03-09T07:30:00Z 2024-03-11T06:30:00Z",
			// New York, fall back 2024-11-03 02:00 EDT -> 01:00 EST (06:00Z)
			"America/New_York | 30 1 * * * | RUN_AT_END_OF_GAP | FIRST | 2024-11-02T00:00:00Z | 2024-11-02T05:30:00Z 2024-11-03T05:30:00Z 2024-11-04T06:30:00Z",
			"America/New_York | 30 1 * * * | RUN_AT_END_OF_GAP | BOTH  | 2024-11-02T00:00:00Z | 2024-11-02T05:30:00Z 2024-11-03T05:30:00Z 2024-11-03T06:30:00Z 2024-11-04T06:30:00Z",
			// Sydney (southern hemisphere), fall back 2024-04-07 03:00 AEDT -> 02:00 AEST
			// (04-06 16:00Z)
			"Australia/Sydney | 30 2 * * * | RUN_AT_END_OF_GAP | FIRST | 2024-04-05T00:00:00Z | 2024-04-05T15:30:00Z 2024-04-06T15:30:00Z 2024-04-07T16:30:00Z",
			"Australia/Sydney | 30 2 * * * | RUN_AT_END_OF_GAP | BOTH  | 2024-04-05T00:00:00Z | 2024-04-05T15:30:00Z 2024-04-06T15:30:00Z 2024-04-06T16:30:00Z 2024-04-07T16:30:00Z",
			// Sydney, spring forward 2024-10-06 02:00 AEST -> 03:00 AEDT (10-05 16:00Z)
			"Australia/Sydney | 30 2 * * * | RUN_AT_END_OF_GAP | FIRST | 2024-10-04T00:00:00Z | 2024-10-04T16:30:00Z 2024-10-05T16:00:00Z 2024-10-06T15:30:00Z",
			"Australia/Sydney | 30 2 * * * | SKIP              | FIRST | 2024-10-04T00:00:00Z | 2024-10-04T16:30:00Z 2024-10-06T15:30:00Z",
			// moved forward by the gap: 02:30 -> 03:30, one fire for all of */15 in the
			// gap
			"Europe/Paris | 30 2 * * * | SHIFT_BY_GAP_LENGTH | FIRST | 2024-03-30T00:00:00Z | 2024-03-30T01:30:00Z 2024-03-31T01:30:00Z 2024-04-01T00:30:00Z",
			"America/New_York | 30 2 * * * | SHIFT_BY_GAP_LENGTH | FIRST | 2024-03-09T00:00:00Z | 2024-03-09T07:30:00Z 2024-03-10T07:30:00Z 2024-03-11T06:30:00Z",
			"Australia/Sydney | 30 2 * * * | SHIFT_BY_GAP_LENGTH | FIRST | 2024-10-04T00:00:00Z | 2024-10-04T16:30:00Z 2024-10-05T16:30:00Z 2024-10-06T15:30:00Z",
			"Europe/Paris | */15 * * * * | SHIFT_BY_GAP_LENGTH | FIRST | 2024-03-31T00:30:00Z | 2024-03-31T00:45:00Z 2024-03-31T01:00:00Z 2024-03-31T01:15:00Z",
			// second occurrence only
			"Europe/Paris | 30 2 * * * | SKIP | SECOND | 2024-10-26T00:00:00Z | 2024-10-26T00:30:00Z 2024-10-27T01:30:00Z 2024-10-28T01:30:00Z",
			"Europe/Paris | */30 * * * * | SKIP | SECOND | 2024-10-26T23:45:00Z | 2024-10-27T01:00:00Z 2024-10-27T01:30:00Z 2024-10-27T02:00:00Z 2024-10-27T02:30:00Z",
			"America/New_York | 30 1 * * * | SKIP | SECOND | 2024-11-02T00:00:00Z | 2024-11-02T05:30:00Z 2024-11-03T06:30:00Z 2024-11-04T06:30:00Z",
			"Australia/Sydney | 30 2 * * * | SKIP | SECOND | 2024-04-05T00:00:00Z | 2024-04-05T15:30:00Z 2024-04-06T16:30:00Z 2024-04-07T16:30:00Z" })
	void fireTimesAcrossAChange(String zone, String expression, DstGapPolicy gap, DstOverlapPolicy overlap,
			Instant after, String expected) {
		CronTrigger trigger = Triggers.cron(expression, ZoneId.of(zone)).withDstPolicy(gap, overlap);
		assertThat(FireTimes.following(trigger, after, expected.split(" ").length))
			.containsExactlyElementsOf(Arrays.stream(expected.split(" ")).map(Instant::parse).toList());
	}

	@ParameterizedTest(name = "{0} {1} {2}:{3}")
	@CsvSource(delimiter = '|', value = {
			// Paris: spring forward 2024-03-31 02:00 CET -> 03:00 CEST; fall back
			// 2024-10-27
			// 03:00 CEST -> 02:00 CET
			"Europe/Paris | FIELDS  | 2 | 30 | 2024-03-30T12:00:00Z | 2024-03-31T01:30:00Z 2024-04-01T00:30:00Z",
			"Europe/Paris | CRONTAB | 2 | 30 | 2024-03-30T12:00:00Z | 2024-03-31T01:30:00Z 2024-04-01T00:30:00Z",
			"Europe/Paris | SPRING  | 2 | 30 | 2024-03-30T12:00:00Z | 2024-04-01T00:30:00Z 2024-04-02T00:30:00Z",
			"Europe/Paris | QUARTZ  | 2 | 30 | 2024-03-30T12:00:00Z | 2024-04-01T00:30:00Z 2024-04-02T00:30:00Z",
			"Europe/Paris | FIELDS  | 2 | 30 | 2024-10-26T12:00:00Z | 2024-10-27T00:30:00Z 2024-10-27T01:30:00Z 2024-10-28T01:30:00Z",
			"Europe/Paris | CRONTAB | 2 | 30 | 2024-10-26T12:00:00Z | 2024-10-27T00:30:00Z 2024-10-27T01:30:00Z 2024-10-28T01:30:00Z",
			"Europe/Paris | SPRING  | 2 | 30 | 2024-10-26T12:00:00Z | 2024-10-27T00:30:00Z 2024-10-27T01:30:00Z 2024-10-28T01:30:00Z",
			"Europe/Paris | QUARTZ  | 2 | 30 | 2024-10-26T12:00:00Z | 2024-10-27T01:30:00Z 2024-10-28T01:30:00Z",
			// New York: 2024-03-10 02:00 EST -> 03:00 EDT; 2024-11-03 02:00 EDT -> 01:00
			// EST
			"America/New_York | FIELDS  | 2 | 30 | 2024-03-09T12:00:00Z | 2024-03-10T07:30:00Z 2024-03-11T06:30:00Z",
			"America/New_York | CRONTAB | 2 | 30 | 2024-03-09T12:00:00Z | 2024-03-10T07:30:00Z 2024-03-11T06:30:00Z",
			"America/New_York | SPRING  | 2 | 30 | 2024-03-09T12:00:00Z | 2024-03-11T06:30:00Z 2024-03-12T06:30:00Z",
			"America/New_York | QUARTZ  | 2 | 30 | 2024-03-09T12:00:00Z | 2024-03-11T06:30:00Z 2024-03-12T06:30:00Z",
			"America/New_York | FIELDS  | 1 | 30 | 2024-11-02T12:00:00Z | 2024-11-03T05:30:00Z 2024-11-03T06:30:00Z 2024-11-04T06:30:00Z",
			"America/New_York | CRONTAB | 1 | 30 | 2024-11-02T12:00:00Z | 2024-11-03T05:30:00Z 2024-11-03T06:30:00Z 2024-11-04T06:30:00Z",
			"America/New_York | SPRING  | 1 | 30 | 2024-11-02T12:00:00Z | 2024-11-03T05:30:00Z 2024-11-03T06:30:00Z 2024-11-04T06:30:00Z",
			"America/New_York | QUARTZ  | 1 | 30 | 2024-11-02T12:00:00Z | 2024-11-03T06:30:00Z 2024-11-04T06:30:00Z",
			// Sydney (southern hemisphere): 2024-10-06 02:00 AEST -> 03:00 AEDT;
			// 2024-04-07
			// 03:00 AEDT -> 02:00 AEST
			"Australia/Sydney | FIELDS  | 2 | 30 | 2024-10-04T12:00:00Z | 2024-10-04T16:30:00Z 2024-10-05T16:30:00Z 2024-10-06T15:30:00Z",
			"Australia/Sydney | CRONTAB | 2 | 30 | 2024-10-04T12:00:00Z | 2024-10-04T16:30:00Z 2024-10-05T16:30:00Z 2024-10-06T15:30:00Z",
			"Australia/Sydney | SPRING  | 2 | 30 | 2024-10-04T12:00:00Z | 2024-10-04T16:30:00Z 2024-10-06T15:30:00Z",
			"Australia/Sydney | QUARTZ  | 2 | 30 | 2024-10-04T12:00:00Z | 2024-10-04T16:30:00Z 2024-10-06T15:30:00Z",
			"Australia/Sydney | FIELDS  | 2 | 30 | 2024-04-05T12:00:00Z | 2024-04-05T15:30:00Z 2024-04-06T15:30:00Z 2024-04-06T16:30:00Z 2024-04-07T16:30:00Z",
			"Australia/Sydney | CRONTAB | 2 | 30 | 2024-04-05T12:00:00Z | 2024-04-05T15:30:00Z 2024-04-06T15:30:00Z 2024-04-06T16:30:00Z 2024-04-07T16:30:00Z",
			"Australia/Sydney | SPRING  | 2 | 30 | 2024-04-05T12:00:00Z | 2024-04-05T15:30:00Z 2024-04-06T15:30:00Z 2024-04-06T16:30:00Z 2024-04-07T16:30:00Z",
			"Australia/Sydney | QUARTZ  | 2 | 30 | 2024-04-05T12:00:00Z | 2024-04-05T15:30:00Z 2024-04-06T16:30:00Z 2024-04-07T16:30:00Z",
			// Lord Howe shifts by 30 minutes: 2024-10-06 02:00 -> 02:30 (+10:30 -> +11);
			// 2024-04-07 02:00 -> 01:30 (+11 -> +10:30). Spring repeats 01:45 only where
			// its field arithmetic reaches it: here it does not.
			"Australia/Lord_Howe | FIELDS  | 2 | 15 | 2024-10-05T00:00:00Z | 2024-10-05T15:45:00Z 2024-10-06T15:15:00Z",
			"Australia/Lord_Howe | CRONTAB | 2 | 15 | 2024-10-05T00:00:00Z | 2024-10-05T15:45:00Z 2024-10-06T15:15:00Z",
			"Australia/Lord_Howe | SPRING  | 2 | 15 | 2024-10-05T00:00:00Z | 2024-10-06T15:15:00Z 2024-10-07T15:15:00Z",
			"Australia/Lord_Howe | QUARTZ  | 2 | 15 | 2024-10-05T00:00:00Z | 2024-10-06T15:15:00Z 2024-10-07T15:15:00Z",
			"Australia/Lord_Howe | FIELDS  | 1 | 45 | 2024-04-06T00:00:00Z | 2024-04-06T14:45:00Z 2024-04-06T15:15:00Z 2024-04-07T15:15:00Z",
			"Australia/Lord_Howe | CRONTAB | 1 | 45 | 2024-04-06T00:00:00Z | 2024-04-06T14:45:00Z 2024-04-06T15:15:00Z 2024-04-07T15:15:00Z",
			"Australia/Lord_Howe | SPRING  | 1 | 45 | 2024-04-06T00:00:00Z | 2024-04-06T14:45:00Z 2024-04-07T15:15:00Z",
			"Australia/Lord_Howe | QUARTZ  | 1 | 45 | 2024-04-06T00:00:00Z | 2024-04-06T15:15:00Z 2024-04-07T15:15:00Z",
			// Santiago changes at midnight: 2024-09-08 00:00 -> 01:00 (-4 -> -3);
			// 2024-04-07
			// 00:00 -> 04-06 23:00 (-3 -> -4)
			"America/Santiago | FIELDS  | 0  | 30 | 2024-09-07T12:00:00Z | 2024-09-08T04:30:00Z 2024-09-09T03:30:00Z",
			"America/Santiago | CRONTAB | 0  | 30 | 2024-09-07T12:00:00Z | 2024-09-08T04:30:00Z 2024-09-09T03:30:00Z",
			"America/Santiago | SPRING  | 0  | 30 | 2024-09-07T12:00:00Z | 2024-09-09T03:30:00Z 2024-09-10T03:30:00Z",
			"America/Santiago | QUARTZ  | 0  | 30 | 2024-09-07T12:00:00Z | 2024-09-09T03:30:00Z 2024-09-10T03:30:00Z",
			"America/Santiago | FIELDS  | 23 | 30 | 2024-04-05T12:00:00Z | 2024-04-06T02:30:00Z 2024-04-07T02:30:00Z 2024-04-07T03:30:00Z 2024-04-08T03:30:00Z",
			"America/Santiago | CRONTAB | 23 | 30 | 2024-04-05T12:00:00Z | 2024-04-06T02:30:00Z 2024-04-07T02:30:00Z 2024-04-07T03:30:00Z 2024-04-08T03:30:00Z",
			"America/Santiago | SPRING  | 23 | 30 | 2024-04-05T12:00:00Z | 2024-04-06T02:30:00Z 2024-04-07T02:30:00Z 2024-04-07T03:30:00Z 2024-04-08T03:30:00Z",
			"America/Santiago | QUARTZ  | 23 | 30 | 2024-04-05T12:00:00Z | 2024-04-06T02:30:00Z 2024-04-07T03:30:00Z 2024-04-08T03:30:00Z" })
	void eachDialectFiresAsItsOriginByDefault(String zone, String origin, int hour, int minute, Instant after,
			String expected) {
		ZoneId in = ZoneId.of(zone);
		CronTrigger trigger = switch (origin) {
			case "FIELDS" ->
				Triggers.cronFields().hour(Integer.toString(hour)).minute(Integer.toString(minute)).zone(in).build();
			case "CRONTAB" -> Triggers.cron(minute + " " + hour + " * * *", in);
			case "SPRING" -> Triggers.cron("0 " + minute + " " + hour + " * * *", in);
			default -> Triggers.cron(CronDialect.QUARTZ, "0 " + minute + " " + hour + " * * ?", in);
		};
		List<Instant> times = Arrays.stream(expected.split(" ")).map(Instant::parse).toList();
		assertThat(trigger.nextFireTimes(after, times.size())).isEqualTo(times);
	}

	@Test
	void eachDialectDefaultsToItsOriginsPolicies() {
		assertThat(Triggers.cronFields().hour("2").build())
			.extracting(CronTrigger::gapPolicy, CronTrigger::overlapPolicy)
			.containsExactly(DstGapPolicy.SHIFT_BY_GAP_LENGTH, DstOverlapPolicy.BOTH);
		assertThat(Triggers.cron("30 2 * * *")).extracting(CronTrigger::gapPolicy, CronTrigger::overlapPolicy)
			.containsExactly(DstGapPolicy.SHIFT_BY_GAP_LENGTH, DstOverlapPolicy.BOTH);
		assertThat(Triggers.cron("@daily")).extracting(CronTrigger::gapPolicy, CronTrigger::overlapPolicy)
			.containsExactly(DstGapPolicy.SHIFT_BY_GAP_LENGTH, DstOverlapPolicy.BOTH);
		assertThat(Triggers.cron("0 30 2 * * *")).extracting(CronTrigger::gapPolicy, CronTrigger::overlapPolicy)
			.containsExactly(DstGapPolicy.SKIP, DstOverlapPolicy.BOTH);
		assertThat(Triggers.cron(CronDialect.QUARTZ, "0 30 2 * * ?", null))
			.extracting(CronTrigger::gapPolicy, CronTrigger::overlapPolicy)
			.containsExactly(DstGapPolicy.SKIP, DstOverlapPolicy.SECOND);
	}

	@Test
	void explicitPolicyWinsOverTheDialectDefault() {
		CronTrigger trigger = Triggers.cron(CronDialect.QUARTZ, "0 30 2 * * ?", PARIS)
			.withDstPolicy(DstGapPolicy.RUN_AT_END_OF_GAP, DstOverlapPolicy.FIRST);
		assertThat(trigger.nextFireTimes(Instant.parse("2024-03-30T12:00:00Z"), 1))
			.containsExactly(Instant.parse("2024-03-31T01:00:00Z"));
		assertThat(trigger.nextFireTimes(Instant.parse("2024-10-26T12:00:00Z"), 2))
			.containsExactly(Instant.parse("2024-10-27T00:30:00Z"), Instant.parse("2024-10-28T01:30:00Z"));
	}

	@Test
	void shiftedGapFiresOnceForAllTheWallTimesInTheGap() {
		CronTrigger trigger = Triggers.cronFields().minute("*/15").zone(PARIS).build();
		assertThat(trigger.nextFireTimes(Instant.parse("2024-03-31T00:40:00Z"), 3)).containsExactly(
				Instant.parse("2024-03-31T00:45:00Z"), Instant.parse("2024-03-31T01:00:00Z"),
				Instant.parse("2024-03-31T01:15:00Z"));
	}

	@Test
	void shiftedGapTimeGivesWayToAnEarlierWallTimeAfterTheGap() {
		// Lord Howe's half-hour gap: 02:25 moved forward is 02:55, later than 02:35
		CronTrigger trigger = Triggers.cronFields().hour("2").minute("25,35").zone(LORD_HOWE).build();
		assertThat(trigger.nextFireTimes(Instant.parse("2024-10-05T12:00:00Z"), 3)).containsExactly(
				Instant.parse("2024-10-05T15:35:00Z"), Instant.parse("2024-10-06T15:25:00Z"),
				Instant.parse("2024-10-06T15:35:00Z"));
	}

	@Test
	void addedDuringTheRepeatedHourFirstPolicyWaitsUntilAfterIt() {
		CronTrigger trigger = Triggers.cron("*/30 * * * *", PARIS)
			.withDstPolicy(DstGapPolicy.RUN_AT_END_OF_GAP, DstOverlapPolicy.FIRST);
		assertThat(trigger.firstFireTime(Instant.parse("2024-10-27T01:10:00Z")))
			.contains(Instant.parse("2024-10-27T02:00:00Z"));
	}

	@Test
	void addedDuringTheRepeatedHourBothPolicyFiresInItsSecondPass() {
		CronTrigger trigger = Triggers.cron("*/30 * * * *", PARIS);
		assertThat(trigger.firstFireTime(Instant.parse("2024-10-27T01:10:00Z")))
			.contains(Instant.parse("2024-10-27T01:30:00Z"));
	}

	@Test
	void addedDuringTheFirstPassSecondPolicyGoesOnFromThatWallTimeInTheSecondPass() {
		// 00:10Z is 02:10 CEST; Quartz reads on from 02:10 CET, so 02:00 CET does not run
		CronTrigger trigger = Triggers.cron(CronDialect.QUARTZ, "0 */10 * * * ?", PARIS);
		assertThat(trigger.nextFireTimes(Instant.parse("2024-10-27T00:10:00.5Z"), 2))
			.containsExactly(Instant.parse("2024-10-27T01:20:00Z"), Instant.parse("2024-10-27T01:30:00Z"));
	}

	@Test
	void everySecondCronFiresOnceAtTheEndOfTheGap() {
		CronTrigger trigger = Triggers.cron(CronDialect.SPRING, "* * * * * *", PARIS)
			.withDstPolicy(DstGapPolicy.RUN_AT_END_OF_GAP, DstOverlapPolicy.FIRST);
		assertThat(FireTimes.following(trigger, Instant.parse("2024-03-31T00:59:59Z"), 3)).containsExactly(
				Instant.parse("2024-03-31T01:00:00Z"), Instant.parse("2024-03-31T01:00:01Z"),
				Instant.parse("2024-03-31T01:00:02Z"));
	}

	@Test
	void cronFieldsTakeExplicitPolicies() {
		CronTrigger trigger = Triggers.cronFields()
			.hour("2")
			.minute("30")
			.zone(PARIS)
			.dstPolicy(DstGapPolicy.SKIP, DstOverlapPolicy.FIRST)
			.build();
		assertThat(FireTimes.following(trigger, Instant.parse("2024-03-30T00:00:00Z"), 2))
			.containsExactly(Instant.parse("2024-03-30T01:30:00Z"), Instant.parse("2024-04-01T00:30:00Z"));
		assertThat(FireTimes.following(trigger, Instant.parse("2024-10-27T00:00:00Z"), 2))
			.containsExactly(Instant.parse("2024-10-27T00:30:00Z"), Instant.parse("2024-10-28T01:30:00Z"));
	}

}
