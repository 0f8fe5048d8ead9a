package dev.asyncz.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;

/**
 * Small connection pools for tests.
 */
final class TestDataSources {

	private TestDataSources() {
	}

	/**
	 * A pool of up to ten connections.
	 * @param url the JDBC URL
	 * @param applicationName names the pool (and, on PostgreSQL, its connections)
	 * @param initSql run on every new connection, e.g. to force a session time zone
	 * @return the pool
	 */
	static HikariDataSource pool(String url, String applicationName, @Nullable String initSql) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(url);
		dataSource.setPoolName(applicationName);
		dataSource.setMaximumPoolSize(10);
		dataSource.setMinimumIdle(0);
		if (url.startsWith("jdbc:postgresql:")) {
			dataSource.addDataSourceProperty("ApplicationName", applicationName);
		}
		if (initSql != null) {
			dataSource.setConnectionInitSql(initSql);
		}
		return dataSource;
	}

}
