package dev.asyncz.executor;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.UnaryOperator;

import dev.asyncz.executor.internal.CallerRuns;
import dev.asyncz.executor.internal.ExecutorAdapter;
import dev.asyncz.executor.internal.PlatformThreadPool;
import dev.asyncz.executor.internal.VirtualThreadPerRun;

/**
 * Factories for the executors the scheduler ships with.
 */
public final class SchedulerExecutors {

	private SchedulerExecutors() {
	}

	/**
	 * A pool of at most {@code maxWorkers} platform threads; runs beyond that wait in a
	 * queue. The threads start with the pool, so that no run waits for one to start, and
	 * a thread idle for a minute goes (the next runs start it again).
	 * @param maxWorkers the most threads
	 * @return the executor
	 */
	public static SchedulerExecutor threadPool(int maxWorkers) {
		return new PlatformThreadPool(maxWorkers);
	}

	/**
	 * A pool built elsewhere, such as by Spring's {@code ThreadPoolTaskExecutor} (whose
	 * pool applies its task decorator to each run). The scheduler owns it from then on:
	 * shutting the executor down shuts the pool down, waiting for running jobs or
	 * interrupting them.
	 * @param pool the pool
	 * @return the executor
	 */
	public static SchedulerExecutor threadPool(ThreadPoolExecutor pool) {
		return new PlatformThreadPool(Objects.requireNonNull(pool, "pool"));
	}

	/**
	 * A new virtual thread per run.
	 * @return the executor
	 * @throws ExecutorUnavailableException on a JVM without virtual threads (before Java
	 * 21)
	 */
	public static SchedulerExecutor virtualThreads() {
		return VirtualThreadPerRun.create(UnaryOperator.identity());
	}

	/**
	 * A new virtual thread per run, each job wrapped by {@code decorator} on the
	 * submitting thread before it starts (to carry context such as a logging MDC into the
	 * run).
	 * @param decorator wraps each job
	 * @return the executor
	 * @throws ExecutorUnavailableException on a JVM without virtual threads (before Java
	 * 21)
	 */
	public static SchedulerExecutor virtualThreads(UnaryOperator<Runnable> decorator) {
		return VirtualThreadPerRun.create(Objects.requireNonNull(decorator, "decorator"));
	}

	/**
	 * Whether this JVM has virtual threads.
	 * @return true on Java 21 and later
	 */
	public static boolean virtualThreadsAvailable() {
		return VirtualThreadPerRun.available();
	}

	/**
	 * An executor that runs each job on the thread that submits it, done when
	 * {@code execute} returns: for tests that want a run over before they look.
	 * @return the executor
	 */
	public static SchedulerExecutor callerRuns() {
		return new CallerRuns();
	}

	/**
	 * Wraps any {@link Executor}; its life cycle stays with its owner (shutdown only
	 * stops using it).
	 * @param executor the executor
	 * @param description a name for it in descriptions, such as the bean name
	 * @return the executor
	 */
	public static SchedulerExecutor of(Executor executor, String description) {
		return new ExecutorAdapter(executor, description);
	}

}
