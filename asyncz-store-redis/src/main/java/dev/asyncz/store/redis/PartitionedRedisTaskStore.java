package dev.asyncz.store.redis;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import dev.asyncz.AsynczException;
import dev.asyncz.store.DueTask;
import dev.asyncz.store.QuarantinedTask;
import dev.asyncz.store.StoreContext;
import dev.asyncz.store.StoreException;
import dev.asyncz.store.TaskQuery;
import dev.asyncz.store.TaskStore;
import dev.asyncz.store.redis.internal.PartitionLayout;
import dev.asyncz.store.redis.internal.RedisConnector;
import dev.asyncz.store.redis.internal.Scores;
import dev.asyncz.task.Task;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A persistent task store on Redis whose tasks are spread over several partitions, each a
 * {@link RedisTaskStore} over keys with a hash tag of its own ({@code {asyncz:0}:tasks},
 * {@code {asyncz:1}:tasks}, …), so that a Redis Cluster spreads them over its masters
 * instead of keeping every task in one slot on one master.
 *
 * <p>
 * <b>Partitions.</b> A task lives in the partition its id names (a fixed hash of the id),
 * so adding, reading, updating, removing and ending the claim of a task each go to one
 * partition, and a taken id is found there. Each partition keeps its own claims, leases
 * and wake-up channel exactly as a {@link RedisTaskStore} does, so several instances
 * sharing the store still run each fire time once.
 *
 * <p>
 * <b>Across partitions.</b> An acquire first reads, claiming nothing, what each partition
 * would hand out, then claims from each partition its share of the earliest due tasks
 * over all of them (claims whose lease expired first); ties go to the partitions in an
 * order that rotates with every acquire, so no partition is served last every time. The
 * next run time is the earliest over the partitions. Listing, counting and the quarantine
 * merge the partitions, in the order of a {@link RedisTaskStore}; a page at offset
 * {@code o} of size {@code n} reads up to {@code o + n} tasks from every partition.
 *
 * <p>
 * <b>The partition count.</b> Tasks are looked for in the partition of today's count, so
 * the count the data was written with is recorded in Redis under
 * {@code <prefix>partitions} (a {@link RedisTaskStore}, which is one partition, records
 * 1). A store started with another count refuses to start, naming both counts, unless the
 * data under the recorded count holds no task and no quarantined data; then the new count
 * is recorded. A changed count never hides a task.
 *
 * <p>
 * <b>Cost.</b> Every instance opens two connections and runs a lease renewal thread per
 * partition; on a single server or a sentinel set partitions only add that cost.
 */
public final class PartitionedRedisTaskStore implements TaskStore {

	/**
	 * The most partitions: each costs every instance two connections and a lease renewal
	 * thread.
	 */
	public static final int MAX_PARTITIONS = PartitionLayout.MAX_PARTITIONS;

