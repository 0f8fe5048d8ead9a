package dev.asyncz.executor.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.asyncz.executor.SchedulerExecutor;

/**
 * Runs each job on the thread that hands it over, so that the job is over when
 * {@link #execute} returns. Never queues.
 */
public final class CallerRuns implements SchedulerExecutor {

	private final AtomicInteger active = new AtomicInteger();

	@Override
	public void execute(Runnable job) {
		this.active.incrementAndGet();
		try {
			job.run();
		}
		finally {
			this.active.decrementAndGet();
		}
	}

	@Override
	public int activeCount() {
		return this.active.get();
	}

	@Override
	public int queuedCount() {
		return 0;
	}

	@Override
	public void shutdown(boolean wait, Duration timeout) {
		// Nothing of its own to stop: each job runs on its caller's thread.
	}

	@Override
	public String describe() {
		return "caller-runs";
	}

}
