package dev.asyncz.store.jdbc;

import javax.sql.DataSource;

import dev.asyncz.test.LocalServer;
import dev.asyncz.test.RequiresLocalServer;

/**
 * A scheduler over the JDBC store on MariaDB, in a session whose time zone is not UTC.
 */
@RequiresLocalServer(LocalServer.MARIADB)
class MariaDbJdbcSchedulerOverStoreIT extends JdbcSchedulerOverStoreContractTests {

	@Override
	protected DataSource dataSource() {
		return TestDataSources.shared(LocalServer.MARIADB.url(), "asyncz-contract-mariadb", "SET time_zone = '+05:30'");
	}

}
