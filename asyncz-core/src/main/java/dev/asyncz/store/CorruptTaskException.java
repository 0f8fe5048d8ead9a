package dev.asyncz.store;

import dev.asyncz.AsynczException;

/**
 * Stored task data that cannot be read. Stores turn this into a
 * {@link dev.asyncz.event.TaskQuarantined} event and set the data aside; they never
 * delete it.
 */
public class CorruptTaskException extends AsynczException {

	private static final long serialVersionUID = 1L;

	public CorruptTaskException(String message) {
		super(message);
	}

	public CorruptTaskException(String message, Throwable cause) {
		super(message, cause);
	}

}