	/**
	 * The order a {@link RedisTaskStore} lists in: by next run time to the microsecond of
	 * its score, then tasks without one; ties by id, as Redis orders equal scores.
	 */
	private static final Comparator<Task> LISTING_ORDER = Comparator
		.comparing((Task task) -> (task.nextRunTime() != null) ? score(task.nextRunTime()) : null,
				Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(Task::id, PartitionedRedisTaskStore::compareBytes);

	private static final Logger logger = LoggerFactory.getLogger(PartitionedRedisTaskStore.class);

	private final RedisConnector connector;

	private final RedisTaskStoreSettings settings;

	private final PartitionLayout layout;

	private final List<RedisTaskStore> partitions;

	/** Which partition comes first in the next acquire. */
	private final AtomicInteger rotation = new AtomicInteger();

	private PartitionedRedisTaskStore(RedisConnector connector, RedisTaskStoreSettings settings,
			PartitionLayout layout) {
		this.connector = connector;
		this.settings = settings;
		this.layout = layout;
		List<RedisTaskStore> stores = new ArrayList<>(layout.partitions());
		for (int index = 0; index < layout.partitions(); index++) {
			stores.add(RedisTaskStore.partition(connector, settings, layout.prefix(index)));
		}
		this.partitions = List.copyOf(stores);
	}

	/**
	 * A store using connections of a client the caller owns (and shuts down): a
	 * {@link io.lettuce.core.RedisClient} for a single server or a sentinel set, or a
	 * {@link RedisClusterClient} for a Redis Cluster, whose masters the partitions are
	 * spread over by their hash tags.
	 * @param client the client
	 * @param address where the client connects, without secrets, to name in messages
	 * @param settings the store settings; with several partitions, the braces of a hash
	 * tag in the key prefix are dropped, as each partition has a hash tag of its own
	 * @param partitions how many partitions, from 1 to {@value #MAX_PARTITIONS}
	 * @return the store
	 * @throws AsynczException if the client is of another kind or the count is out of
	 * range, or, for a single partition on a cluster, the key prefix has no hash tag
	 */
	public static PartitionedRedisTaskStore create(AbstractRedisClient client, String address,
			RedisTaskStoreSettings settings, int partitions) {
		PartitionLayout layout = new PartitionLayout(settings.keyPrefix(), partitions);
		return new PartitionedRedisTaskStore(RedisConnector.shared(Objects.requireNonNull(client, "client"),
				Objects.requireNonNull(address, "address")), settings, layout);
	}

	/**
	 * A store with a client of its own, which rejects commands at once while
	 * reconnecting.
	 * @param uri where Redis is
	 * @param settings the store settings
	 * @param partitions how many partitions, from 1 to {@value #MAX_PARTITIONS}
	 * @return the store
	 */
	public static PartitionedRedisTaskStore create(RedisURI uri, RedisTaskStoreSettings settings, int partitions) {
		PartitionLayout layout = new PartitionLayout(settings.keyPrefix(), partitions);
		return new PartitionedRedisTaskStore(RedisTaskStore.ownedConnector(uri), settings, layout);
	}

	/**
	 * A store with a client of its own.
	 * @param url where Redis is, such as {@code redis://127.0.0.1:6379/0}
	 * @param settings the store settings
	 * @param partitions how many partitions, from 1 to {@value #MAX_PARTITIONS}
	 * @return the store
	 */
	public static PartitionedRedisTaskStore create(String url, RedisTaskStoreSettings settings, int partitions) {
		return create(RedisURI.create(url), settings, partitions);
	}

	/**
	 * The store's settings.
	 * @return the settings
	 */
	public RedisTaskStoreSettings settings() {
		return this.settings;
	}

	/**
	 * How many partitions the store spreads its tasks over.
	 * @return the count
	 */
	public int partitions() {
		return this.partitions.size();
	}

	/**
	 * The key prefix of one partition, such as {@code {asyncz:0}:}.
	 * @param index the partition, from 0
	 * @return the prefix
	 */
	public String partitionPrefix(int index) {
		Objects.checkIndex(index, this.partitions.size());
		return this.layout.prefix(index);
	}

	/**
	 * The partition a task id lives in.
	 * @param id the task id
	 * @return the partition, from 0
	 */
	public int partitionOf(String id) {
		return this.layout.partitionOf(id);
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Checks, and records, the partition count before any partition starts.
	 * @throws AsynczException naming both counts if the stored data was written with
	 * another partition count
	 */
	@Override
	public void start(StoreContext context) {
		settleLayout(context);
		List<RedisTaskStore> started = new ArrayList<>();
		try {
			for (RedisTaskStore partition : this.partitions) {
				partition.start(context);
				started.add(partition);
			}
		}
		catch (RuntimeException ex) {
			started.forEach(RedisTaskStore::shutdown);
			throw ex;
		}
	}

	private void settleLayout(StoreContext context) {
		RedisConnector.Connection opened;
		try {
			opened = this.connector.connect("asyncz:" + context.storeName() + ":layout");
		}
		catch (RedisException ex) {
			throw new StoreException("Redis store '" + context.storeName() + "' cannot connect to "
					+ this.connector.address() + ": " + ex.getMessage(), ex);
		}
		try {
			opened.connection().setTimeout(this.settings.commandTimeout());
			this.layout.settle(opened.commands(), context.storeName());
		}
		finally {
			opened.connection().close();
		}
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Shuts every partition down (each tries once more to write its failed releases),
	 * then the client if the store owns it.
	 */
	@Override
	public void shutdown() {
		try {
			for (RedisTaskStore partition : this.partitions) {
				try {
					partition.shutdown();
				}
				catch (RuntimeException ex) {
					logger.warn("Shutting down a partition of a Redis store failed: {}", ex.getMessage());
				}
			}
		}
		finally {
			this.connector.shutdown();
		}
	}

	@Override
	public String type() {
		return "redis";
	}

	@Override
	public String location() {
		return "key prefix " + this.settings.keyPrefix() + " in " + this.partitions.size() + " partitions";
	}

	@Override
	public boolean persistent() {
		return true;
	}

	@Override
	public int maxIdLength() {
		return this.partitions.get(0).maxIdLength();
	}

	@Override
	public void add(Task task) {
		partition(task.id()).add(task);
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Checks every id in every partition before writing any task, as a
	 * {@link RedisTaskStore} does.
	 */
	@Override
	public void addAll(List<Task> tasks) {
		Map<Integer, List<Task>> byPartition = new LinkedHashMap<>();
		for (Task task : tasks) {
			byPartition.computeIfAbsent(partitionOf(task.id()), (index) -> new ArrayList<>()).add(task);
		}
		List<RedisTaskStore.AddAll> adding = new ArrayList<>(byPartition.size());
		byPartition.forEach((index, some) -> adding.add(this.partitions.get(index).new AddAll(some)));
		adding.forEach(RedisTaskStore.AddAll::check);
		adding.forEach(RedisTaskStore.AddAll::write);
	}

	@Override
	public void update(Task task) {
		partition(task.id()).update(task);
	}

	@Override
	public boolean remove(String id) {
		return partition(id).remove(id);
	}

	@Override
	public void removeAll() {
		this.partitions.forEach(RedisTaskStore::removeAll);
	}

	@Override
	public Optional<Task> get(String id) {
		return partition(id).get(id);
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Reads what each partition would hand out, takes the earliest {@code limit} over all
	 * of them (ties to the partitions in rotating order), and claims from each partition
	 * its share. Another instance may claim some of them in between; the partition then
	 * hands out its next due tasks instead, or fewer.
	 */
	@Override
	public List<DueTask> acquireDueTasks(Instant now, int limit) {
		if (limit < 1) {
			return List.of();
		}
		int count = this.partitions.size();
		if (count == 1) {
			return this.partitions.get(0).acquireDueTasks(now, limit);
		}
		int first = Math.floorMod(this.rotation.getAndIncrement(), count);
		List<Candidate> candidates = new ArrayList<>();
		for (int step = 0; step < count; step++) {
			int index = (first + step) % count;
			for (double score : this.partitions.get(index).peekDue(now, limit)) {
				candidates.add(new Candidate(score, index));
			}
		}
		// A stable sort: equal scores stay in the rotated order of their partitions.
		candidates.sort(Comparator.comparingDouble(Candidate::score));
		int[] shares = new int[count];
		candidates.subList(0, Math.min(limit, candidates.size())).forEach((candidate) -> shares[candidate.partition]++);
		List<DueTask> due = new ArrayList<>();
		for (int step = 0; step < count; step++) {
			int index = (first + step) % count;
			if (shares[index] > 0) {
				due.addAll(this.partitions.get(index).acquireDueTasks(now, shares[index]));
			}
		}
		due.sort(Comparator.comparingDouble(PartitionedRedisTaskStore::handOutOrder));
		return due;
	}

	@Override
	public boolean release(Task claimed, Task next) {
		return partition(claimed.id()).release(claimed, next);
	}

	@Override
	public boolean handOver(Task claimed, Task next) {
		return partition(claimed.id()).handOver(claimed, next);
	}

	@Override
	public void complete(Task task) {
		partition(task.id()).complete(task);
	}

	@Override
	public Optional<Instant> nextRunTime() {
		Optional<Instant> earliest = Optional.empty();
		for (RedisTaskStore partition : this.partitions) {
			Optional<Instant> next = partition.nextRunTime();
			if (next.isPresent() && (earliest.isEmpty() || next.get().isBefore(earliest.get()))) {
				earliest = next;
			}
		}
		return earliest;
	}

	@Override
	public List<Task> list(TaskQuery query) {
		int window = (int) Math.min(Integer.MAX_VALUE, query.offset() + query.limit());
		return page((partition) -> partition.list(new TaskQuery(query.function(), query.state(), 0, window)),
				LISTING_ORDER, query.offset(), query.limit());
	}

	@Override
	public long count() {
		return this.partitions.stream().mapToLong(RedisTaskStore::count).sum();
	}

	@Override
	public List<QuarantinedTask> listQuarantined(long offset, int limit) {
		int window = (int) Math.min(Integer.MAX_VALUE, offset + limit);
		return page((partition) -> partition.listQuarantined(0, window), Comparator.comparing(QuarantinedTask::taskId),
				offset, limit);
	}

	@Override
	public long quarantinedCount() {
		return this.partitions.stream().mapToLong(RedisTaskStore::quarantinedCount).sum();
	}

	@Override
	public Task retryQuarantined(String id) {
		return partition(id).retryQuarantined(id);
	}

	@Override
	public boolean deleteQuarantined(String id) {
		return partition(id).deleteQuarantined(id);
	}

	@Override
	public void ping() {
		this.partitions.forEach(RedisTaskStore::ping);
	}

	private RedisTaskStore partition(String id) {
		return this.partitions.get(partitionOf(id));
	}

	/**
	 * One page of what every partition holds: each gives its first {@code offset + limit}
	 * in {@code order}, so the merged page is exact.
	 */
	private <T> List<T> page(Function<RedisTaskStore, List<T>> firstOfPartition, Comparator<? super T> order,
			long offset, int limit) {
		List<T> all = new ArrayList<>();
		for (RedisTaskStore partition : this.partitions) {
			all.addAll(firstOfPartition.apply(partition));
		}
		all.sort(order);
		int from = (int) Math.min(offset, all.size());
		return List.copyOf(all.subList(from, Math.min(all.size(), from + limit)));
	}

	private static double handOutOrder(DueTask due) {
		Instant runTime = due.task().nextRunTime();
		return (due.recovered() || runTime == null) ? Double.NEGATIVE_INFINITY : score(runTime);
	}

	private static double score(Instant runTime) {
		return Double.parseDouble(Scores.score(runTime));
	}

	private static int compareBytes(String left, String right) {
		return Arrays.compareUnsigned(left.getBytes(StandardCharsets.UTF_8), right.getBytes(StandardCharsets.UTF_8));
	}

	/** A run score a partition would hand out. */
	private record Candidate(double score, int partition) {

	}

}
