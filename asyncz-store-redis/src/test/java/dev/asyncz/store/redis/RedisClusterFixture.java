package dev.asyncz.store.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.asyncz.core.ControllableClock;
import dev.asyncz.store.redis.RedisStoreFixture.Instance;
import dev.asyncz.store.redis.internal.RedisKeys;
import dev.asyncz.test.LocalServer;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;

/**
 * Stores on the local Redis Cluster under a key prefix of their own, with a hash tag so
 * that all their keys share one slot; cleanup deletes only the keys of that prefix.
 */
final class RedisClusterFixture implements AutoCloseable {

	/** Where the stores connect, as messages name it. */
	static final String ADDRESS = "Redis Cluster " + LocalServer.REDIS_CLUSTER.url();

	final String prefix = "{asyncz-it:" + UUID.randomUUID().toString().substring(0, 8) + "}:";

	final ControllableClock clock = new ControllableClock(RedisStoreFixture.T0);

	final RedisClusterClient client = RedisClusterClient.create(LocalServer.REDIS_CLUSTER.url());

	private final StatefulRedisClusterConnection<String, String> connection = this.client.connect();

	final RedisAdvancedClusterCommands<String, String> raw = this.connection.sync();

	private final List<RedisTaskStore> stores = new ArrayList<>();

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

	Instance start(String instanceId) {
		return Instance.started(instanceId, store(), this.clock);
	}

	@Override
	public void close() {
		this.stores.forEach(RedisTaskStore::shutdown);
		this.raw.unlink(RedisKeys.withPrefix(this.prefix).scriptKeys());
		this.connection.close();
		this.client.shutdown();
	}

}
