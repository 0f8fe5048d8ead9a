package dev.asyncz.task;

import dev.asyncz.AsynczException;

/**
 * An operation named a task id that no store holds.
 */
public class TaskNotFoundException extends AsynczException {

	private static final long serialVersionUID = 1L;

	private final String taskId;

	public TaskNotFoundException(String taskId) {
		super("No task with id '" + taskId + "'");
		this.taskId = taskId;
	}

	/**
	 * An exception for a task id that is not where the operation looked, saying where.
	 * @param taskId the id
	 * @param message what was looked for, and where
	 */
	public TaskNotFoundException(String taskId, String message) {
		super(message);
		this.taskId = taskId;
	}

	/**
	 * A task id that no store holds in quarantine.
	 * @param taskId the id
	 * @return the exception
	 */
	public static TaskNotFoundException notQuarantined(String taskId) {
		return new TaskNotFoundException(taskId, "No quarantined task with id '" + taskId + "'");
	}

	public String getTaskId() {
		return this.taskId;
	}

}
