package dev.asyncz.task;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What one run of a task is given: the task's arguments and when it was due.
 *
 * @param taskId the task's id
 * @param taskName the task's name
 * @param function the function name the task calls
 * @param args positional arguments
 * @param kwargs named arguments
 * @param scheduledRunTime the fire time this run is for
 * @param startedAt when the run actually started
 */
public record TaskContext(String taskId, String taskName, String function, List<@Nullable Object> args,
		Map<String, @Nullable Object> kwargs, Instant scheduledRunTime, Instant startedAt) {

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
