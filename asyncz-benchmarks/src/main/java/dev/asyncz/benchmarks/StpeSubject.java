package dev.asyncz.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * The hand-rolled baseline: a {@link ScheduledThreadPoolExecutor}, with or without a
 * {@link ConcurrentHashMap} from id to future. With the map, each task forgets its own
 * entry when it runs, as an application that finds tasks by id must (or the map grows
 * with every task ever run), and a delete cancels the future it finds there. Cancelled
 * futures leave the queue at once (remove-on-cancel), or deleting would cost nothing and
 * leak until the due time. Without the map, tasks have no ids and cannot be deleted: the
 * floor of what any scheduler pays.
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

	private final @Nullable ConcurrentHashMap<String, ScheduledFuture<?>> futures;

	private StpeSubject(int workers, Probe probe, boolean ids) {
		this.probe = probe;
		this.executor = new ScheduledThreadPoolExecutor(
				(workers == SubjectKind.DEFAULT_WORKERS) ? defaultWorkers() : workers, this::newThread);
		this.executor.setRemoveOnCancelPolicy(true);
		this.futures = ids ? new ConcurrentHashMap<>() : null;
	}

	/**
	 * An executor plus a map from id to future.
	 * @param workers the pool size, or {@link SubjectKind#DEFAULT_WORKERS}
	 * @param probe where probed tasks report
	 * @return the subject
	 */
	static StpeSubject withIds(int workers, Probe probe) {
		return new StpeSubject(workers, probe, true);
	}

	/**
	 * An executor alone.
	 * @param workers the pool size, or {@link SubjectKind#DEFAULT_WORKERS}
	 * @param probe where probed tasks report
	 * @return the subject
	 */
	static StpeSubject bare(int workers, Probe probe) {
		return new StpeSubject(workers, probe, false);
	}

	/**
	 * The pool size a user would pick without thinking further: one thread per processor.
	 * @return the number of available processors
	 */
	static int defaultWorkers() {
		return Runtime.getRuntime().availableProcessors();
	}

	@Override
	public void add(String id, Instant due) {
		schedule(id, NOOP, due);
	}

	@Override
	public void addProbed(String id, Instant due) {
		long dueMicros = Probe.epochMicros(due);
		Probe probe = this.probe;
		schedule(id, () -> probe.ran(dueMicros), due);
	}

	private void schedule(String id, Runnable work, Instant due) {
		ConcurrentHashMap<String, ScheduledFuture<?>> futures = this.futures;
		if (futures == null) {
			this.executor.schedule(work, delayNanos(due), TimeUnit.NANOSECONDS);
			return;
		}
		ScheduledFuture<?> future = this.executor.schedule(() -> {
			futures.remove(id);
			work.run();
		}, delayNanos(due), TimeUnit.NANOSECONDS);
		futures.put(id, future);
		// A task due at once may have run, and forgotten its id, before it was put.
		if (future.isDone()) {
			futures.remove(id, future);
		}
	}

	@Override
	public void delete(String id) {
		if (this.futures == null) {
			throw new UnsupportedOperationException("A bare executor has no ids to delete by");
		}
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
		if (this.futures != null) {
			this.futures.clear();
		}
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
