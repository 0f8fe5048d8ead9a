package dev.asyncz.store.redis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.asyncz.core.ControllableClock;
import dev.asyncz.store.TaskStore;
import dev.asyncz.store.redis.RedisStoreFixture.Instance;
import dev.asyncz.store.redis.internal.PartitionLayout;
import dev.asyncz.store.redis.internal.RedisKeys;
import dev.asyncz.test.LocalServer;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;

/**
 * Stores on the local Redis Cluster under a key prefix of their own, with a hash tag so
 * that all their keys share one slot, or spread over partitions under a prefix without
 * one; cleanup deletes only the keys of those prefixes.
 */
final class RedisClusterFixture implements AutoCloseable {

	/** Where the stores connect, as messages name it. */
	static final String ADDRESS = "Redis Cluster " + LocalServer.REDIS_CLUSTER.url();

	final String prefix = "{asyncz-it:" + UUID.randomUUID().toString().substring(0, 8) + "}:";

	/** The key prefix of partitioned stores: each partition adds its own hash tag. */
	final String partitionedPrefix = newPartitionedPrefix();

	final ControllableClock clock = new ControllableClock(RedisStoreFixture.T0);

	final RedisClusterClient client = RedisClusterClient.create(LocalServer.REDIS_CLUSTER.url());

	private final StatefulRedisClusterConnection<String, String> connection = this.client.connect();

	final RedisAdvancedClusterCommands<String, String> raw = this.connection.sync();

	private final List<TaskStore> stores = new ArrayList<>();

	/** The most partitions used under each partitioned prefix, to delete their keys. */
	private final Map<String, Integer> partitionedPrefixes = new LinkedHashMap<>();

	static String newPartitionedPrefix() {
		return "asyncz-it:" + UUID.randomUUID().toString().substring(0, 8) + ":";
	}

	RedisTaskStoreSettings settings() {
		return RedisTaskStoreSettings.defaults().withKeyPrefix(this.prefix);
	}

	/**
	 * A store on the cluster client, shut down on {@link #close()}.
	 * @return the store, not started
	 */
	RedisTaskStore store() {
		RedisTaskStore store = RedisTaskStore.create(this.client, ADDRESS, settings());
		this.stores.add(store);
		return store;
	}

	/**
	 * A store spread over partitions under {@link #partitionedPrefix}, shut down on
	 * {@link #close()}.
	 * @param partitions how many partitions
	 * @return the store, not started
	 */
	PartitionedRedisTaskStore partitioned(int partitions) {
		return partitioned(this.partitionedPrefix, partitions);
	}

	/**
	 * A store spread over partitions under a prefix of the caller's, shut down on
	 * {@link #close()}, when its keys are deleted too.
	 * @param keyPrefix the key prefix, without a hash tag
	 * @param partitions how many partitions
	 * @return the store, not started
	 */
	PartitionedRedisTaskStore partitioned(String keyPrefix, int partitions) {
		PartitionedRedisTaskStore store = PartitionedRedisTaskStore.create(this.client, ADDRESS,
				settings().withKeyPrefix(keyPrefix), partitions);
		this.stores.add(store);
		this.partitionedPrefixes.merge(keyPrefix, partitions, Math::max);
		return store;
	}

	/**
	 * Makes the lease of every claim of this fixture's stores run out, as if its holder
	 * had died.
	 */
	void expireLeases() {
		RedisStoreFixture.expireLeases(this.raw, this.prefix);
		this.partitionedPrefixes.forEach((keyPrefix, partitions) -> {
			PartitionLayout layout = new PartitionLayout(keyPrefix, Math.max(2, partitions));
			for (int index = 0; index < layout.partitions(); index++) {
				RedisStoreFixture.expireLeases(this.raw, layout.prefix(index));
			}
		});
	}

	Instance start(String instanceId) {
		return Instance.started(instanceId, store(), this.clock);
	}

	@Override
	public void close() {
		this.stores.forEach(TaskStore::shutdown);
		List<String> keys = new ArrayList<>(List.of(RedisKeys.withPrefix(this.prefix).scriptKeys()));
		keys.add(new PartitionLayout(this.prefix, 1).recordKey());
		this.partitionedPrefixes.forEach((keyPrefix, partitions) -> {
			PartitionLayout layout = new PartitionLayout(keyPrefix, Math.max(2, partitions));
			for (int index = 0; index < layout.partitions(); index++) {
				keys.addAll(List.of(RedisKeys.withPrefix(layout.prefix(index)).scriptKeys()));
			}
			keys.add(layout.recordKey());
		});
		// Unlinked one by one: a cluster refuses one command over keys of several slots.
		keys.forEach(this.raw::unlink);
		this.connection.close();
		this.client.shutdown();
	}

}
