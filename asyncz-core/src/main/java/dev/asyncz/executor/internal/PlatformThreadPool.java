package dev.asyncz.executor.internal;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.asyncz.executor.SchedulerExecutor;

/**
 * A bounded pool of platform threads, started with the pool, that lets threads idle for a
 * minute go.
 */
public final class PlatformThreadPool implements SchedulerExecutor {

	private static final AtomicInteger POOLS = new AtomicInteger();

	private final ThreadPoolExecutor pool;

	/**
	 * Workers running a job. Counted here rather than by the pool, which also counts a
	 * thread still starting up, as every prestarted thread is for a moment.
	 */
	private final AtomicInteger active = new AtomicInteger();

	private final int maxWorkers;

	public PlatformThreadPool(int maxWorkers) {
		if (maxWorkers < 1) {
			throw new IllegalArgumentException("maxWorkers must be at least 1, was " + maxWorkers);
		}
		this.maxWorkers = maxWorkers;
		this.pool = new ThreadPoolExecutor(maxWorkers, maxWorkers, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
				threadFactory("asyncz-worker-" + POOLS.incrementAndGet() + "-")) {

			@Override
			protected void beforeExecute(Thread thread, Runnable job) {
				PlatformThreadPool.this.active.incrementAndGet();
			}

			@Override
			protected void afterExecute(Runnable job, Throwable failure) {
				PlatformThreadPool.this.active.decrementAndGet();
			}

		};
		this.pool.allowCoreThreadTimeOut(true);
		// Below its core size a ThreadPoolExecutor starts a new thread for every run,
		// idle
		// ones notwithstanding: the first runs would each wait for a thread to start
		// (about a millisecond on a busy machine) instead of taking an idle one.
		this.pool.prestartAllCoreThreads();
	}

	private static ThreadFactory threadFactory(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	@Override
	public void execute(Runnable job) {
		this.pool.execute(job);
	}

	@Override
	public int activeCount() {
		return this.active.get();
	}

	@Override
	public int queuedCount() {
		return this.pool.getQueue().size();
	}

	@Override
	public void shutdown(boolean wait, Duration timeout) {
		this.pool.shutdown();
		if (wait) {
			Waiting.awaitTermination(this.pool, timeout);
		}
		else {
			this.pool.shutdownNow();
		}
	}

	@Override
	public String describe() {
		return "thread-pool(" + this.maxWorkers + ")";
	}

}
