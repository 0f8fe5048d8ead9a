package dev.asyncz.store.redis.internal;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScoresTests {

	private static final Instant T = Instant.parse("2031-03-14T15:09:26.535897Z");

	private static final long T_MICROS = T.getEpochSecond() * 1_000_000 + 535_897;

	@Test
	void runTimeWithWholeMicrosecondsScoresExactlyAndReadsBack() {
		assertThat(Scores.score(T)).isEqualTo(Long.toString(T_MICROS));
		assertThat(Scores.dueUntil(T)).isEqualTo(Long.toString(T_MICROS));
		assertThat(Scores.instant(T_MICROS)).isEqualTo(T);
	}

	@Test
	void subMicrosecondRunTimeScoresUpAndNowScoresDown() {
		Instant fine = T.plusNanos(1);
		assertThat(Scores.score(fine)).isEqualTo(Long.toString(T_MICROS + 1));
		assertThat(Scores.dueUntil(fine)).isEqualTo(Long.toString(T_MICROS));
	}

	@Test
	void runTimesBeforeTheEpochKeepTheirOrder() {
		Instant before = Instant.parse("1969-12-31T23:59:59.999999500Z");
		assertThat(Scores.score(before)).isEqualTo("0");
		assertThat(Scores.dueUntil(before)).isEqualTo("-1");
		assertThat(Scores.instant(-1)).isEqualTo(Instant.parse("1969-12-31T23:59:59.999999Z"));
	}

	@Test
	void runTimeBeyondDoublePrecisionIsNeverScoredEarly() {
		Instant far = Instant.parse("2400-01-01T00:00:00.000001Z");
		double score = Double.parseDouble(Scores.score(far));
		double due = Double.parseDouble(Scores.dueUntil(far));
		assertThat(Scores.instant(score)).isAfterOrEqualTo(far);
		assertThat(Scores.instant(due)).isBeforeOrEqualTo(far);
	}

	@Test
	void extremeInstantsStillScore() {
		assertThat(Double.parseDouble(Scores.score(Instant.MAX))).isGreaterThan(1e20);
		assertThat(Double.parseDouble(Scores.dueUntil(Instant.MIN))).isLessThan(-1e20);
	}

}
