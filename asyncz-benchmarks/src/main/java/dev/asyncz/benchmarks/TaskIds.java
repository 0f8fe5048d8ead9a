package dev.asyncz.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Task ids and due times, the same for every subject. Ids are made as they are added,
 * never held by the harness, so that their bytes count against the subject that keeps
 * them.
 */
final class TaskIds {

	private static final int LENGTH = 12;

	private TaskIds() {
	}

	/**
	 * A twelve-character id: the prefix then the number, zero-padded.
	 * @param prefix one character that keeps sets of ids apart
	 * @param number a number below 10^11
	 * @return the id
	 */
	static String id(char prefix, long number) {
		byte[] bytes = new byte[LENGTH];
		bytes[0] = (byte) prefix;
		long rest = number;
		for (int i = LENGTH - 1; i > 0; i--) {
			bytes[i] = (byte) ('0' + (rest % 10));
			rest /= 10;
		}
		if (rest != 0) {
			throw new IllegalArgumentException("Task number " + number + " does not fit in an id");
		}
		return new String(bytes, StandardCharsets.ISO_8859_1);
	}

	/**
	 * Due times spread at random over one hour starting {@code ahead} from now, from a
	 * fixed seed.
	 * @param ahead how far ahead the hour starts
	 * @return a source of due times
	 */
	static DueTimes farFuture(Duration ahead) {
		return new DueTimes(Instant.now().plus(ahead), Duration.ofHours(1));
	}

	/**
	 * Random due times in a window, each a new {@link Instant} as a caller would make it.
	 */
	static final class DueTimes {

		private final SplittableRandom random = new SplittableRandom(42);

		private final long startMillis;

		private final long spreadMillis;

		DueTimes(Instant start, Duration spread) {
			this.startMillis = start.toEpochMilli();
			this.spreadMillis = spread.toMillis();
		}

		Instant next() {
			return Instant.ofEpochMilli(this.startMillis + this.random.nextLong(this.spreadMillis));
		}

	}

}
