package dev.asyncz.store.jdbc;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;

/**
 * Small connection pools for tests.
 */
public final class TestDataSources {

	/** Pools shared by the test classes of one JVM, by pool name. */
	private static final Map<String, HikariDataSource> shared = new ConcurrentHashMap<>();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> shared.values().forEach(HikariDataSource::close)));
	}

	private TestDataSources() {
	}

	/**
	 * A pool kept open for the rest of the test run and closed when the JVM exits: for
	 * contract test classes, which need one pool each and nothing more of their own.
	 * @param url the JDBC URL
	 * @param applicationName names the pool; one pool per name
	 * @param initSql run on every new connection
	 * @return the pool
	 */
	static DataSource shared(String url, String applicationName, @Nullable String initSql) {
		return shared.computeIfAbsent(applicationName, (name) -> pool(url, name, initSql));
	}

	/**
	 * A pool of up to ten connections.
	 * @param url the JDBC URL
	 * @param applicationName names the pool (and, on PostgreSQL, its connections)
	 * @param initSql run on every new connection, e.g. to force a session time zone
	 * @return the pool
	 */
	static HikariDataSource pool(String url, String applicationName, @Nullable String initSql) {
		HikariDataSource dataSource = pool(url, applicationName, 10);
		if (initSql != null) {
			dataSource.setConnectionInitSql(initSql);
		}
		return dataSource;
	}

	/**
	 * A pool that opens connections only when asked and gives up on one after 10 s.
	 * @param url the JDBC URL
	 * @param applicationName names the pool (and, on PostgreSQL, its connections)
	 * @param size the most connections
	 * @return the pool
	 */
	public static HikariDataSource pool(String url, String applicationName, int size) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(url);
		dataSource.setPoolName(applicationName);
		dataSource.setMaximumPoolSize(size);
		dataSource.setMinimumIdle(0);
		dataSource.setConnectionTimeout(10_000);
		if (url.startsWith("jdbc:postgresql:")) {
			dataSource.addDataSourceProperty("ApplicationName", applicationName);
		}
		return dataSource;
	}

}
