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
 * call.
 */
final class Parallel {

	/** Seeding threads; the same for every subject that seeds one task per call. */
	static final int SEED_THREADS = 4;

	private Parallel() {
	}

	static void forEach(int count, IntConsumer work) {
		ExecutorService executor = Executors.newFixedThreadPool(SEED_THREADS);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int thread = 0; thread < SEED_THREADS; thread++) {
				int first = thread;
				futures.add(executor.submit(() -> {
					for (int i = first; i < count; i += SEED_THREADS) {
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
			throw new IllegalStateException("Seeding was interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Seeding failed: " + ex.getCause(), ex.getCause());
		}
		finally {
			executor.shutdownNow();
		}
	}

}
