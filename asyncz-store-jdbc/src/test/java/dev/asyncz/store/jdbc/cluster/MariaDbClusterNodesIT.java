package dev.asyncz.store.jdbc.cluster;

import dev.asyncz.test.LocalServer;
import dev.asyncz.test.RequiresLocalServer;
import org.junit.jupiter.api.Assumptions;

/**
 * Scheduler nodes in separate JVMs sharing one MariaDB table.
 */
@RequiresLocalServer(LocalServer.MARIADB)
class MariaDbClusterNodesIT extends JdbcClusterScenarios {

	@Override
	String url() {
		return LocalServer.MARIADB.url();
	}

	@Override
	protected void cutConnections(String node) {
		// MariaDB names a connection only through performance_schema, which the local
		// server has off.
		Assumptions.abort("MariaDB cannot tell one node's connections from another's without performance_schema");
	}

}
