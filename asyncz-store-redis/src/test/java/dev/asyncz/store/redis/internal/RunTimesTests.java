package dev.asyncz.store.redis.internal;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunTimesTests {

	private static final Instant T = Instant.parse("2031-03-14T15:09:26.535897Z");

	private static final long T_MICROS = T.getEpochSecond() * 1_000_000 + 535_897;

	@Test
	void runTimeWithWholeMicrosecondsScoresExactlyAndReadsBack() {
		assertThat(RunTimes.score(T)).isEqualTo(Long.toString(T_MICROS));
		assertThat(RunTimes.dueUntil(T)).isEqualTo(Long.toString(T_MICROS));
		assertThat(RunTimes.instant(T_MICROS)).isEqualTo(T);
	}

	@Test
	void subMicrosecondRunTimeScoresUpAndNowScoresDown() {
		Instant fine = T.plusNanos(1);
		assertThat(RunTimes.score(fine)).isEqualTo(Long.toString(T_MICROS + 1));
		assertThat(RunTimes.dueUntil(fine)).isEqualTo(Long.toString(T_MICROS));
	}

	@Test
	void runTimesBeforeTheEpochKeepTheirOrder() {
		Instant before = Instant.parse("1969-12-31T23:59:59.999999500Z");
		assertThat(RunTimes.score(before)).isEqualTo("0");
		assertThat(RunTimes.dueUntil(before)).isEqualTo("-1");
		assertThat(RunTimes.instant(-1)).isEqualTo(Instant.parse("1969-12-31T23:59:59.999999Z"));
	}

	@Test
	void runTimeBeyondDoublePrecisionIsNeverScoredEarly() {
		Instant far = Instant.parse("2400-01-01T00:00:00.000001Z");
		double score = Double.parseDouble(RunTimes.score(far));
		double due = Double.parseDouble(RunTimes.dueUntil(far));
		assertThat(RunTimes.instant(score)).isAfterOrEqualTo(far);
		assertThat(RunTimes.instant(due)).isBeforeOrEqualTo(far);
	}

	@Test
	void extremeInstantsStillScore() {
		assertThat(Double.parseDouble(RunTimes.score(Instant.MAX))).isGreaterThan(1e20);
		assertThat(Double.parseDouble(RunTimes.dueUntil(Instant.MIN))).isLessThan(-1e20);
	}

}
