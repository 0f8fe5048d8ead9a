package dev.asyncz.autoconfigure.redis;

import dev.asyncz.autoconfigure.ClaimingStoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * The keys of a store of type {@code redis}, under {@code asyncz.stores.<name>}.
 */
public class RedisStoreProperties extends ClaimingStoreProperties {

	/**
	 * Redis URL of a redis store, such as redis://localhost:6379. Unset means the
	 * application's Redis connection.
	 */
	private @Nullable String url;

	/**
	 * Prefix of the keys of a redis store.
	 */
	private String keyPrefix = "asyncz:";

	/**
	 * Number of partitions a redis store spreads its tasks over, each with a hash tag of
	 * its own so that a Redis Cluster spreads them over its masters. 1 keeps every key
	 * under the key prefix.
	 */
	private int partitions = 1;

	public @Nullable String getUrl() {
		return this.url;
	}

	public void setUrl(@Nullable String url) {
		this.url = url;
	}

	public String getKeyPrefix() {
		return this.keyPrefix;
	}

	public void setKeyPrefix(String keyPrefix) {
		this.keyPrefix = keyPrefix;
	}

	public int getPartitions() {
		return this.partitions;
	}

	public void setPartitions(int partitions) {
		this.partitions = partitions;
	}

}
