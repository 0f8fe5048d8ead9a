package dev.asyncz.store.jdbc;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.asyncz.test.LocalServer;
import dev.asyncz.test.RequiresLocalServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The JDBC store on MariaDB, in a session whose time zone is not UTC (nor a whole hour
 * off it).
 */
@RequiresLocalServer(LocalServer.MARIADB)
class MariaDbJdbcTaskStoreIT extends JdbcTaskStoreContractTests {

	private static HikariDataSource dataSource;

	@BeforeAll
	static void openDatabase() {
		dataSource = TestDataSources.pool(LocalServer.MARIADB.url(), "asyncz-contract", "SET time_zone = '+05:30'");
	}

	@AfterAll
	static void closeDatabase() {
		dataSource.close();
	}

	@Override
	protected DataSource dataSource() {
		return dataSource;
	}

	@Override
	protected JdbcDialect expectedDialect() {
		return JdbcDialect.MARIADB;
	}

}
