package dev.asyncz.store.redis;

import java.util.List;
import java.util.stream.IntStream;

import dev.asyncz.store.TaskStore;
import dev.asyncz.store.redis.internal.PartitionLayout;
import dev.asyncz.test.LocalServer;
import dev.asyncz.test.RequiresLocalServer;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

/**
 * The store contract on a Redis Cluster of three masters over a store spread over six
 * partitions, each with a hash tag of its own, through a cluster client.
 */
@RequiresLocalServer(LocalServer.REDIS_CLUSTER)
class RedisClusterPartitionedTaskStoreContractIT extends RedisTaskStoreContractTests {

	private static final int PARTITIONS = 6;

	private final RedisClusterFixture cluster = new RedisClusterFixture();

	private final PartitionLayout layout = new PartitionLayout(this.cluster.partitionedPrefix, PARTITIONS);

	@Override
	protected TaskStore createStore() {
		return this.cluster.partitioned(PARTITIONS);
	}

	@Override
	protected String prefix() {
		return this.cluster.partitionedPrefix;
	}

	@Override
	protected List<String> taskPrefixes() {
		return IntStream.range(0, PARTITIONS).mapToObj(this.layout::prefix).toList();
	}

	@Override
	protected String taskPrefix(String id) {
		return this.layout.prefix(this.layout.partitionOf(id));
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
