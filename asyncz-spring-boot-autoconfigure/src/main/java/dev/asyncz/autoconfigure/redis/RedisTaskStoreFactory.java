package dev.asyncz.autoconfigure.redis;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.asyncz.autoconfigure.InvalidAsynczPropertyException;
import dev.asyncz.autoconfigure.TaskStoreBinding;
import dev.asyncz.autoconfigure.TaskStoreFactory;
import dev.asyncz.store.TaskStore;
import dev.asyncz.store.redis.PartitionedRedisTaskStore;
import dev.asyncz.store.redis.RedisTaskStore;
import dev.asyncz.store.redis.RedisTaskStoreSettings;
import io.lettuce.core.RedisURI;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.StringUtils;

/**
 * Builds stores of type {@code redis}. A store with a {@code url} has a Redis client of
 * its own, shut down with the store; one without uses the application's Redis connection.
 */
final class RedisTaskStoreFactory implements TaskStoreFactory {

	private static final String DURATION_ACTION = "Set a positive duration, such as 30s.";

	private static final String PARTITIONS_ACTION = "Set a whole number from 1 to "
			+ PartitionedRedisTaskStore.MAX_PARTITIONS + ", such as 1 (all keys in one slot) or one per master of "
			+ "a Redis Cluster.";

	private final ApplicationConnection applicationConnection;

	/**
	 * Creates the factory.
	 * @param applicationConnection where stores without a {@code url} connect
	 */
	RedisTaskStoreFactory(ApplicationConnection applicationConnection) {
		this.applicationConnection = applicationConnection;
	}

	@Override
	public String type() {
		return "redis";
	}

	@Override
	public TaskStore create(TaskStoreBinding store, ListableBeanFactory beanFactory) {
		RedisStoreProperties properties = store.bind(RedisStoreProperties.class);
		RedisTaskStoreSettings settings = settings(store, properties);
		int partitions = properties.getPartitions();
		String url = properties.getUrl();
		if (StringUtils.hasText(url)) {
			RedisURI uri = uri(store.key("url"), url);
			return (partitions == 1) ? RedisTaskStore.create(uri, settings)
					: partitioned(store, partitions, () -> PartitionedRedisTaskStore.create(uri, settings, partitions));
		}
		return this.applicationConnection.store(store, settings, partitions);
	}

	/**
	 * Builds a store spread over partitions, reporting a count the store rejects under
	 * {@code partitions}.
	 * @param store the store's binding
	 * @param partitions the count
	 * @param build builds the store
	 * @return the store, not started
	 */
	static TaskStore partitioned(TaskStoreBinding store, int partitions, Supplier<TaskStore> build) {
		return store.checked("partitions", partitions, PARTITIONS_ACTION, build);
	}

	private static RedisURI uri(String key, String url) {
		try {
			return RedisURI.create(url.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidAsynczPropertyException(key, url, "not a Redis URL (" + ex.getMessage() + ")",
					"Write redis://host:port/database, rediss:// for TLS, or redis-sentinel://host:port/database#master, "
							+ "such as redis://localhost:6379/0; or unset '" + key
							+ "' to use the application's spring.data.redis settings.");
		}
	}

	private static RedisTaskStoreSettings settings(TaskStoreBinding store, RedisStoreProperties properties) {
		String keyPrefix = properties.getKeyPrefix();
		RedisTaskStoreSettings withPrefix = store.checked("key-prefix", keyPrefix,
				"Set a non-empty prefix, such as asyncz:, that no other store or application in the same Redis "
						+ "database uses.",
				() -> RedisTaskStoreSettings.defaults()
					.withKeyPrefix(keyPrefix)
					.withWriteFormat(properties.getWriteFormat()));
		Duration leaseTime = properties.getLeaseTime();
		RedisTaskStoreSettings withLease = (leaseTime != null)
				? store.checked("lease-time", leaseTime, DURATION_ACTION, () -> withPrefix.withLeaseDuration(leaseTime))
				: withPrefix;
		Duration pollInterval = properties.getPollInterval();
		return (pollInterval != null) ? store.checked("poll-interval", pollInterval, DURATION_ACTION,
				() -> withLease.withPollInterval(pollInterval)) : withLease;
	}

	/**
	 * Where a store without a {@code url} connects: the application's Redis connection.
	 */
	@FunctionalInterface
	interface ApplicationConnection {

		/**
		 * A store on the application's Redis.
		 * @param store the store's binding, to name its keys in messages
		 * @param settings the store settings
		 * @param partitions how many partitions the store spreads its tasks over
		 * @return the store, not started: a {@link RedisTaskStore} for one partition,
		 * else a {@link PartitionedRedisTaskStore}
		 * @throws InvalidAsynczPropertyException if the application's settings cannot be
		 * used, or the store's settings cannot be used with them
		 */
		TaskStore store(TaskStoreBinding store, RedisTaskStoreSettings settings, int partitions);

		/**
		 * Stores with a client of their own, on the server at a URI.
		 * @param uri the application's server, given the {@code url} property to name in
		 * messages
		 * @return the connection
		 */
		static ApplicationConnection at(Function<String, RedisURI> uri) {
			return (store, settings, partitions) -> {
				RedisURI applications = uri.apply(store.key("url"));
				return (partitions == 1) ? RedisTaskStore.create(applications, settings) : partitioned(store,
						partitions, () -> PartitionedRedisTaskStore.create(applications, settings, partitions));
			};
		}

	}

}
