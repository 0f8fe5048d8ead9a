package dev.asyncz.store.redis;

import dev.asyncz.store.TaskStore;
import dev.asyncz.test.LocalServer;
import dev.asyncz.test.RequiresLocalServer;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

/**
 * The store contract on a single Redis server over a store spread over three partitions,
 * each test under a key prefix of its own.
 */
@RequiresLocalServer(LocalServer.REDIS)
class RedisPartitionedTaskStoreContractIT extends PartitionedRedisTaskStoreContractTests {

	private static final int PARTITIONS = 3;

	private final RedisStoreFixture redis = new RedisStoreFixture();

	@Override
	protected int partitions() {
		return PARTITIONS;
	}

	@Override
	protected TaskStore createStore() {
		return PartitionedRedisTaskStore.create(LocalServer.REDIS.url(), this.redis.settings(), PARTITIONS);
	}

	@Override
	protected String prefix() {
		return this.redis.prefix;
	}

	@Override
	protected RedisClusterCommands<String, String> raw() {
		return this.redis.raw;
	}

	@Override
	protected void cleanUp() {
		this.redis.close();
	}

}
