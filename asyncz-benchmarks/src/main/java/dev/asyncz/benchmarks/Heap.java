package dev.asyncz.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Live heap measurements.
 */
final class Heap {

	private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

	private Heap() {
	}

	/**
	 * The used heap after full collections, repeated until two readings in a row agree
	 * (reference processing and the collector's own bookkeeping can free more on a second
	 * pass); at least two, at most ten.
	 * @return used heap bytes
	 */
	static long usedAfterFullGc() {
		long previous = Long.MAX_VALUE;
		for (int attempt = 0; attempt < 10; attempt++) {
			System.gc();
			long used = MEMORY.getHeapMemoryUsage().getUsed();
			if (attempt >= 1 && Math.abs(previous - used) <= Math.max(256 * 1024, used / 1000)) {
				return used;
			}
			previous = used;
			pause();
		}
		return previous;
	}

	/**
	 * The most the heap may grow to.
	 * @return bytes
	 */
	static long max() {
		return MEMORY.getHeapMemoryUsage().getMax();
	}

	private static void pause() {
		try {
			Thread.sleep(20);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
