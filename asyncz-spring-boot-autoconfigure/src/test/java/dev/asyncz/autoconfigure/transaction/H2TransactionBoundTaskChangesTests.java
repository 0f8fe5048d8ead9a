package dev.asyncz.autoconfigure.transaction;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.asyncz.store.jdbc.JdbcTaskStore;
import dev.asyncz.store.jdbc.JdbcTaskStoreSettings;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import static org.assertj.core.api.Assertions.assertThat;

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

	@Test
	void storeOnATransactionAwareProxyOfTheDataSourceJoinsTheTransaction() {
		DataSource proxy = new TransactionAwareDataSourceProxy(dataSource());
		JdbcTaskStore store = new JdbcTaskStore(proxy,
				JdbcTaskStoreSettings.builder().tablePrefix(tablePrefix()).build(), new SpringTransactionConnections());
		transactions().executeWithoutResult((status) -> assertThat(store.joinsCallerTransaction()).isTrue());
		assertThat(store.joinsCallerTransaction()).isFalse();
	}

}
