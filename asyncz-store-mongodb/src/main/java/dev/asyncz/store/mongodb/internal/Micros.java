package dev.asyncz.store.mongodb.internal;

import java.time.Instant;

/**
 * Run times as epoch microseconds in a 64-bit integer: exact for the precision the stores
 * keep, ordered by the server like the times they stand for, and in range for some
 * 290,000 years either side of 1970. A time is truncated to the microsecond, so a task is
 * never due before its time.
 */
public final class Micros {

	private Micros() {
	}

	/**
	 * The microseconds since the epoch, rounded down.
	 * @param instant the time
	 * @return the microseconds
	 */
	public static long of(Instant instant) {
		return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
	}

	/**
	 * The time a count of microseconds since the epoch stands for.
	 * @param micros the microseconds
	 * @return the time
	 */
	public static Instant instant(long micros) {
		return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
	}

}
