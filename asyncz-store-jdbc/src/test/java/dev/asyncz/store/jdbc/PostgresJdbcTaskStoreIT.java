package dev.asyncz.store.jdbc;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.asyncz.test.LocalServer;
import dev.asyncz.test.RequiresLocalServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The JDBC store on PostgreSQL, in a session whose time zone is not UTC (nor a whole hour
 * off it).
 */
@RequiresLocalServer(LocalServer.POSTGRESQL)
class PostgresJdbcTaskStoreIT extends JdbcTaskStoreContractTests {

	private static HikariDataSource dataSource;

	@BeforeAll
	static void openDatabase() {
		dataSource = TestDataSources.pool(LocalServer.POSTGRESQL.url(), "asyncz-contract",
				"SET TIME ZONE 'America/St_Johns'");
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
		return JdbcDialect.POSTGRESQL;
	}

}
