package dev.asyncz.executor.internal;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;

import dev.asyncz.executor.SchedulerExecutor;

/**
 * Runs jobs on an executor someone else owns, such as a Spring bean; shutting down only
 * stops using it.
 */
public final class ExecutorAdapter implements SchedulerExecutor {

	private final Executor executor;

	private final String description;

	private final ActiveJobs active = new ActiveJobs();

	private volatile boolean shutdown;

	public ExecutorAdapter(Executor executor, String description) {
		this.executor = executor;
		this.description = description;
	}

	@Override
	public void execute(Runnable job) {
		if (this.shutdown) {
			throw new RejectedExecutionException("Executor '" + this.description + "' was shut down");
		}
		this.executor.execute(this.active.counting(job));
	}

	@Override
	public int activeCount() {
		return this.active.count();
	}

	@Override
	public int queuedCount() {
		return (this.executor instanceof ThreadPoolExecutor pool) ? pool.getQueue().size() : -1;
	}

	@Override
	public void shutdown(boolean wait, Duration timeout) {
		this.shutdown = true;
	}

	@Override
	public String describe() {
		return "executor(" + this.description + ")";
	}

}
