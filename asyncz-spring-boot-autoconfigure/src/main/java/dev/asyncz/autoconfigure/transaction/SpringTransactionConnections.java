package dev.asyncz.autoconfigure.transaction;

import java.sql.Connection;

import javax.sql.DataSource;

import dev.asyncz.store.jdbc.TransactionConnections;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Finds the connection a Spring transaction (a {@code DataSourceTransactionManager}'s, or
 * any that binds a {@link ConnectionHolder} per data source, as JPA's does) holds on a
 * jdbc store's data source. The data source is matched as Spring matches it: a
 * {@link TransactionAwareDataSourceProxy} stands for its target, and
 * {@link TransactionSynchronizationManager#getResource} unwraps infrastructure proxies.
 */
final class SpringTransactionConnections implements TransactionConnections {

	@Override
	public @Nullable Connection current(DataSource dataSource) {
		if (!TransactionBoundStoreWrites.inTransaction()) {
			return null;
		}
		Object resource = TransactionSynchronizationManager.getResource(unwrap(dataSource));
		if (resource instanceof ConnectionHolder holder && holder.isSynchronizedWithTransaction()) {
			return holder.getConnection();
		}
		return null;
	}

	private static Object unwrap(DataSource dataSource) {
		if (dataSource instanceof TransactionAwareDataSourceProxy proxy && proxy.getTargetDataSource() != null) {
			return proxy.getTargetDataSource();
		}
		return dataSource;
	}

}
