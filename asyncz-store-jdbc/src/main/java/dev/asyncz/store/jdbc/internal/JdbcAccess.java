package dev.asyncz.store.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

import javax.sql.DataSource;

import dev.asyncz.store.StoreException;
import dev.asyncz.store.jdbc.TransactionConnections;

/**
 * Borrows connections for one unit of work and turns every {@link SQLException} into a
 * {@link StoreException} that names the store and what it was doing.
 */
public final class JdbcAccess {

	private static final int UNKNOWN_ISOLATION = -1;

	private final DataSource dataSource;

	private final String description;

	private final TransactionConnections callerTransactions;

	/**
	 * The isolation level the pool's connections come with, read from the first one:
	 * asking every time is a round trip on some drivers (PostgreSQL's runs
	 * {@code SHOW TRANSACTION ISOLATION LEVEL}), and pools hand connections back at their
	 * configured level.
	 */
	private volatile int poolIsolation = UNKNOWN_ISOLATION;

	/**
	 * Creates access to a data source whose callers' changes always commit on their own.
	 * @param dataSource where connections come from
	 * @param description names the store in error messages
	 */
	public JdbcAccess(DataSource dataSource, String description) {
		this(dataSource, description, TransactionConnections.NONE);
	}

	/**
	 * Creates access to a data source.
	 * @param dataSource where connections come from
	 * @param description names the store in error messages, e.g.
	 * {@code JDBC store 'durable'}
	 * @param callerTransactions finds the transaction a caller's changes join
	 */
	public JdbcAccess(DataSource dataSource, String description, TransactionConnections callerTransactions) {
		this.dataSource = dataSource;
		this.description = description;
		this.callerTransactions = callerTransactions;
	}

	/**
	 * Whether the calling thread has a transaction open on this data source, which its
	 * changes join.
	 * @return true if {@link #callerWrite} runs in the caller's transaction
	 */
	public boolean inCallerTransaction() {
		return this.callerTransactions.current(this.dataSource) != null;
	}

	/**
	 * Runs a change a caller asked for: inside the caller's transaction on this data
	 * source if it has one, behind a savepoint so that a failed statement leaves that
	 * transaction usable (PostgreSQL would otherwise refuse every later statement in it);
	 * otherwise in auto-commit mode. The caller's connection is never committed, rolled
	 * back past the savepoint or closed here.
	 * @param <T> the result type
	 * @param what what the work does, for the error message
	 * @param work the work
	 * @return the work's result
	 * @throws StoreException if the database fails
	 */
	public <T> T callerWrite(String what, Work<T> work) {
		Connection connection = this.callerTransactions.current(this.dataSource);
		if (connection == null) {
			return autoCommit(what, work);
		}
		try {
			Savepoint savepoint = connection.setSavepoint();
			try {
				T result = work.apply(connection);
				connection.releaseSavepoint(savepoint);
				return result;
			}
			catch (SQLException | RuntimeException ex) {
				try {
					connection.rollback(savepoint);
				}
				catch (SQLException rollback) {
					ex.addSuppressed(rollback);
				}
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw failure(what, ex);
		}
	}

	/**
	 * Runs a change a caller asked for that takes several statements: inside the caller's
	 * transaction on this data source if it has one, behind a savepoint as
	 * {@link #callerWrite} does; otherwise in a {@link #transaction} of its own, so that
	 * it is written whole or not at all.
	 * @param <T> the result type
	 * @param what what the work does, for the error message
	 * @param work the work
	 * @return the work's result
	 * @throws StoreException if the database fails
	 */
	public <T> T callerTransaction(String what, Work<T> work) {
		if (this.callerTransactions.current(this.dataSource) == null) {
			return transaction(what, work);
		}
		return callerWrite(what, work);
	}

	/**
	 * Reads for a caller: inside the caller's transaction on this data source if it has
	 * one, so that it sees the caller's own uncommitted changes; otherwise in auto-commit
	 * mode.
	 * @param <T> the result type
	 * @param what what the work does, for the error message
	 * @param work the work
	 * @return the work's result
	 * @throws StoreException if the database fails
	 */
	public <T> T callerRead(String what, Work<T> work) {
		Connection connection = this.callerTransactions.current(this.dataSource);
		if (connection == null) {
			return autoCommit(what, work);
		}
		try {
			return work.apply(connection);
		}
		catch (SQLException ex) {
			throw failure(what, ex);
		}
	}

	/**
	 * Runs {@code work} on a connection in auto-commit mode.
	 * @param <T> the result type
	 * @param what what the work does, for the error message
	 * @param work the work
	 * @return the work's result
	 * @throws StoreException if the database fails
	 */
	public <T> T autoCommit(String what, Work<T> work) {
		try (Connection connection = this.dataSource.getConnection()) {
			return work.apply(connection);
		}
		catch (SQLException ex) {
			throw failure(what, ex);
		}
	}

	/**
	 * Runs {@code work} in one read-committed transaction, committed only if the work
	 * returns.
	 * @param <T> the result type
	 * @param what what the work does, for the error message
	 * @param work the work
	 * @return the work's result, once committed
	 * @throws StoreException if the database fails; the transaction is then rolled back
	 */
	public <T> T transaction(String what, Work<T> work) {
		try (Connection connection = this.dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			int isolation = this.poolIsolation;
			if (isolation == UNKNOWN_ISOLATION) {
				isolation = connection.getTransactionIsolation();
				this.poolIsolation = isolation;
			}
			connection.setAutoCommit(false);
			// Setting the level is a statement on some drivers (PostgreSQL): skip it, and
			// the restore, when the connection already reads committed data.
			if (isolation != Connection.TRANSACTION_READ_COMMITTED) {
				connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
			}
			try {
				T result = work.apply(connection);
				connection.commit();
				return result;
			}
			catch (SQLException | RuntimeException ex) {
				rollbackQuietly(connection, ex);
				throw ex;
			}
			finally {
				restore(connection, autoCommit, isolation);
			}
		}
		catch (SQLException ex) {
			throw failure(what, ex);
		}
	}

	/**
	 * Describes a database failure as a {@link StoreException}.
	 * @param what what the store was doing
	 * @param ex the failure
	 * @return the exception to throw
	 */
	public StoreException failure(String what, SQLException ex) {
		return new StoreException(this.description + " could not " + what + ": " + ex.getMessage() + " (SQLState "
				+ ex.getSQLState() + ")", ex);
	}

	private static void rollbackQuietly(Connection connection, Exception cause) {
		try {
			connection.rollback();
		}
		catch (SQLException ex) {
			cause.addSuppressed(ex);
		}
	}

	private static void restore(Connection connection, boolean autoCommit, int isolation) {
		try {
			if (isolation != Connection.TRANSACTION_READ_COMMITTED) {
				connection.setTransactionIsolation(isolation);
			}
			connection.setAutoCommit(autoCommit);
		}
		catch (SQLException ex) {
			// A broken connection: the failure that broke it is already on its way to the
			// caller, and the pool discards the connection.
		}
	}

	/**
	 * Work done with a connection.
	 *
	 * @param <T> the result type
	 */
	@FunctionalInterface
	public interface Work<T> {

		/**
		 * Does the work.
		 * @param connection the connection, to be used only during this call
		 * @return the result
		 * @throws SQLException if the database fails
		 */
		T apply(Connection connection) throws SQLException;

	}

}
