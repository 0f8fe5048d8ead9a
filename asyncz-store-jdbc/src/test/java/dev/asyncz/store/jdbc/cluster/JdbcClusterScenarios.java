package dev.asyncz.store.jdbc.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import dev.asyncz.store.TaskStore;
import dev.asyncz.store.jdbc.JdbcTaskStore;
import dev.asyncz.store.jdbc.TestDataSources;
import dev.asyncz.test.cluster.ClusterScenarios;
import dev.asyncz.test.cluster.RunRecord;

/**
 * The cluster scenarios on one database: the nodes share one task table, and the run log
 * lives in the same database. The test's tables start with {@code n<suffix>_} and are
 * dropped afterwards.
 */
abstract class JdbcClusterScenarios extends ClusterScenarios {

	final String prefix = "n" + this.suffix + "_";

	HikariDataSource admin;

	/**
	 * The database's JDBC URL.
	 * @return the URL
	 */
	abstract String url();

	@Override
	protected Class<?> nodeMainClass() {
		return JdbcClusterNode.class;
	}

	@Override
	protected Map<String, String> storeArguments() {
		return Map.of("url", url(), "prefix", this.prefix);
	}

	@Override
	protected TaskStore createStore() {
		return new JdbcTaskStore(this.admin, JdbcClusterNode.settings(this.prefix, Duration.ofSeconds(30)));
	}

	@Override
	protected void prepare() throws Exception {
		this.admin = TestDataSources.pool(url(), "admin-" + this.suffix, 8);
		new JdbcTaskStore(this.admin, JdbcClusterNode.settings(this.prefix, Duration.ofSeconds(30))).initializeSchema();
		JdbcRunLog.createTables(this.admin, this.prefix);
	}

	@Override
	protected void cleanUp() throws Exception {
		try {
			JdbcRunLog.dropTables(this.admin, this.prefix);
		}
		finally {
			this.admin.close();
		}
	}

	@Override
	protected List<RunRecord> runs() {
		return JdbcRunLog.read(this.admin, this.prefix + "runs");
	}

	@Override
	protected List<RunRecord> duplicates() {
		return JdbcRunLog.read(this.admin, this.prefix + "duplicates");
	}

	@Override
	protected List<RunRecord> starts() {
		return JdbcRunLog.read(this.admin, this.prefix + "starts");
	}

}
