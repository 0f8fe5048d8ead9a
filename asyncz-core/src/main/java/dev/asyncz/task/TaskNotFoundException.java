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

	public String getTaskId() {
		return this.taskId;
	}

}
