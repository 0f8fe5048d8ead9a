package dev.asyncz.executor;

import dev.asyncz.AsynczException;

/**
 * An executor kind that this JVM cannot provide, such as virtual threads before Java 21.
 */
public class ExecutorUnavailableException extends AsynczException {

	private static final long serialVersionUID = 1L;

	public ExecutorUnavailableException(String message) {
		super(message);
	}

}
