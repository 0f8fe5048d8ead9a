package dev.asyncz.task;

import dev.asyncz.AsynczException;

/**
 * A task was added with an id that its store already holds, and replace-existing was not
 * asked for.
 */
public class ConflictingIdException extends AsynczException {

	private static final long serialVersionUID = 1L;

	private final String taskId;

	public ConflictingIdException(String taskId) {
		super("A task with id '" + taskId + "' already exists; pass replaceExisting(true) to overwrite it");
		this.taskId = taskId;
	}

	public String getTaskId() {
		return this.taskId;
	}

}
