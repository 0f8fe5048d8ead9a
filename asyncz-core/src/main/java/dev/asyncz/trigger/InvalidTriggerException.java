package dev.asyncz.trigger;

import dev.asyncz.AsynczException;

/**
 * A trigger could not be built from what it was given. The message names the field and
 * the value, for example {@code hour: 24 is out of range 0-23}.
 */
public class InvalidTriggerException extends AsynczException {

	private static final long serialVersionUID = 1L;

	public InvalidTriggerException(String message) {
		super(message);
	}

	public InvalidTriggerException(String message, Throwable cause) {
		super(message, cause);
	}

}
