package dev.asyncz.executor;

import java.time.Duration;

/**
 * Runs task jobs handed over by the scheduler thread. Named in the scheduler; a task
 * picks one by name. Implementations must not block the caller: the scheduler thread
 * submits from its loop.
 */
public interface SchedulerExecutor {

	/**
	 * Starts running {@code job} now or soon.
	 * @param job the job; it reports its own outcome
	 * @throws java.util.concurrent.RejectedExecutionException if the executor cannot take
	 * it
	 */
	void execute(Runnable job);

	/**
	 * Jobs running now.
	 * @return the count, or -1 when the executor cannot tell
	 */
	int activeCount();

	/**
	 * Jobs waiting for a worker.
	 * @return the count, or -1 when the executor cannot tell
	 */
	int queuedCount();

	/**
	 * Stops taking jobs; optionally waits for running ones.
	 * @param wait whether to wait for running jobs
	 * @param timeout the longest wait
	 */
	void shutdown(boolean wait, Duration timeout);

	/**
	 * A short description of the kind of executor, such as {@code thread-pool(10)}.
	 * @return the description
	 */
	String describe();

}
