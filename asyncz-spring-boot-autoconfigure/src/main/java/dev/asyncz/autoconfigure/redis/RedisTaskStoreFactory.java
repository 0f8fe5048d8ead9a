package dev.asyncz.autoconfigure.redis;

import java.time.Duration;

import dev.asyncz.autoconfigure.InvalidAsynczPropertyException;
import dev.asyncz.autoconfigure.TaskStoreBinding;
import dev.asyncz.autoconfigure.TaskStoreFactory;
import dev.asyncz.store.TaskStore;
import dev.asyncz.store.redis.RedisTaskStore;
import dev.asyncz.store.redis.RedisTaskStoreSettings;
import io.lettuce.core.RedisURI;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.StringUtils;

/**
 * Builds stores of type {@code redis}. Each store has a Redis client of its own, shut
 * down with the store.
 */
final class RedisTaskStoreFactory implements TaskStoreFactory {

	private static final String DURATION_ACTION = "Set a positive duration, such as 30s.";

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
		return RedisTaskStore.create(uri(store.key("url"), properties.getUrl()), settings);
	}

	private RedisURI uri(String key, @Nullable String url) {
		if (!StringUtils.hasText(url)) {
			return this.applicationConnection.uri(key);
		}
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
				() -> RedisTaskStoreSettings.defaults().withKeyPrefix(keyPrefix));
		Duration leaseTime = properties.getLeaseTime();
		RedisTaskStoreSettings withLease = (leaseTime != null)
				? store.checked("lease-time", leaseTime, DURATION_ACTION, () -> withPrefix.withLeaseDuration(leaseTime))
				: withPrefix;
		Duration pollInterval = properties.getPollInterval();
		return (pollInterval != null) ? store.checked("poll-interval", pollInterval, DURATION_ACTION,
				() -> withLease.withPollInterval(pollInterval)) : withLease;
	}

	/**
	 * Where a store without a {@code url} connects: the application's Redis connection
	 * settings.
	 */
	@FunctionalInterface
	interface ApplicationConnection {

		/**
		 * The application's Redis server.
		 * @param urlProperty the store's {@code url} property, to name in messages
		 * @return the server's URI
		 * @throws InvalidAsynczPropertyException if the application's settings cannot be
		 * used
		 */
		RedisURI uri(String urlProperty);

	}

}
