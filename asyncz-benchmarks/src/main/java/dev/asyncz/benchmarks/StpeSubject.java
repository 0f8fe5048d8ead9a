package dev.asyncz.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The hand-rolled baseline: a {@link ScheduledThreadPoolExecutor} plus a {@link HashMap}
 * from id to future. Cancelled futures leave the queue at once (remove-on-cancel), or
 * deleting would cost nothing and leak until the due time. The map is not cleaned when a
 * task runs and is not thread-safe: a generous baseline, cheaper than what an application
 * would need.
 */
final class StpeSubject implements Subject {

	private static final Runnable NOOP = () -> {
	};

	private final Probe probe;

	// The executor starts its workers on the first schedule call; they wait here until
	// start().
	private final CountDownLatch started = new CountDownLatch(1);

	private final AtomicInteger threads = new AtomicInteger();

	private final ScheduledThreadPoolExecutor executor;

	private final Map<String, ScheduledFuture<?>> futures = new HashMap<>();

	StpeSubject(int workers, Probe probe) {
		this.probe = probe;
		this.executor = new ScheduledThreadPoolExecutor(workers, this::newThread);
		this.executor.setRemoveOnCancelPolicy(true);
	}

	@Override
	public void add(String id, Instant due) {
		this.futures.put(id, this.executor.schedule(NOOP, delayNanos(due), TimeUnit.NANOSECONDS));
	}

	@Override
	public void addProbed(String id, Instant due) {
		long dueMicros = Probe.epochMicros(due);
		Probe probe = this.probe;
		this.futures.put(id, this.executor.schedule(() -> probe.ran(dueMicros), delayNanos(due), TimeUnit.NANOSECONDS));
	}

	@Override
	public void delete(String id) {
		ScheduledFuture<?> future = this.futures.remove(id);
		if (future == null) {
			throw new IllegalStateException("No task '" + id + "' to delete");
		}
		future.cancel(false);
	}

	@Override
	public void start() {
		this.started.countDown();
	}

	@Override
	public void close() {
		this.started.countDown();
		this.executor.shutdownNow();
		this.futures.clear();
	}

	private static long delayNanos(Instant due) {
		return Duration.between(Instant.now(), due).toNanos();
	}

	private Thread newThread(Runnable worker) {
		Thread thread = new Thread(() -> {
			awaitStart();
			worker.run();
		}, "stpe-" + this.threads.incrementAndGet());
		thread.setDaemon(true);
		return thread;
	}

	private void awaitStart() {
		boolean interrupted = false;
		while (true) {
			try {
				this.started.await();
				break;
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

}
