package dev.asyncz.store.jdbc;

import javax.sql.DataSource;

import dev.asyncz.test.LocalServer;
import dev.asyncz.test.RequiresLocalServer;

/**
 * A scheduler over the JDBC store on PostgreSQL, in a session whose time zone is not UTC.
 */
@RequiresLocalServer(LocalServer.POSTGRESQL)
class PostgresJdbcSchedulerOverStoreIT extends JdbcSchedulerOverStoreContractTests {

	@Override
	protected DataSource dataSource() {
		return TestDataSources.shared(LocalServer.POSTGRESQL.url(), "asyncz-contract-postgresql",
				"SET TIME ZONE 'America/St_Johns'");
	}

}
