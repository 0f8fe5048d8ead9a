package dev.asyncz.autoconfigure.transaction;

import com.zaxxer.hikari.HikariDataSource;
import dev.asyncz.test.LocalServer;
import dev.asyncz.test.RequiresLocalServer;

/**
 * Transaction-bound task changes on PostgreSQL, where a failed statement spoils the rest
 * of its transaction and NOTIFY is delivered at the commit.
 */
@RequiresLocalServer(LocalServer.POSTGRESQL)
class PostgresTransactionBoundTaskChangesIT extends TransactionBoundTaskChangesTests {

	@Override
	HikariDataSource createDataSource() {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(LocalServer.POSTGRESQL.url());
		return dataSource;
	}

	@Override
	String tablePrefix() {
		return "asyncz_tx_it_";
	}

}
