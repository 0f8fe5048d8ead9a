package dev.asyncz.store.jdbc;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The JDBC store on an in-memory H2 database.
 */
class H2JdbcTaskStoreTests extends JdbcTaskStoreContractTests {

	private static HikariDataSource dataSource;

	@BeforeAll
	static void openDatabase() {
		dataSource = TestDataSources.pool("jdbc:h2:mem:asyncz-contract;DB_CLOSE_DELAY=-1", "h2-contract", null);
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
		return JdbcDialect.H2;
	}

}
