package dev.asyncz.store.jdbc.cluster;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import dev.asyncz.store.jdbc.JdbcTaskStore;
import dev.asyncz.store.jdbc.JdbcTaskStoreSettings;
import dev.asyncz.store.jdbc.TestDataSources;
import dev.asyncz.test.cluster.ClusterNode;

/**
 * A cluster node on the JDBC store: arguments {@code url} and {@code prefix} besides the
 * {@link ClusterNode.Options}. On PostgreSQL the store's connections carry the node's
 * name as their application name (so a test can cut exactly them); the run log's carry
 * the name followed by {@code -log}.
 */
public final class JdbcClusterNode {

	private JdbcClusterNode() {
	}

	/**
	 * Runs a node until its standard input closes.
	 * @param args {@code key=value} arguments
	 */
	public static void main(String[] args) {
		ClusterNode.Options options = ClusterNode.Options.parse(args);
		String url = options.get("url");
		HikariDataSource storePool = TestDataSources.pool(url, options.node(), 5);
		HikariDataSource logPool = TestDataSources.pool(url, options.node() + "-log", options.workers());
		try {
			JdbcTaskStore store = new JdbcTaskStore(storePool, settings(options.get("prefix"), options.lease()));
			ClusterNode.run(options, store, new JdbcRunLog(logPool, options.get("prefix"), logPool));
		}
		finally {
			storePool.close();
		}
	}

	static JdbcTaskStoreSettings settings(String prefix, Duration lease) {
		return JdbcTaskStoreSettings.builder()
			.tablePrefix(prefix)
			.leaseDuration(lease)
			.pollInterval(Duration.ofSeconds(1))
			.build();
	}

}
