package dev.asyncz.task;

import dev.asyncz.AsynczException;

/**
 * A task definition that cannot be accepted: an unknown function, store or executor,
 * arguments a persistent store cannot write as JSON, a callable given to a persistent
 * store, and the like. The message names the task and the offending part.
 */
public class InvalidTaskException extends AsynczException {

	private static final long serialVersionUID = 1L;

	public InvalidTaskException(String message) {
		super(message);
	}

	public InvalidTaskException(String message, Throwable cause) {
		super(message, cause);
	}

}
