package dev.asyncz.store.redis.internal;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.zip.CRC32;

import dev.asyncz.AsynczException;
import dev.asyncz.store.StoreException;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

/**
 * How a store's tasks are spread over partitions, and the record in Redis of how many
 * partitions the stored data was written with.
 *
 * <p>
 * One partition keeps today's layout: its keys start with the key prefix itself. With
 * more, partition {@code i} of prefix {@code asyncz:} has keys starting with
 * {@code {asyncz:i}:}, whose hash tag puts each partition in a slot of its own, so a
 * Redis Cluster spreads them over its masters. The braces of a hash tag in the prefix are
 * dropped there ({@code {asyncz}:} gives {@code {asyncz:0}:} too), so the prefix a
 * single-partition store needs on a cluster serves for several partitions as well. A task
 * lives in the partition its id's CRC-32 names, a function that must never change: every
 * lookup of an id goes there.
 *
 * <p>
 * A store started with another count than its data was written with would look for tasks
 * in the wrong keys, hiding them. So the count is recorded under
 * {@code <prefix>partitions} (the prefix without braces) and a store refuses to start
 * with another one, unless the data under the recorded count holds nothing (then the new
 * count is recorded).
 */
public final class PartitionLayout {

	/** The most partitions: each costs every instance two connections and a thread. */
	public static final int MAX_PARTITIONS = 64;

	/** Replaces the recorded count only if it is still the one read. */
	private static final String COMPARE_AND_SET = "if redis.call('GET', KEYS[1]) == ARGV[1] then "
			+ "redis.call('SET', KEYS[1], ARGV[2]) return 1 end return 0";

	private final String keyPrefix;

	private final int partitions;

	/** The key prefix without the braces of a hash tag. */
	private final String untagged;

	/**
	 * A layout.
	 * @param keyPrefix the store's key prefix
	 * @param partitions how many partitions
	 * @throws AsynczException if the count is out of range
	 */
	public PartitionLayout(String keyPrefix, int partitions) {
		this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
		if (partitions < 1 || partitions > MAX_PARTITIONS) {
			throw new AsynczException("partitions must be between 1 and " + MAX_PARTITIONS + ", was " + partitions);
		}
		this.partitions = partitions;
		this.untagged = keyPrefix.replace("{", "").replace("}", "");
	}

	/**
	 * How many partitions.
	 * @return the count
	 */
	public int partitions() {
		return this.partitions;
	}

	/**
	 * The key prefix of one partition.
	 * @param index the partition, from 0
	 * @return the key prefix itself for a single partition, else {@code {<prefix without
	 * braces><index>}:}
	 */
	public String prefix(int index) {
		return prefix(this.partitions, index);
	}

	/**
	 * The partition a task id lives in.
	 * @param id the task id
	 * @return the partition, from 0
	 */
	public int partitionOf(String id) {
		if (this.partitions == 1) {
			return 0;
		}
		CRC32 crc = new CRC32();
		crc.update(id.getBytes(StandardCharsets.UTF_8));
		return (int) (crc.getValue() % this.partitions);
	}

	/**
	 * The key recording how many partitions the store's data was written with.
	 * @return {@code <prefix without braces>partitions}
	 */
	public String recordKey() {
		return this.untagged + "partitions";
	}

	/**
	 * Makes sure the stored data was written with this layout's count, recording it when
	 * nothing was recorded yet, or when nothing is stored under the recorded count.
	 * @param commands a connection
	 * @param storeName the store's name, for messages
	 * @throws AsynczException naming both counts and the fix if the data was written with
	 * another count and is not empty
	 * @throws StoreException if Redis cannot be read
	 */
	public void settle(RedisClusterCommands<String, String> commands, String storeName) {
		String key = recordKey();
		String wanted = Integer.toString(this.partitions);
		try {
			// A few rounds: other instances starting at the same time may record first.
			for (int round = 0; round < 3; round++) {
				String recorded = commands.get(key);
				if (recorded == null) {
					// Data written before counts were recorded has one partition.
					if (this.partitions != 1 && !isEmpty(commands, 1)) {
						throw mismatch(storeName, 1);
					}
					if (Boolean.TRUE.equals(commands.setnx(key, wanted))) {
						return;
					}
					continue;
				}
				int count = parse(storeName, key, recorded);
				if (count == this.partitions) {
					return;
				}
				if (!isEmpty(commands, count)) {
					throw mismatch(storeName, count);
				}
				Long swapped = commands.eval(COMPARE_AND_SET, ScriptOutputType.INTEGER, new String[] { key }, recorded,
						wanted);
				if (swapped != null && swapped == 1) {
					return;
				}
			}
		}
		catch (RedisException ex) {
			throw new StoreException("Redis store '" + storeName + "' could not read its partition count from " + key
					+ ": " + ex.getMessage(), ex);
		}
		throw new StoreException("Redis store '" + storeName + "' could not record its partition count in " + key
				+ ": other instances kept changing it; start every instance with the same partitions");
	}

	private boolean isEmpty(RedisClusterCommands<String, String> commands, int count) {
		for (int index = 0; index < count; index++) {
			// Quarantined data stays in the tasks hash too, so it keeps the layout as
			// well.
			if (commands.hlen(RedisKeys.withPrefix(prefix(count, index)).tasks()) > 0) {
				return false;
			}
		}
		return true;
	}

	private AsynczException mismatch(String storeName, int recorded) {
		return new AsynczException("Redis store '" + storeName + "' holds tasks written with " + recorded
				+ partitionWord(recorded) + " under key prefix '" + this.keyPrefix + "' (recorded in " + recordKey()
				+ "), but is configured with " + this.partitions + partitionWord(this.partitions)
				+ ": it would not find them. Set partitions to " + recorded + " again; to change the count, "
				+ "stop every instance, delete all tasks and quarantined tasks of the store with " + recorded
				+ partitionWord(recorded) + ", then start with " + this.partitions + ", or use another key prefix.");
	}

	private static String partitionWord(int count) {
		return (count == 1) ? " partition" : " partitions";
	}

	private static int parse(String storeName, String key, String recorded) {
		try {
			int count = Integer.parseInt(recorded.trim());
			if (count >= 1 && count <= MAX_PARTITIONS) {
				return count;
			}
		}
		catch (NumberFormatException ex) {
			// Reported below with the value.
		}
		throw new AsynczException("Redis store '" + storeName + "' cannot read its partition count: " + key + " holds '"
				+ recorded + "', not a count from 1 to " + MAX_PARTITIONS + "; it was not written by asyncz");
	}

	private String prefix(int count, int index) {
		return (count == 1) ? this.keyPrefix : "{" + this.untagged + index + "}:";
	}

}
