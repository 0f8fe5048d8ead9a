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
		this(taskId, "A task with id '" + taskId + "' already exists; pass replaceExisting(true) to overwrite it");
	}

	/**
	 * A conflict described by its own message.
	 * @param taskId the id in conflict
	 * @param message what the conflict is
	 */
	protected ConflictingIdException(String taskId, String message) {
		super(message);
		this.taskId = taskId;
	}

	/**
	 * Two tasks of one {@code addAll} call share an id.
	 * @param taskId the id
	 * @return the exception
	 */
	public static ConflictingIdException twiceInOneCall(String taskId) {
		return new ConflictingIdException(taskId,
				"Two of the tasks added together have the id '" + taskId + "'; ids must be unique");
	}

	public String getTaskId() {
		return this.taskId;
	}

}
