package dev.asyncz.store.mongodb;

import java.time.Duration;
import java.util.Objects;

import dev.asyncz.AsynczException;
import dev.asyncz.store.WriteFormat;

/**
 * How a {@link MongoTaskStore} keeps its tasks.
 *
 * @param collection the collection holding the tasks, one document each; stores sharing a
 * database need different collections
 * @param leaseDuration how long a claim on a running task lasts without being renewed; a
 * live instance renews its claims every third of it, so it bounds how long a crashed
 * instance's runs wait before another instance runs them again
 * @param pollInterval how often the scheduler is woken to look for tasks other instances
 * added or released
 * @param claimBatchSize the most tasks one claim round trip takes
 * @param changeStreams whether to watch the collection for other instances' changes
 * @param writeFormat how task options are written: {@link WriteFormat#COMPACT compact},
 * or {@link WriteFormat#FULL full} while instances of a version before the compact form
 * share the collection; documents in either form are read
 */
public record MongoTaskStoreSettings(String collection, Duration leaseDuration, Duration pollInterval,
		int claimBatchSize, ChangeStreams changeStreams, WriteFormat writeFormat) {

	/** The default collection name. */
	public static final String DEFAULT_COLLECTION = "asyncz_tasks";

	public MongoTaskStoreSettings {
		Objects.requireNonNull(collection, "collection");
		if (collection.isBlank() || collection.contains("$") || collection.startsWith("system.")) {
			throw new AsynczException("collection must be a MongoDB collection name (not empty, no '$', not"
					+ " starting with 'system.'), was '" + collection + "'");
		}
		requirePositive("leaseDuration", leaseDuration);
		requirePositive("pollInterval", pollInterval);
		if (leaseDuration.toMillis() < 3) {
			throw new AsynczException("leaseDuration must be at least 3ms, was " + leaseDuration);
		}
		if (claimBatchSize < 1) {
			throw new AsynczException("claimBatchSize must be at least 1, was " + claimBatchSize);
		}
		Objects.requireNonNull(changeStreams, "changeStreams");
		Objects.requireNonNull(writeFormat, "writeFormat");
	}

	/**
	 * The defaults: collection {@code asyncz_tasks}, 30s leases, a poll every 10s, claims
	 * in batches of 100, change streams where the server has them, compact documents.
	 * @return the default settings
	 */
	public static MongoTaskStoreSettings defaults() {
		return new MongoTaskStoreSettings(DEFAULT_COLLECTION, Duration.ofSeconds(30), Duration.ofSeconds(10), 100,
				ChangeStreams.AUTO, WriteFormat.COMPACT);
	}

	/**
	 * A copy with another collection.
	 * @param collection the collection name
	 * @return the copy
	 */
	public MongoTaskStoreSettings withCollection(String collection) {
		return new MongoTaskStoreSettings(collection, this.leaseDuration, this.pollInterval, this.claimBatchSize,
				this.changeStreams, this.writeFormat);
	}

	/**
	 * A copy with another lease duration.
	 * @param leaseDuration the lease duration
	 * @return the copy
	 */
	public MongoTaskStoreSettings withLeaseDuration(Duration leaseDuration) {
		return new MongoTaskStoreSettings(this.collection, leaseDuration, this.pollInterval, this.claimBatchSize,
				this.changeStreams, this.writeFormat);
	}

	/**
	 * A copy with another poll interval.
	 * @param pollInterval the poll interval
	 * @return the copy
	 */
	public MongoTaskStoreSettings withPollInterval(Duration pollInterval) {
		return new MongoTaskStoreSettings(this.collection, this.leaseDuration, pollInterval, this.claimBatchSize,
				this.changeStreams, this.writeFormat);
	}

	/**
	 * A copy with another claim batch size.
	 * @param claimBatchSize the batch size
	 * @return the copy
	 */
	public MongoTaskStoreSettings withClaimBatchSize(int claimBatchSize) {
		return new MongoTaskStoreSettings(this.collection, this.leaseDuration, this.pollInterval, claimBatchSize,
				this.changeStreams, this.writeFormat);
	}

	/**
	 * A copy that uses change streams or not.
	 * @param changeStreams whether to watch for changes
	 * @return the copy
	 */
	public MongoTaskStoreSettings withChangeStreams(ChangeStreams changeStreams) {
		return new MongoTaskStoreSettings(this.collection, this.leaseDuration, this.pollInterval, this.claimBatchSize,
				changeStreams, this.writeFormat);
	}

	/**
	 * A copy that writes task options in another form.
	 * @param writeFormat {@link WriteFormat#FULL} while instances of a version before the
	 * compact form share the collection, else {@link WriteFormat#COMPACT}
	 * @return the copy
	 */
	public MongoTaskStoreSettings withWriteFormat(WriteFormat writeFormat) {
		return new MongoTaskStoreSettings(this.collection, this.leaseDuration, this.pollInterval, this.claimBatchSize,
				this.changeStreams, writeFormat);
	}

	private static void requirePositive(String name, Duration value) {
		Objects.requireNonNull(value, name);
		if (value.isNegative() || value.isZero()) {
			throw new AsynczException(name + " must be positive, was " + value);
		}
	}

	/**
	 * Whether the store watches its collection with a change stream to wake the scheduler
	 * when another instance adds, releases or reschedules a task to run earlier. It polls
	 * every {@link #pollInterval()} either way.
	 */
	public enum ChangeStreams {

		/**
		 * Watch where the server has change streams (a replica set or a sharded cluster);
		 * on a standalone server, or while a stream cannot be opened, poll alone.
		 */
		AUTO,

		/** Never watch: poll alone. */
		OFF

	}

}
