package dev.asyncz.benchmarks.durable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.asyncz.core.Scheduler;
import dev.asyncz.store.redis.PartitionedRedisTaskStore;
import dev.asyncz.store.redis.RedisTaskStoreSettings;
import dev.asyncz.store.redis.internal.PartitionLayout;
import dev.asyncz.store.redis.internal.RedisKeys;
import dev.asyncz.store.redis.internal.Scores;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.IntegerOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;

/**
 * asyncz with its Redis store spread over a number of partitions of the Redis Cluster at
 * {@value #CLUSTER_URL}: one partition keeps every task in one slot, so on one master;
 * three or more let the cluster spread them over its masters (the key prefix is picked so
 * that they do). Each instance has a cluster client of its own. Seeded with
 * {@link PartitionedRedisTaskStore#add}, one script call per task, on
 * {@value Parallel#SEED_THREADS} threads. Cleaning up deletes only the keys of the
 * store's partitions.
 */
final class AsynczRedisClusterSubject implements Subject {

	/** The local Redis Cluster's first master; the client discovers the others. */
	static final String CLUSTER_URL = "redis://127.0.0.1:7001";

	private final DurableSettings settings;

	private final int partitions;

	private final RedisTaskStoreSettings storeSettings;

	private final PartitionLayout layout;

	private final RedisClusterClient client;

	private final StatefulRedisClusterConnection<String, String> connection;

	private final RedisAdvancedClusterCommands<String, String> redis;

	AsynczRedisClusterSubject(DurableSettings settings, int partitions) {
		this.settings = settings;
		this.partitions = partitions;
		this.client = RedisClusterClient.create(CLUSTER_URL);
		this.connection = this.client.connect();
		this.redis = this.connection.sync();
		this.storeSettings = RedisTaskStoreSettings.defaults()
			.withKeyPrefix(keyPrefix(settings.prefix() + "rc" + partitions))
			.withPollInterval(settings.pollInterval());
		this.layout = new PartitionLayout(this.storeSettings.keyPrefix(), partitions);
	}

	/**
	 * The first key prefix, from a fixed series, whose partitions fall on as many masters
	 * as they can, so that every JVM of a run picks the same one and the result does not
	 * depend on where a name happens to hash. It carries a hash tag, which one partition
	 * needs on a cluster and several drop for their own.
	 */
	private String keyPrefix(String base) {
		int masters = (int) this.client.getPartitions()
			.stream()
			.filter((node) -> node.is(RedisClusterNode.NodeFlag.UPSTREAM))
			.count();
		for (int attempt = 0;; attempt++) {
			String candidate = "{" + base + "-" + attempt + "}:";
			PartitionLayout candidateLayout = new PartitionLayout(candidate, this.partitions);
			Set<String> owners = new HashSet<>();
			for (int index = 0; index < this.partitions; index++) {
				int slot = SlotHash.getSlot(RedisKeys.withPrefix(candidateLayout.prefix(index)).tasks());
				owners.add(this.client.getPartitions().getPartitionBySlot(slot).getNodeId());
			}
			if (owners.size() == Math.min(this.partitions, masters)) {
				return candidate;
			}
		}
	}

	@Override
	public void createSchema() {
		// Redis needs no schema; the store's keys appear with the first task.
	}

	@Override
	public void clear() {
		// One key at a time: a cluster refuses one command over keys of several slots.
		ownKeys().forEach(this.redis::unlink);
	}

	@Override
	public void dropSchema() {
		clear();
	}

	@Override
	public void seed(String idPrefix, List<Instant> runTimes) {
		AsynczSchedulers.seed(store(), idPrefix, runTimes);
	}

	@Override
	public long pending(Instant horizon) {
		long pending = 0;
		for (int index = 0; index < this.partitions; index++) {
			RedisKeys keys = RedisKeys.withPrefix(this.layout.prefix(index));
			// Claimed tasks leave the due set until they are completed.
			pending += this.redis.zcount(keys.due(), "-inf", Scores.dueUntil(horizon))
					+ this.redis.zcard(keys.claims());
		}
		return pending;
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * The sum of {@code MEMORY USAGE … SAMPLES 0} over the keys of every partition.
	 */
	@Override
	public Footprint footprint() {
		long bytes = 0;
		long tasks = 0;
		for (String key : ownKeys()) {
			CommandArgs<String, String> args = new CommandArgs<>(StringCodec.UTF8).add("USAGE")
				.addKey(key)
				.add("SAMPLES")
				.add(0);
			Long usage = this.redis.dispatch(CommandType.MEMORY, new IntegerOutput<>(StringCodec.UTF8), args);
			bytes += (usage != null) ? usage : 0;
		}
		for (int index = 0; index < this.partitions; index++) {
			tasks += this.redis.hlen(RedisKeys.withPrefix(this.layout.prefix(index)).tasks());
		}
		return new Footprint(bytes, tasks);
	}

	@Override
	public Instance start(String instanceName, Recorder recorder, boolean clustered) {
		Scheduler scheduler = AsynczSchedulers.start(this.settings, store(), instanceName, recorder);
		return new AsynczSchedulers.Running(scheduler, () -> {
		});
	}

	@Override
	public void close() {
		this.connection.close();
		this.client.shutdown();
	}

	private PartitionedRedisTaskStore store() {
		return PartitionedRedisTaskStore.create(this.client, "Redis Cluster " + CLUSTER_URL, this.storeSettings,
				this.partitions);
	}

	private List<String> ownKeys() {
		List<String> keys = new ArrayList<>();
		for (int index = 0; index < this.partitions; index++) {
			for (String key : RedisKeys.withPrefix(this.layout.prefix(index)).scriptKeys()) {
				if (this.redis.exists(key) > 0) {
					keys.add(key);
				}
			}
		}
		if (this.redis.exists(this.layout.recordKey()) > 0) {
			keys.add(this.layout.recordKey());
		}
		return keys;
	}

}
