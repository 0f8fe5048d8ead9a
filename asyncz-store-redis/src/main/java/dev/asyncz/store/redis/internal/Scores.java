package dev.asyncz.store.redis.internal;

import java.time.Instant;

/**
 * Turns instants into sorted-set scores: epoch microseconds, which a double holds exactly
 * until the year 2255. A next run time is rounded up and "now" rounded down, so a task is
 * never handed out before its exact time: run times with whole microseconds compare
 * exactly, finer ones are handed out at the next microsecond. Past 2255 the score is the
 * next double up, a few microseconds later. The exact instant is always kept in the task
 * JSON.
 */
public final class Scores {

	/** Seconds beyond which microseconds overflow a long (about the year 292,000). */
	private static final long MAX_SECONDS = Long.MAX_VALUE / 1_000_000 - 1;

	private static final double LONG_RANGE = 9.2e18;

	private Scores() {
	}

	/**
	 * The score of a next run time.
	 * @param runTime the next run time
	 * @return the score, as Redis reads it
	 */
	public static String score(Instant runTime) {
		long seconds = runTime.getEpochSecond();
		if (Math.abs(seconds) > MAX_SECONDS) {
			return format(seconds * 1e6);
		}
		long micros = seconds * 1_000_000 + (runTime.getNano() + 999) / 1000;
		double score = micros;
		return format(((long) score < micros) ? Math.nextUp(score) : score);
	}

	/**
	 * The highest score due at {@code now}.
	 * @param now the scheduler's time
	 * @return the score, as Redis reads it
	 */
	public static String dueUntil(Instant now) {
		long seconds = now.getEpochSecond();
		if (Math.abs(seconds) > MAX_SECONDS) {
			return format(seconds * 1e6);
		}
		long micros = seconds * 1_000_000 + now.getNano() / 1000;
		double score = micros;
		return format(((long) score > micros) ? Math.nextDown(score) : score);
	}

	/**
	 * The instant of a score: the run time itself when it had whole microseconds (before
	 * 2255).
	 * @param score the score
	 * @return the instant
	 */
	public static Instant instant(double score) {
		if (Math.abs(score) >= LONG_RANGE) {
			return Instant.ofEpochSecond((long) (score / 1e6));
		}
		long micros = (long) score;
		return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000L);
	}

	private static String format(double score) {
		return (Math.abs(score) < LONG_RANGE) ? Long.toString((long) score) : Double.toString(score);
	}

}
