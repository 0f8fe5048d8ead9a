package dev.asyncz.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import dev.asyncz.store.TaskStore;
import dev.asyncz.test.SchedulerOverStoreContractTests;

/**
 * A scheduler over the JDBC store keeps its promises about runs, on one database. Each
 * test works in its own table (random prefix) and drops only that table.
 */
abstract class JdbcSchedulerOverStoreContractTests extends SchedulerOverStoreContractTests {

	private final String prefix = "o" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "_";

	/**
	 * The database under test.
	 * @return a pooled data source
	 */
	protected abstract DataSource dataSource();

	@Override
	protected TaskStore createStore() {
		JdbcTaskStore store = new JdbcTaskStore(dataSource(),
				JdbcTaskStoreSettings.builder().tablePrefix(this.prefix).pollInterval(Duration.ZERO).build());
		store.initializeSchema();
		return store;
	}

	@Override
	protected void expireLeases() {
		execute("UPDATE " + this.prefix + "tasks SET lease_until = TIMESTAMP '2000-01-01 00:00:00' "
				+ "WHERE lease_until IS NOT NULL");
	}

	@Override
	protected void cleanUp() {
		execute("DROP TABLE " + this.prefix + "tasks");
	}

	private void execute(String sql) {
		try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
