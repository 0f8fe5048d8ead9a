package dev.asyncz.store.redis;

import dev.asyncz.store.TaskStore;
import dev.asyncz.test.LocalServer;
import dev.asyncz.test.RequiresLocalServer;
import dev.asyncz.test.SchedulerOverStoreContractTests;

/**
 * The scheduler over a Redis store spread over three partitions of a Redis Cluster. Each
 * test works under a key prefix of its own and deletes only those keys.
 */
@RequiresLocalServer(LocalServer.REDIS_CLUSTER)
class RedisClusterPartitionedSchedulerOverStoreContractIT extends SchedulerOverStoreContractTests {

	private final RedisClusterFixture cluster = new RedisClusterFixture();

	@Override
	protected TaskStore createStore() {
		return this.cluster.partitioned(3);
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
