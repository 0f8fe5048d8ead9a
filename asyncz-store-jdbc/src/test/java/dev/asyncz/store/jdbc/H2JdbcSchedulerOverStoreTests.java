package dev.asyncz.store.jdbc;

import javax.sql.DataSource;

/**
 * A scheduler over the JDBC store on an in-memory H2 database.
 */
class H2JdbcSchedulerOverStoreTests extends JdbcSchedulerOverStoreContractTests {

	@Override
	protected DataSource dataSource() {
		return TestDataSources.shared("jdbc:h2:mem:asyncz-contract;DB_CLOSE_DELAY=-1", "h2-contract", null);
	}

}
