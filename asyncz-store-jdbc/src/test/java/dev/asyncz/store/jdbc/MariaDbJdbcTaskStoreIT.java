package dev.asyncz.store.jdbc;

import javax.sql.DataSource;

import dev.asyncz.test.LocalServer;
import dev.asyncz.test.RequiresLocalServer;

/**
 * The JDBC store on MariaDB, in a session whose time zone is not UTC (nor a whole hour
 * off it).
 */
@RequiresLocalServer(LocalServer.MARIADB)
class MariaDbJdbcTaskStoreIT extends JdbcTaskStoreContractTests {

	@Override
	protected DataSource dataSource() {
		return TestDataSources.shared(LocalServer.MARIADB.url(), "asyncz-contract-mariadb", "SET time_zone = '+05:30'");
	}

	@Override
	protected JdbcDialect expectedDialect() {
		return JdbcDialect.MARIADB;
	}

}
