package dev.asyncz.store.jdbc;

import dev.asyncz.test.LocalServer;
import dev.asyncz.test.RequiresLocalServer;

/**
 * Three instances claim 10,000 due rows at once from one MariaDB table.
 */
@RequiresLocalServer(LocalServer.MARIADB)
class MariaDbClusterIT extends ClusterClaimingSupport {

	@Override
	protected String url() {
		return LocalServer.MARIADB.url();
	}

}
