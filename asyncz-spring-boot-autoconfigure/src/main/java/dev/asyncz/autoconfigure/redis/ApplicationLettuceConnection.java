package dev.asyncz.autoconfigure.redis;

import java.util.Collection;

import dev.asyncz.autoconfigure.TaskStoreBinding;
import dev.asyncz.store.TaskStore;
import dev.asyncz.store.redis.PartitionedRedisTaskStore;
import dev.asyncz.store.redis.RedisTaskStore;
import dev.asyncz.store.redis.RedisTaskStoreSettings;
import io.lettuce.core.AbstractRedisClient;

import org.springframework.data.redis.connection.RedisNode;
import org.springframework.data.redis.connection.RedisSentinelConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Stores on the Lettuce client of the application's {@link LettuceConnectionFactory}:
 * whatever it was configured with (a single server, a sentinel set or a cluster; TLS from
 * an SSL bundle; client options and resources) applies to the store too. The factory owns
 * the client; it stops after the scheduler, whose life-cycle phase is higher.
 */
final class ApplicationLettuceConnection {

	private ApplicationLettuceConnection() {
	}

	/**
	 * A store on the factory's client.
	 * @param factory the application's connection factory
	 * @param store the store's binding
	 * @param settings the store settings
	 * @param partitions how many partitions the store spreads its tasks over
	 * @return the store, not started
	 * @throws dev.asyncz.autoconfigure.InvalidAsynczPropertyException naming the key
	 * prefix if the factory is for a cluster and the prefix has no hash tag while there
	 * is one partition, or naming the partitions if their count is out of range
	 */
	static TaskStore store(LettuceConnectionFactory factory, TaskStoreBinding store, RedisTaskStoreSettings settings,
			int partitions) {
		AbstractRedisClient client = client(factory);
		String address = "the application's Redis (" + address(factory) + ")";
		if (partitions != 1) {
			// Each partition has a hash tag of its own: any prefix serves on a cluster.
			return RedisTaskStoreFactory.partitioned(store, partitions,
					() -> PartitionedRedisTaskStore.create(client, address, settings, partitions));
		}
		return store.checked("key-prefix", settings.keyPrefix(),
				"Set a key prefix with a hash tag, such as {asyncz}:, so that all keys of the store are in one slot "
						+ "of " + address(factory) + ", or set partitions to spread the store over its masters.",
				() -> RedisTaskStore.create(client, address, settings));
	}

	private static AbstractRedisClient client(LettuceConnectionFactory factory) {
		AbstractRedisClient client = factory.getNativeClient();
		if (client == null) {
			// A factory without early start-up makes its client when the application's
			// life cycle starts, after the scheduler bean is built: start it now, as it
			// would be moments later.
			factory.start();
			client = factory.getRequiredNativeClient();
		}
		return client;
	}

	/**
	 * Where the factory connects, without secrets.
	 * @param factory the factory
	 * @return such as {@code localhost:6379/0}, {@code Redis Cluster [10.0.0.1:7001]} or
	 * {@code sentinel master mymaster via [10.0.0.1:26379], database 0}
	 */
	static String address(LettuceConnectionFactory factory) {
		if (factory.isClusterAware()) {
			return "Redis Cluster " + nodes(factory.getClusterConfiguration().getClusterNodes());
		}
		if (factory.isRedisSentinelAware()) {
			RedisSentinelConfiguration sentinel = factory.getSentinelConfiguration();
			return "sentinel master " + sentinel.getMaster().getName() + " via " + nodes(sentinel.getSentinels())
					+ ", database " + sentinel.getDatabase();
		}
		return factory.getHostName() + ":" + factory.getPort() + "/" + factory.getDatabase();
	}

	private static String nodes(Collection<RedisNode> nodes) {
		return nodes.stream().map((node) -> node.getHost() + ":" + node.getPort()).toList().toString();
	}

}
