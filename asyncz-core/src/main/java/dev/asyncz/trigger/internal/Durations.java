package dev.asyncz.trigger.internal;

import java.time.Duration;
import java.util.StringJoiner;

/**
 * Durations in words, for trigger descriptions.
 */
public final class Durations {

	private static final long[] UNIT_SECONDS = { 604_800, 86_400, 3_600, 60, 1 };

	private static final String[] UNIT_NAMES = { "week", "day", "hour", "minute", "second" };

	private Durations() {
	}

	/**
	 * Describes a duration, such as "10 minutes" or "1 hour 30 minutes".
	 * @param duration a non-negative duration
	 * @return the words
	 */
	public static String describe(Duration duration) {
		StringJoiner words = new StringJoiner(" ");
		long seconds = duration.getSeconds();
		for (int i = 0; i < UNIT_SECONDS.length; i++) {
			long count = seconds / UNIT_SECONDS[i];
			seconds %= UNIT_SECONDS[i];
			if (count > 0) {
				words.add(count + " " + UNIT_NAMES[i] + (count == 1 ? "" : "s"));
			}
		}
		if (duration.getNano() > 0) {
			int nanos = duration.getNano();
			words.add((nanos % 1_000_000 == 0) ? (nanos / 1_000_000) + " ms" : nanos + " ns");
		}
		String text = words.toString();
		return text.isEmpty() ? "0 seconds" : text;
	}

}
