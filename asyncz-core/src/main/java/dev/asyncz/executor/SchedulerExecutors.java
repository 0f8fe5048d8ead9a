package dev.asyncz.executor;

import java.util.concurrent.Executor;

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
	 * A new virtual thread per run.
	 * @return the executor
	 * @throws ExecutorUnavailableException on a JVM without virtual threads (before Java
	 * 21)
	 */
	public static SchedulerExecutor virtualThreads() {
		return VirtualThreadPerRun.create();
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
