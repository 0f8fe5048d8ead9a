package dev.asyncz;

/**
 * Root of every exception the scheduler throws. Unchecked on purpose: callers rarely can
 * recover, and when they can they catch the precise subclass.
 */
public class AsynczException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public AsynczException(String message) {
		super(message);
	}

	public AsynczException(String message, Throwable cause) {
		super(message, cause);
	}

}
