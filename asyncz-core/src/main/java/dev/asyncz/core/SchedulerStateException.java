package dev.asyncz.core;

import dev.asyncz.AsynczException;

/**
 * An operation that the scheduler's current state does not allow, such as starting it
 * twice.
 */
public class SchedulerStateException extends AsynczException {

	private static final long serialVersionUID = 1L;

	public SchedulerStateException(String message) {
		super(message);
	}

}
