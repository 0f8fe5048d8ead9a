package dev.asyncz.store.jdbc;

import java.sql.Connection;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * Finds the connection of a transaction the calling thread has open, so that a
 * {@link JdbcTaskStore} writes a caller's changes (add, update, remove) inside it: they
 * then commit or roll back with the caller's own work. The store's own work (claims,
 * lease renewals, releases, completions) always runs on connections of its own.
 *
 * <p>
 * The store never commits, rolls back or closes a connection found here; it wraps each
 * write in a savepoint, so that a write that fails (a duplicate id) leaves the caller's
 * transaction usable.
 */
@FunctionalInterface
public interface TransactionConnections {

	/** Never finds one: every change commits on its own. */
	TransactionConnections NONE = (dataSource) -> null;

	/**
	 * The connection of the transaction the calling thread has open on
	 * {@code dataSource}.
	 * @param dataSource the store's data source
	 * @return the connection, or {@code null} when the caller has no transaction there
	 */
	@Nullable Connection current(DataSource dataSource);

}
