package dev.asyncz.task;

/**
 * A task's arguments do not bind to its function's parameters: too many or too few, a
 * named argument no parameter takes, or a value that does not convert to a parameter's
 * type. The message names the task and the parameter.
 *
 * <p>
 * Thrown when a task is added, and when a stored task is due on an instance whose
 * function has other parameters (during a rolling deploy, say): that instance leaves the
 * task for instances that can run it rather than failing it.
 */
public class ArgumentMismatchException extends InvalidTaskException {

	private static final long serialVersionUID = 1L;

	public ArgumentMismatchException(String message) {
		super(message);
	}

	public ArgumentMismatchException(String message, Throwable cause) {
		super(message, cause);
	}

}
