package dev.asyncz.autoconfigure.redis;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The keys of a store of type {@code redis}, under {@code asyncz.stores.<name>}.
 */
public class RedisStoreProperties {

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
	 * How long a redis store's claim on a due task lasts before another instance may take
	 * the task over. Unset means the store's default.
	 */
	private @Nullable Duration leaseTime;

	/**
	 * How often a redis store looks for tasks added by other instances. Unset means the
	 * store's default.
	 */
	private @Nullable Duration pollInterval;

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

	public @Nullable Duration getLeaseTime() {
		return this.leaseTime;
	}

	public void setLeaseTime(@Nullable Duration leaseTime) {
		this.leaseTime = leaseTime;
	}

	public @Nullable Duration getPollInterval() {
		return this.pollInterval;
	}

	public void setPollInterval(@Nullable Duration pollInterval) {
		this.pollInterval = pollInterval;
	}

}
