package dev.asyncz.autoconfigure.transaction;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Transaction-bound task changes on H2.
 */
class H2TransactionBoundTaskChangesTests extends TransactionBoundTaskChangesTests {

	@Override
	HikariDataSource createDataSource() {
		return h2("application");
	}

	@Override
	String tablePrefix() {
		return "asyncz_tx_";
	}

}
