package dev.asyncz.store.redis;

import java.time.Duration;
import java.util.Objects;

import dev.asyncz.AsynczException;
import dev.asyncz.store.WriteFormat;

/**
 * How a {@link RedisTaskStore} keeps its tasks.
 *
 * @param keyPrefix starts every key of the store; stores sharing a Redis database need
 * different prefixes, and with Redis Cluster the prefix must carry a hash tag (such as
 * {@code {asyncz}:}) so all keys of the store live in one slot
 * @param leaseDuration how long a claim on a running task lasts without being renewed; a
 * live instance renews its claims every third of it, so it bounds how long a crashed
 * instance's runs wait before another instance runs them again
 * @param batchSize how many ids one round trip reads when listing
 * @param pollInterval how often the scheduler is woken to look again even without a
 * message from another instance (messages are lost while a connection is down, and
 * expired claims send none)
 * @param commandTimeout how long one Redis command may take before it fails
 * @param writeFormat how tasks are written: {@link WriteFormat#COMPACT compact}, or
 * {@link WriteFormat#FULL full} while instances of a version before the compact form
 * share the store; tasks in either form are read
 */
public record RedisTaskStoreSettings(String keyPrefix, Duration leaseDuration, int batchSize, Duration pollInterval,
		Duration commandTimeout, WriteFormat writeFormat) {

	/** The default key prefix. */
	public static final String DEFAULT_KEY_PREFIX = "asyncz:";

	public RedisTaskStoreSettings {
		Objects.requireNonNull(keyPrefix, "keyPrefix");
		if (keyPrefix.isEmpty()) {
			throw new AsynczException("keyPrefix must not be empty: the store's keys would collide with others");
		}
		requirePositive("leaseDuration", leaseDuration);
		requirePositive("pollInterval", pollInterval);
		requirePositive("commandTimeout", commandTimeout);
		if (leaseDuration.toMillis() < 3) {
			throw new AsynczException("leaseDuration must be at least 3ms, was " + leaseDuration);
		}
		if (batchSize < 1) {
			throw new AsynczException("batchSize must be at least 1, was " + batchSize);
		}
		Objects.requireNonNull(writeFormat, "writeFormat");
	}

	/**
	 * The defaults: prefix {@code asyncz:}, 30s leases, batches of 100, a poll every 10s,
	 * 10s command timeout, compact tasks.
	 * @return the default settings
	 */
	public static RedisTaskStoreSettings defaults() {
		return new RedisTaskStoreSettings(DEFAULT_KEY_PREFIX, Duration.ofSeconds(30), 100, Duration.ofSeconds(10),
				Duration.ofSeconds(10), WriteFormat.COMPACT);
	}

	/**
	 * A copy with another key prefix.
	 * @param keyPrefix the prefix
	 * @return the copy
	 */
	public RedisTaskStoreSettings withKeyPrefix(String keyPrefix) {
		return new RedisTaskStoreSettings(keyPrefix, this.leaseDuration, this.batchSize, this.pollInterval,
				this.commandTimeout, this.writeFormat);
	}

	/**
	 * A copy with another lease duration.
	 * @param leaseDuration the lease duration
	 * @return the copy
	 */
	public RedisTaskStoreSettings withLeaseDuration(Duration leaseDuration) {
		return new RedisTaskStoreSettings(this.keyPrefix, leaseDuration, this.batchSize, this.pollInterval,
				this.commandTimeout, this.writeFormat);
	}

	/**
	 * A copy with another batch size.
	 * @param batchSize the batch size
	 * @return the copy
	 */
	public RedisTaskStoreSettings withBatchSize(int batchSize) {
		return new RedisTaskStoreSettings(this.keyPrefix, this.leaseDuration, batchSize, this.pollInterval,
				this.commandTimeout, this.writeFormat);
	}

	/**
	 * A copy with another poll interval.
	 * @param pollInterval the poll interval
	 * @return the copy
	 */
	public RedisTaskStoreSettings withPollInterval(Duration pollInterval) {
		return new RedisTaskStoreSettings(this.keyPrefix, this.leaseDuration, this.batchSize, pollInterval,
				this.commandTimeout, this.writeFormat);
	}

	/**
	 * A copy with another command timeout.
	 * @param commandTimeout the command timeout
	 * @return the copy
	 */
	public RedisTaskStoreSettings withCommandTimeout(Duration commandTimeout) {
		return new RedisTaskStoreSettings(this.keyPrefix, this.leaseDuration, this.batchSize, this.pollInterval,
				commandTimeout, this.writeFormat);
	}

	/**
	 * A copy that writes tasks in another form.
	 * @param writeFormat {@link WriteFormat#FULL} while instances of a version before the
	 * compact form share the store, else {@link WriteFormat#COMPACT}
	 * @return the copy
	 */
	public RedisTaskStoreSettings withWriteFormat(WriteFormat writeFormat) {
		return new RedisTaskStoreSettings(this.keyPrefix, this.leaseDuration, this.batchSize, this.pollInterval,
				this.commandTimeout, writeFormat);
	}

	private static void requirePositive(String name, Duration value) {
		Objects.requireNonNull(value, name);
		if (value.isNegative() || value.isZero()) {
			throw new AsynczException(name + " must be positive, was " + value);
		}
	}

}
