package dev.asyncz.store;

import dev.asyncz.AsynczException;

/**
 * A store could not do what was asked, typically because its server is unreachable.
 * Nothing that was already stored is lost; the scheduler backs off and tries again.
 */
public class StoreException extends AsynczException {

	private static final long serialVersionUID = 1L;

	public StoreException(String message, Throwable cause) {
		super(message, cause);
	}

	public StoreException(String message) {
		super(message);
	}

}
