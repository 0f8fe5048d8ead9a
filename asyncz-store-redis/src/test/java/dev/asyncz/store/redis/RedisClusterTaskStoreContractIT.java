package dev.asyncz.store.redis;

import dev.asyncz.store.TaskStore;
import dev.asyncz.test.LocalServer;
import dev.asyncz.test.RequiresLocalServer;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

/**
 * The store contract on a Redis Cluster of three masters, through a cluster client: every
 * script runs on the node owning the slot of the store's hash-tagged keys.
 */
@RequiresLocalServer(LocalServer.REDIS_CLUSTER)
class RedisClusterTaskStoreContractIT extends RedisTaskStoreContractTests {

	private final RedisClusterFixture cluster = new RedisClusterFixture();

	@Override
	protected TaskStore createStore() {
		return this.cluster.store();
	}

	@Override
	protected String prefix() {
		return this.cluster.prefix;
	}

	@Override
	protected RedisClusterCommands<String, String> raw() {
		return this.cluster.raw;
	}

	@Override
	protected void cleanUp() {
		this.cluster.close();
	}

}
