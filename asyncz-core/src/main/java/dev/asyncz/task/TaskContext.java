package dev.asyncz.task;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What one run of a task is given: the task's arguments, when it was due and which
 * attempt it is.
 *
 * <p>
 * Runs are at least once: a run interrupted by a shutdown or a crash, or one that failed
 * and is retried, runs again for the same fire time. A function that must not do its work
 * twice keys it by {@link #idempotencyKey()} (the task id and fire time, the same for
 * every attempt) and skips work already done under that key.
 *
 * @param taskId the task's id
 * @param taskName the task's name
 * @param function the function name the task calls
 * @param args positional arguments
 * @param kwargs named arguments
 * @param scheduledRunTime the fire time this run is for
 * @param startedAt when the run actually started
 * @param attempt which run of this fire time this is: 1, then 2 for the first retry
 */
public record TaskContext(String taskId, String taskName, String function, List<@Nullable Object> args,
		Map<String, @Nullable Object> kwargs, Instant scheduledRunTime, Instant startedAt, int attempt) {

	/**
	 * The context of a first attempt.
	 * @param taskId the task's id
	 * @param taskName the task's name
	 * @param function the function name the task calls
	 * @param args positional arguments
	 * @param kwargs named arguments
	 * @param scheduledRunTime the fire time this run is for
	 * @param startedAt when the run actually started
	 */
	public TaskContext(String taskId, String taskName, String function, List<@Nullable Object> args,
			Map<String, @Nullable Object> kwargs, Instant scheduledRunTime, Instant startedAt) {
		this(taskId, taskName, function, args, kwargs, scheduledRunTime, startedAt, 1);
	}

	/**
	 * A key that is the same for every run of one fire time of this task, and different
	 * for any other: {@code taskId@fireTime}.
	 * @return the key
	 */
	public String idempotencyKey() {
		return this.taskId + "@" + this.scheduledRunTime;
	}

	/**
	 * The positional argument at {@code index}.
	 * @param index zero-based position
	 * @return the argument, as stored (JSON-shaped for tasks loaded from a persistent
	 * store)
	 */
	public @Nullable Object arg(int index) {
		if (index < 0 || index >= this.args.size()) {
			throw new IndexOutOfBoundsException(
					"Task '" + this.taskId + "' has " + this.args.size() + " positional arguments, not " + (index + 1));
		}
		return this.args.get(index);
	}

}
