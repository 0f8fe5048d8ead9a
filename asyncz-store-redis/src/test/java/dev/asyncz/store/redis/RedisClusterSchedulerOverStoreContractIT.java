package dev.asyncz.store.redis;

import dev.asyncz.store.TaskStore;
import dev.asyncz.test.LocalServer;
import dev.asyncz.test.RequiresLocalServer;
import dev.asyncz.test.SchedulerOverStoreContractTests;

/**
 * The scheduler over the Redis store on a Redis Cluster: what a user sees when the store
 * shares the application's cluster connection. Each test works under a key prefix of its
 * own and deletes only those keys.
 */
@RequiresLocalServer(LocalServer.REDIS_CLUSTER)
class RedisClusterSchedulerOverStoreContractIT extends SchedulerOverStoreContractTests {

	private final RedisClusterFixture cluster = new RedisClusterFixture();

	@Override
	protected TaskStore createStore() {
		return this.cluster.store();
	}

	@Override
	protected void expireLeases() {
		this.cluster.expireLeases();
	}

	@Override
	protected void cleanUp() {
		this.cluster.close();
	}

}
