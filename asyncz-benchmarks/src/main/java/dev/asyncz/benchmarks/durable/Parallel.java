package dev.asyncz.benchmarks.durable;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Runs indexed work on a few threads, for seeding through APIs that add one task per
 * call, and for adds measured from several callers.
 */
final class Parallel {

	/** Seeding threads; the same for every subject that seeds one task per call. */
	static final int SEED_THREADS = 4;

	private Parallel() {
	}

	static void forEach(int count, IntConsumer work) {
		forEach(count, SEED_THREADS, work);
	}

	/**
	 * Runs {@code work} for each index below {@code count}, thread {@code t} taking the
	 * indexes {@code t}, {@code t + threads}, and so on.
	 * @param count how many indexes
	 * @param threads how many threads
	 * @param work what to do with one index
	 */
	static void forEach(int count, int threads, IntConsumer work) {
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int thread = 0; thread < threads; thread++) {
				int first = thread;
				futures.add(executor.submit(() -> {
					for (int i = first; i < count; i += threads) {
						work.accept(i);
					}
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while seeding or adding", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Seeding or adding failed: " + ex.getCause(), ex.getCause());
		}
		finally {
			executor.shutdownNow();
		}
	}

}
