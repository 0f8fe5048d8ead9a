package dev.asyncz.trigger;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring-forward gaps and fall-back overlaps in both hemispheres, under each policy. Each
 * row lists the fire times in UTC that follow {@code after}, in order.
 */
class CronDaylightSavingTests {

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
			"Australia/Sydney | 30 2 * * * | SKIP              | FIRST | 2024-10-04T00:00:00Z | 2024-10-04T16:30:00Z 2024-10-06T15:30:00Z" })
	void fireTimesAcrossAChange(String zone, String expression, DstGapPolicy gap, DstOverlapPolicy overlap,
			Instant after, String expected) {
		CronTrigger trigger = Triggers.cron(expression, ZoneId.of(zone)).withDstPolicy(gap, overlap);
		assertThat(FireTimes.following(trigger, after, expected.split(" ").length))
			.containsExactlyElementsOf(Arrays.stream(expected.split(" ")).map(Instant::parse).toList());
	}

	@Test
	void defaultPolicyRunsAtTheEndOfAGapAndOnlyTheFirstOfAnOverlap() {
		CronTrigger trigger = Triggers.cron("30 2 * * *", ZoneId.of("Europe/Paris"));
		assertThat(trigger.gapPolicy()).isEqualTo(DstGapPolicy.RUN_AT_END_OF_GAP);
		assertThat(trigger.overlapPolicy()).isEqualTo(DstOverlapPolicy.FIRST);
	}

	@Test
	void addedDuringTheRepeatedHourFirstPolicyWaitsUntilAfterIt() {
		CronTrigger trigger = Triggers.cron("*/30 * * * *", ZoneId.of("Europe/Paris"));
		assertThat(trigger.firstFireTime(Instant.parse("2024-10-27T01:10:00Z")))
			.contains(Instant.parse("2024-10-27T02:00:00Z"));
	}

	@Test
	void addedDuringTheRepeatedHourBothPolicyFiresInItsSecondPass() {
		CronTrigger trigger = Triggers.cron("*/30 * * * *", ZoneId.of("Europe/Paris"))
			.withDstPolicy(DstGapPolicy.RUN_AT_END_OF_GAP, DstOverlapPolicy.BOTH);
		assertThat(trigger.firstFireTime(Instant.parse("2024-10-27T01:10:00Z")))
			.contains(Instant.parse("2024-10-27T01:30:00Z"));
	}

	@Test
	void everySecondCronFiresOnceAtTheEndOfTheGap() {
		CronTrigger trigger = Triggers.cron(CronDialect.SPRING, "* * * * * *", ZoneId.of("Europe/Paris"));
		assertThat(FireTimes.following(trigger, Instant.parse("2024-03-31T00:59:59Z"), 3)).containsExactly(
				Instant.parse("2024-03-31T01:00:00Z"), Instant.parse("2024-03-31T01:00:01Z"),
				Instant.parse("2024-03-31T01:00:02Z"));
	}

	@Test
	void cronFieldsFollowTheSamePolicies() {
		CronTrigger trigger = Triggers.cronFields().hour("2").minute("30").zone(ZoneId.of("Europe/Paris")).build();
		assertThat(FireTimes.following(trigger, Instant.parse("2024-03-30T00:00:00Z"), 3)).containsExactly(
				Instant.parse("2024-03-30T01:30:00Z"), Instant.parse("2024-03-31T01:00:00Z"),
				Instant.parse("2024-04-01T00:30:00Z"));
		CronTrigger both = Triggers.cronFields()
			.hour("2")
			.minute("30")
			.zone(ZoneId.of("Europe/Paris"))
			.dstPolicy(DstGapPolicy.SKIP, DstOverlapPolicy.BOTH)
			.build();
		assertThat(FireTimes.following(both, Instant.parse("2024-10-27T00:00:00Z"), 2))
			.containsExactly(Instant.parse("2024-10-27T00:30:00Z"), Instant.parse("2024-10-27T01:30:00Z"));
	}

}
