package dev.asyncz.store.jdbc.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import dev.asyncz.test.LocalServer;
import dev.asyncz.test.RequiresLocalServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scheduler nodes in separate JVMs sharing one PostgreSQL table. A node loses its
 * connections by having its own backends terminated (found by application name); the
 * shared server is never restarted.
 */
@RequiresLocalServer(LocalServer.POSTGRESQL)
class PostgresClusterNodesIT extends JdbcClusterScenarios {

	@Override
	String url() {
		return LocalServer.POSTGRESQL.url();
	}

	@Override
	protected void cutConnections(String node) throws Exception {
		try (Connection connection = this.admin.getConnection();
				PreparedStatement statement = connection.prepareStatement(
						"SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ?")) {
			statement.setString(1, node);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				assertThat(result.getInt(1)).as("backends of %s terminated", node).isPositive();
			}
		}
	}

}
