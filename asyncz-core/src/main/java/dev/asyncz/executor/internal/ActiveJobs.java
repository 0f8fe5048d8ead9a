package dev.asyncz.executor.internal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts jobs in progress on an executor that cannot count them itself.
 */
final class ActiveJobs {

	private final AtomicInteger active = new AtomicInteger();

	/**
	 * Wraps a job so that it counts as active while it runs.
	 */
	Runnable counting(Runnable job) {
		return () -> {
			this.active.incrementAndGet();
			try {
				job.run();
			}
			finally {
				this.active.decrementAndGet();
			}
		};
	}

	int count() {
		return this.active.get();
	}

}
