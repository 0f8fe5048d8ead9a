package dev.asyncz.store.redis;

import dev.asyncz.store.TaskStore;
import dev.asyncz.test.LocalServer;
import dev.asyncz.test.RequiresLocalServer;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

/**
 * The store contract on a Redis Cluster of three masters over a store spread over six
 * partitions, each with a hash tag of its own, through a cluster client.
 */
@RequiresLocalServer(LocalServer.REDIS_CLUSTER)
class RedisClusterPartitionedTaskStoreContractIT extends PartitionedRedisTaskStoreContractTests {

	private static final int PARTITIONS = 6;

	private final RedisClusterFixture cluster = new RedisClusterFixture();

	@Override
	protected int partitions() {
		return PARTITIONS;
	}

	@Override
	protected TaskStore createStore() {
		return this.cluster.partitioned(PARTITIONS);
	}

	@Override
	protected String prefix() {
		return this.cluster.partitionedPrefix;
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
