package dev.asyncz.task;

import java.time.Duration;

import dev.asyncz.AsynczException;

/**
 * A run took longer than its task's timeout: it was interrupted and counts as failed, so
 * the retry policy decides what happens next.
 */
public class TaskTimeoutException extends AsynczException {

	private static final long serialVersionUID = 1L;

	/**
	 * @param taskId the task
	 * @param timeout the limit it exceeded
	 */
	public TaskTimeoutException(String taskId, Duration timeout) {
		super("Task '" + taskId + "' ran longer than its timeout of " + timeout + " and was interrupted");
	}

}
