package dev.asyncz.store.jdbc;

import javax.sql.DataSource;

import dev.asyncz.test.LocalServer;
import dev.asyncz.test.RequiresLocalServer;

/**
 * The JDBC store on PostgreSQL, in a session whose time zone is not UTC (nor a whole hour
 * off it).
 */
@RequiresLocalServer(LocalServer.POSTGRESQL)
class PostgresJdbcTaskStoreIT extends JdbcTaskStoreContractTests {

	@Override
	protected DataSource dataSource() {
		return TestDataSources.shared(LocalServer.POSTGRESQL.url(), "asyncz-contract-postgresql",
				"SET TIME ZONE 'America/St_Johns'");
	}

	@Override
	protected JdbcDialect expectedDialect() {
		return JdbcDialect.POSTGRESQL;
	}

}
