package dev.asyncz.executor.internal;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.asyncz.executor.SchedulerExecutor;
import org.jspecify.annotations.Nullable;

/**
 * A bounded pool of platform threads that lets threads idle for a minute go; either its
 * own, started with the pool, or one built elsewhere (such as by Spring's task-executor
 * builder) and handed over, which it then owns.
 */
public final class PlatformThreadPool implements SchedulerExecutor {

	private static final AtomicInteger POOLS = new AtomicInteger();

	private final ThreadPoolExecutor pool;

	/**
	 * Workers of its own pool running a job. Counted here rather than by the pool, which
	 * also counts a thread still starting up, as every prestarted thread is for a moment;
	 * {@code null} for a pool handed over, whose own count is used.
	 */
	private final @Nullable AtomicInteger active;

	private final int maxWorkers;

	public PlatformThreadPool(int maxWorkers) {
		if (maxWorkers < 1) {
			throw new IllegalArgumentException("maxWorkers must be at least 1, was " + maxWorkers);
		}
		AtomicInteger active = new AtomicInteger();
		this.active = active;
		this.maxWorkers = maxWorkers;
		this.pool = new ThreadPoolExecutor(maxWorkers, maxWorkers, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
				threadFactory("asyncz-worker-" + POOLS.incrementAndGet() + "-")) {

			@Override
			protected void beforeExecute(Thread thread, Runnable job) {
				active.incrementAndGet();
			}

			@Override
			protected void afterExecute(Runnable job, Throwable failure) {
				active.decrementAndGet();
			}

		};
		this.pool.allowCoreThreadTimeOut(true);
		// Below its core size a ThreadPoolExecutor starts a new thread for every run,
		// idle
		// ones notwithstanding: the first runs would each wait for a thread to start
		// (about
		// a millisecond on a busy machine) instead of taking an idle one.
		this.pool.prestartAllCoreThreads();
	}

	public PlatformThreadPool(ThreadPoolExecutor pool) {
		this.pool = pool;
		this.active = null;
		this.maxWorkers = pool.getMaximumPoolSize();
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
		return (this.active != null) ? this.active.get() : this.pool.getActiveCount();
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
