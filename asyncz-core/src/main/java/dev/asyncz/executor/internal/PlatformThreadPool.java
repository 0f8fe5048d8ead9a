package dev.asyncz.executor.internal;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.asyncz.executor.SchedulerExecutor;

/**
 * A bounded pool of platform threads that grows to its size and lets idle threads go;
 * either its own or one built elsewhere (such as by Spring's task-executor builder) and
 * handed over, which it then owns.
 */
public final class PlatformThreadPool implements SchedulerExecutor {

	private static final AtomicInteger POOLS = new AtomicInteger();

	private final ThreadPoolExecutor pool;

	private final int maxWorkers;

	public PlatformThreadPool(int maxWorkers) {
		if (maxWorkers < 1) {
			throw new IllegalArgumentException("maxWorkers must be at least 1, was " + maxWorkers);
		}
		ThreadPoolExecutor pool = new ThreadPoolExecutor(maxWorkers, maxWorkers, 60, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), threadFactory("asyncz-worker-" + POOLS.incrementAndGet() + "-"));
		pool.allowCoreThreadTimeOut(true);
		this.pool = pool;
		this.maxWorkers = maxWorkers;
	}

	public PlatformThreadPool(ThreadPoolExecutor pool) {
		this.pool = pool;
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
		return this.pool.getActiveCount();
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
