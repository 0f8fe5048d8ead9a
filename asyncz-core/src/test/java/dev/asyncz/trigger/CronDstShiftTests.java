package dev.asyncz.trigger;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cron trigger tells which of its fire times daylight saving moves, between one fire
 * time and the next.
 */
class CronDstShiftTests {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	// Clocks in Paris spring forward from 02:00 to 03:00 on 2027-03-28 (01:00Z) and fall
	// back from 03:00 to 02:00 on 2027-10-31 (01:00Z).
	private static final Instant BEFORE_SPRING = Instant.parse("2027-03-27T01:30:00Z");

	private static final Instant BEFORE_AUTUMN = Instant.parse("2027-10-30T00:30:00Z");

	@Test
	void aWallTimeInTheGapShiftedByItsLengthIsToldWithTheTimeItRunsAt() {
		CronTrigger trigger = Triggers.cron("30 2 * * *", PARIS);
		Instant next = trigger.nextFireTimeAfter(BEFORE_SPRING).orElseThrow();
		assertThat(next).isEqualTo("2027-03-28T01:30:00Z");
		assertThat(trigger.dstShift(BEFORE_SPRING, next)).hasValue(new DstShift(PARIS,
				LocalDateTime.parse("2027-03-28T02:30"), true, List.of(next), "SHIFT_BY_GAP_LENGTH"));
	}

	@Test
	void aWallTimeInTheGapRunAtItsEndIsToldWithTheEndOfTheGap() {
		CronTrigger trigger = Triggers.cron("30 2 * * *", PARIS)
			.withDstPolicy(DstGapPolicy.RUN_AT_END_OF_GAP, DstOverlapPolicy.FIRST);
		Instant next = trigger.nextFireTimeAfter(BEFORE_SPRING).orElseThrow();
		assertThat(next).isEqualTo("2027-03-28T01:00:00Z");
		assertThat(trigger.dstShift(BEFORE_SPRING, next).orElseThrow().describe())
			.isEqualTo("02:30:00 on 2027-03-28 does not exist in Europe/Paris (clocks spring forward); DST gap policy "
					+ "RUN_AT_END_OF_GAP runs it at 2027-03-28T01:00:00Z");
	}

	@Test
	void aWallTimeInTheGapThatIsSkippedIsToldAsSkipped() {
		CronTrigger trigger = Triggers.cron(CronDialect.SPRING, "0 30 2 * * *", PARIS);
		Instant next = trigger.nextFireTimeAfter(BEFORE_SPRING).orElseThrow();
		assertThat(next).isEqualTo("2027-03-29T00:30:00Z");
		assertThat(trigger.dstShift(BEFORE_SPRING, next).orElseThrow().describe())
			.endsWith("DST gap policy SKIP skips it");
	}

	@Test
	void aWallTimeClocksPassTwiceIsToldOnceWithBothRunsUnderPolicyBoth() {
		CronTrigger trigger = Triggers.cron("30 2 * * *", PARIS);
		Instant first = trigger.nextFireTimeAfter(BEFORE_AUTUMN).orElseThrow();
		Instant second = trigger.nextFireTimeAfter(first).orElseThrow();
		assertThat(trigger.dstShift(BEFORE_AUTUMN, first).orElseThrow().describe()).isEqualTo(
				"02:30:00 on 2027-10-31 happens twice in Europe/Paris (clocks fall back); DST overlap policy BOTH "
						+ "runs it at 2027-10-31T00:30:00Z and 2027-10-31T01:30:00Z");
		assertThat(trigger.dstShift(first, second)).as("the second run of the same overlap").isEmpty();
		assertThat(trigger.dstShift(second, trigger.nextFireTimeAfter(second).orElseThrow())).isEmpty();
	}

	@Test
	void underPolicySecondOnlyTheSecondRunIsTold() {
		CronTrigger trigger = Triggers.cron(CronDialect.QUARTZ, "0 30 2 * * ?", PARIS);
		Instant next = trigger.nextFireTimeAfter(BEFORE_AUTUMN).orElseThrow();
		assertThat(next).isEqualTo("2027-10-31T01:30:00Z");
		assertThat(trigger.dstShift(BEFORE_AUTUMN, next).orElseThrow().fireTimes()).containsExactly(next);
	}

	@Test
	void newYorksSpringForwardIsToldToo() {
		CronTrigger trigger = Triggers.cron("30 2 * * *", NEW_YORK);
		Instant previous = Instant.parse("2027-03-13T07:30:00Z");
		Instant next = trigger.nextFireTimeAfter(previous).orElseThrow();
		assertThat(trigger.dstShift(previous, next)).hasValueSatisfying((shift) -> {
			assertThat(shift.gap()).isTrue();
			assertThat(shift.wallTime()).isEqualTo("2027-03-14T02:30");
		});
	}

	@Test
	void aTransitionBetweenFireTimesOutsideItsHoursMovesNothing() {
		CronTrigger trigger = Triggers.cron("0 8 * * *", PARIS);
		Instant previous = Instant.parse("2027-03-27T07:00:00Z");
		assertThat(trigger.dstShift(previous, trigger.nextFireTimeAfter(previous).orElseThrow())).isEmpty();
	}

	@Test
	void aZoneWithoutDaylightSavingMovesNothing() {
		CronTrigger trigger = Triggers.cron("30 2 * * *", ZoneOffset.UTC);
		assertThat(trigger.dstShift(BEFORE_SPRING, trigger.nextFireTimeAfter(BEFORE_SPRING).orElseThrow())).isEmpty();
	}

}
