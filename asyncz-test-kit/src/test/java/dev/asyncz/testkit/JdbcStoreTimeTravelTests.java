package dev.asyncz.testkit;

import java.util.UUID;

import dev.asyncz.store.TaskStore;
import dev.asyncz.store.jdbc.JdbcTaskStore;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Time travel over a JDBC store on an in-memory H2 database, one per test.
 */
class JdbcStoreTimeTravelTests extends TimeTravelContract {

	@Override
	TaskStore newStore() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:time-travel-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		JdbcTaskStore store = new JdbcTaskStore(dataSource);
		store.initializeSchema();
		return store;
	}

}
