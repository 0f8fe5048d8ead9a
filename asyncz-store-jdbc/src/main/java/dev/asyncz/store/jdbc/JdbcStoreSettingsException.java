package dev.asyncz.store.jdbc;

import dev.asyncz.AsynczException;

/**
 * A JDBC task store was configured with a value it cannot use, such as a table prefix
 * that is not a plain SQL identifier or an unsupported database.
 */
public class JdbcStoreSettingsException extends AsynczException {

	private static final long serialVersionUID = 1L;

	public JdbcStoreSettingsException(String message) {
		super(message);
	}

}
