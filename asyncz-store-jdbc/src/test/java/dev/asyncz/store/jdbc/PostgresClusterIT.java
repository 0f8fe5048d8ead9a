package dev.asyncz.store.jdbc;

import dev.asyncz.test.LocalServer;
import dev.asyncz.test.RequiresLocalServer;

/**
 * Three instances claim 10,000 due rows at once from one PostgreSQL table.
 */
@RequiresLocalServer(LocalServer.POSTGRESQL)
class PostgresClusterIT extends ClusterClaimingSupport {

	@Override
	protected String url() {
		return LocalServer.POSTGRESQL.url();
	}

}
