package dev.asyncz.store.redis;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import dev.asyncz.AsynczException;
import dev.asyncz.event.TaskQuarantined;
import dev.asyncz.store.ClaimLedger;
import dev.asyncz.store.ClaimStorage;
import dev.asyncz.store.CorruptTaskException;
import dev.asyncz.store.DueTask;
import dev.asyncz.store.QuarantinedTask;
import dev.asyncz.store.StoreContext;
import dev.asyncz.store.StoreException;
import dev.asyncz.store.TaskQuery;
import dev.asyncz.store.TaskState;
import dev.asyncz.store.TaskStore;
import dev.asyncz.store.redis.internal.Listing;
import dev.asyncz.store.redis.internal.LuaScripts.Lua;
import dev.asyncz.store.redis.internal.LuaScripts;
import dev.asyncz.store.redis.internal.PartitionLayout;
import dev.asyncz.store.redis.internal.RedisConnector;
import dev.asyncz.store.redis.internal.RedisKeys;
import dev.asyncz.store.redis.internal.Scores;
import dev.asyncz.task.ConflictingIdException;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskNotFoundException;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A persistent task store on Redis, shared safely by several application instances.
 *
 * <p>
 * <b>Layout.</b> All keys start with the {@linkplain RedisTaskStoreSettings#keyPrefix()
 * key prefix} and their number does not grow with the tasks: a hash of task JSON (written
 * by {@link dev.asyncz.store.TaskCodec}, failure included) and one of write counters by
 * id; a sorted set of due task ids scored by next run time; a sorted set of the ids of
 * tasks without one (paused, or failed for good); a sorted set of claimed ids scored by
 * lease expiry, with a hash saying who claimed which run; hashes of quarantined ids with
 * the reason and the time each was set aside.
 *
 * <p>
 * <b>Time.</b> Scores are epoch microseconds, exact in a double until the year 2255: a
 * next run time is rounded up to the microsecond and the scheduler's "now" rounded down,
 * so a task is never handed out early, run times with whole microseconds compare exactly,
 * and {@link #nextRunTime()} reports the rounded-up time. Past 2255 scores lose a few
 * microseconds (still never early). The exact instant is kept in the task JSON. Due times
 * follow the scheduler's clock; lease expiry follows the Redis server's clock, so
 * instances with skewed clocks agree on when a claim expired.
 *
 * <p>
 * <b>Claims.</b> Every change is one Lua script, run by digest and sent again in full
 * when the server lost it. Claims follow {@link TaskStore}: a claim ends with
 * {@link #release}, {@link #update}, {@link #remove} or {@link #complete}; while it runs,
 * this store renews its own claims every third of the lease; a claim whose lease expired
 * is handed out again, first in the next batch, as {@linkplain DueTask#recovered()
 * recovered}. A release or completion that fails keeps its claim, renewed, and is retried
 * with the renewals, so a finished task runs again only if this instance dies first. The
 * claims are kept by a {@link ClaimLedger}; a claim is identified by the run score of the
 * task as handed out, and a renewal forgets the claims the server says ended elsewhere.
 *
 * <p>
 * <b>Wake-ups.</b> When a write makes a task the earliest due one, the script publishes
 * on the store's channel; the other instances' stores wake their schedulers. As messages
 * can be missed while a connection is down, the scheduler is also woken every
 * {@linkplain RedisTaskStoreSettings#pollInterval() poll interval}.
 *
 * <p>
 * <b>Faults.</b> Any Redis failure surfaces as a {@link StoreException}; the connection
 * reconnects on its own. Data that cannot be read is set aside in the quarantine hash
 * (kept, never deleted, also by {@link #removeAll()}) with the reason and the time, one
 * {@link TaskQuarantined} event names it, and the other tasks go on. It is listed by
 * {@link #listQuarantined}, brought back by {@link #retryQuarantined} once it reads, and
 * deleted by {@link #deleteQuarantined}; {@link #update} or {@link #remove} of that id
 * lifts the quarantine too.
 *
 * <p>
 * <b>Cost.</b> Listing with a function filter reads tasks page by page until the page is
 * full, so it grows with the offset and with how rare matching tasks are; so does listing
 * paused or failed tasks, which share one set and are told apart by reading them.
 * Unfiltered listing, and listing scheduled tasks, reads only the page.
 *
 * <p>
 * The store's connections are named {@code asyncz:<store>:<instance id>}
 * ({@code CLIENT LIST}).
 *
 * <p>
 * <b>Servers.</b> A single server, a sentinel set (through a {@link RedisClient} whose
 * URI names the master), or a Redis Cluster (through a {@link RedisClusterClient}): there
 * the key prefix carries a hash tag, so all the store's keys are in one slot and every
 * script runs on the node owning it; the wake-up channel is an ordinary one, whose
 * messages reach every node. To spread the tasks over the cluster's masters, use a
 * {@link PartitionedRedisTaskStore}, made of several of these stores.
 *
 * <p>
 * <b>Partition count.</b> On start the store records under {@code <prefix>partitions}
 * (the prefix without braces) that its data has one partition, and refuses to start where
 * a {@link PartitionedRedisTaskStore} recorded another count and stored tasks under it,
 * which this store would not see.
 */
public final class RedisTaskStore implements TaskStore {

	/** The most tasks one script of {@link #addAll} writes. */
	private static final int ADD_CHUNK = 1000;

	private static final Logger logger = LoggerFactory.getLogger(RedisTaskStore.class);

	private final RedisConnector connector;

	private final RedisTaskStoreSettings settings;

	private final RedisKeys keys;

	/**
	 * The layout whose partition count this store checks and records when it starts;
	 * {@code null} for a partition of a {@link PartitionedRedisTaskStore}, which checks
	 * it once for all of them.
	 */
	private final @Nullable PartitionLayout layout;

	/** Whether shutting down ends the connector, which partitions share. */
	private final boolean closesConnector;

	/** The claims this instance holds, by the run score of the task as handed out. */
	private final ClaimLedger<String> ownClaims;

	private volatile @Nullable Running running;

	private RedisTaskStore(RedisConnector connector, RedisTaskStoreSettings settings) {
		this(connector, settings, RedisKeys.withPrefix(settings.keyPrefix()),
				new PartitionLayout(settings.keyPrefix(), 1), true);
	}

	private RedisTaskStore(RedisConnector connector, RedisTaskStoreSettings settings, RedisKeys keys,
			@Nullable PartitionLayout layout, boolean closesConnector) {
		this.connector = connector;
		this.settings = settings;
		this.keys = keys;
		this.layout = layout;
		this.closesConnector = closesConnector;
		connector.requireOneSlot(this.keys);
		this.ownClaims = new ClaimLedger<>("redis", settings.leaseDuration(), new ScriptClaims());
	}

	/**
	 * One partition of a {@link PartitionedRedisTaskStore}: a store over the keys of
	 * {@code prefix}, on a connector the partitioned store shuts down.
	 * @param connector the shared connector
	 * @param settings the store settings
	 * @param prefix the partition's key prefix
	 * @return the partition, not started
	 */
	static RedisTaskStore partition(RedisConnector connector, RedisTaskStoreSettings settings, String prefix) {
		return new RedisTaskStore(connector, settings, RedisKeys.withPrefix(prefix), null, false);
	}

	/**
	 * A store using connections of a client the caller owns (and shuts down). The
	 * connections are named, but lose the name when they reconnect: Lettuce keeps a name
	 * across reconnects only when it comes from a {@link RedisURI}, which a client does
	 * not reveal.
	 * @param client the client
	 * @param settings the store settings
	 * @return the store
	 */
	public static RedisTaskStore create(RedisClient client, RedisTaskStoreSettings settings) {
		return create(client, "the given Redis client", settings);
	}

	/**
	 * A store using connections of a client the caller owns (and shuts down): a
	 * {@link RedisClient} for a single server or a sentinel set, as configured in the
	 * client, or a {@link RedisClusterClient} for a Redis Cluster. On a cluster, every
	 * key of the store must hash to one slot, so the key prefix needs a hash tag such as
	 * {@code {asyncz}:}; each script then runs on the node that owns that slot. The
	 * connections are named, but lose the name when they reconnect.
	 * @param client the client, such as the native client of the application's connection
	 * factory
	 * @param address where the client connects, without secrets, to name in messages
	 * @param settings the store settings
	 * @return the store
	 * @throws AsynczException if the client is of another kind, or is a cluster client
	 * and the key prefix has no hash tag
	 */
	public static RedisTaskStore create(AbstractRedisClient client, String address, RedisTaskStoreSettings settings) {
		return new RedisTaskStore(RedisConnector.shared(Objects.requireNonNull(client, "client"),
				Objects.requireNonNull(address, "address")), settings);
	}

	/**
	 * A store with a client of its own, which rejects commands at once while
	 * reconnecting.
	 * @param uri where Redis is
	 * @param settings the store settings
	 * @return the store
	 */
	public static RedisTaskStore create(RedisURI uri, RedisTaskStoreSettings settings) {
		return new RedisTaskStore(ownedConnector(uri), settings);
	}

	/**
	 * A connector with a client of its own, which rejects commands at once while
	 * reconnecting.
	 * @param uri where Redis is
	 * @return the connector
	 */
	static RedisConnector ownedConnector(RedisURI uri) {
		RedisClient client = RedisClient.create(uri);
		client.setOptions(ClientOptions.builder()
			.autoReconnect(true)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.build());
		return RedisConnector.owned(client, uri);
	}

	/**
	 * A store with a client of its own.
	 * @param url where Redis is, such as {@code redis://127.0.0.1:6379/0}
	 * @param settings the store settings
	 * @return the store
	 */
	public static RedisTaskStore create(String url, RedisTaskStoreSettings settings) {
		return create(RedisURI.create(url), settings);
	}

	/**
	 * The store's settings.
	 * @return the settings
	 */
	public RedisTaskStoreSettings settings() {
		return this.settings;
	}

	@Override
	public void start(StoreContext context) {
		if (this.running != null) {
			throw new AsynczException("Redis store '" + context.storeName() + "' is already started");
		}
		String clientName = clientName(context);
		StatefulConnection<String, String> connection = null;
		StatefulRedisPubSubConnection<String, String> pubSub = null;
		try {
			RedisConnector.Connection opened = this.connector.connect(clientName);
			connection = opened.connection();
			connection.setTimeout(this.settings.commandTimeout());
			RedisClusterCommands<String, String> commands = opened.commands();
			if (this.layout != null) {
				this.layout.settle(commands, context.storeName());
			}
			LuaScripts scripts = new LuaScripts(commands, this.keys);
			scripts.load();
			pubSub = this.connector.connectPubSub(clientName);
			pubSub.setTimeout(this.settings.commandTimeout());
			pubSub.addListener(new WakeUpListener(context));
			pubSub.sync().subscribe(this.keys.wakeUpChannel());
			this.running = new Running(context.withWriteFormat(this.settings.writeFormat()), connection, pubSub,
					commands, scripts, new Listing(commands, this.keys, this.settings.batchSize()));
			// Messages can be missed while a connection is down: the scheduler is also
			// woken at every poll interval.
			this.ownClaims.start(context, this.settings.pollInterval());
		}
		catch (RedisException ex) {
			closeQuietly(pubSub);
			closeQuietly(connection);
			throw new StoreException("Redis store '" + context.storeName() + "' cannot connect to "
					+ this.connector.address() + ": " + ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			closeQuietly(pubSub);
			closeQuietly(connection);
			throw ex;
		}
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Tries once more to write the releases and complete the finished tasks whose writes
	 * failed: their retries ride on the lease renewals, which end here, and a task left
	 * claimed would be run again by another instance once its lease ran out.
	 */
	@Override
	public void shutdown() {
		Running stopping = this.running;
		if (stopping != null) {
			this.ownClaims.shutdown();
		}
		this.running = null;
		if (stopping != null) {
			closeQuietly(stopping.pubSub());
			closeQuietly(stopping.connection());
		}
		if (this.closesConnector) {
			this.connector.shutdown();
		}
	}

	@Override
	public String type() {
		return "redis";
	}

	@Override
	public String location() {
		return "key prefix " + this.settings.keyPrefix();
	}

	@Override
	public boolean persistent() {
		return true;
	}

	@Override
	public void add(Task task) {
		if (!write(Lua.ADD, "add", task)) {
			throw new ConflictingIdException(task.id());
		}
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * One script per {@value #ADD_CHUNK} tasks, each atomic: every id is checked before
	 * the first chunk is written, so a taken id adds nothing — unless another caller adds
	 * one of the ids between the check and its chunk, when the chunks before it stay
	 * added.
	 */
	@Override
	public void addAll(List<Task> tasks) {
		AddAll adding = new AddAll(tasks);
		adding.check();
		adding.write();
	}

	/**
	 * Reads, claiming nothing, the run scores that {@link #acquireDueTasks} at
	 * {@code now} would take, in its order.
	 * @param now the scheduler's current time
	 * @param limit the most scores to read
	 * @return the scores, {@link Double#NEGATIVE_INFINITY} for each claim whose lease
	 * expired (handed out first)
	 */
	List<Double> peekDue(Instant now, int limit) {
		List<Object> reply = call("look at due tasks",
				(live) -> live.scripts().run(Lua.PEEK_DUE, Scores.dueUntil(now), Integer.toString(limit)));
		if (reply == null) {
			return List.of();
		}
		return reply.stream()
			.map((score) -> "-inf".equals(score) ? Double.NEGATIVE_INFINITY : Double.parseDouble((String) score))
			.toList();
	}

	@Override
	public void update(Task task) {
		this.ownClaims.remove(task.id());
		if (!write(Lua.UPDATE, "update", task)) {
			throw new TaskNotFoundException(task.id());
		}
	}

	@Override
	public boolean release(Task claimed, Task next) {
		return this.ownClaims.release(claimed, next);
	}

	@Override
	public boolean remove(String id) {
		this.ownClaims.remove(id);
		Long removed = call("remove task '" + id + "'", (live) -> live.scripts().run(Lua.REMOVE, id));
		return removed != null && removed == 1;
	}

	@Override
	public void removeAll() {
		call("remove all tasks", (live) -> live.scripts().run(Lua.REMOVE_ALL));
		this.ownClaims.removeAll();
	}

	@Override
	public Optional<Task> get(String id) {
		return call("get task '" + id + "'", (live) -> {
			String json = live.scripts().run(Lua.GET, id);
			return Optional.ofNullable((json != null) ? decode(live, id, json) : null);
		});
	}

	@Override
	public List<DueTask> acquireDueTasks(Instant now, int limit) {
		if (limit < 1) {
			return List.of();
		}
		return call("acquire due tasks", (live) -> {
			List<Object> reply = live.scripts()
				.run(Lua.ACQUIRE, Scores.dueUntil(now), Integer.toString(limit),
						Long.toString(this.settings.leaseDuration().toMillis()), live.context().instanceId());
			List<DueTask> due = new ArrayList<>();
			for (int i = 0; reply != null && i + 2 < reply.size(); i += 3) {
				String id = (String) reply.get(i);
				Task task = decode(live, id, (String) reply.get(i + 1));
				if (task != null) {
					boolean recovered = "1".equals(reply.get(i + 2));
					if (this.ownClaims.claimed(task, score(task), recovered)) {
						due.add(new DueTask(task, recovered));
					}
				}
			}
			return due;
		});
	}

	@Override
	public void complete(Task task) {
		this.ownClaims.complete(task);
	}

	@Override
	public Optional<Instant> nextRunTime() {
		return call("read the next run time", (live) -> {
			String score = live.scripts().run(Lua.NEXT_RUN_TIME);
			return Optional.ofNullable(score).map((value) -> Scores.instant(Double.parseDouble(value)));
		});
	}

	@Override
	public List<Task> list(TaskQuery query) {
		return call("list tasks", (live) -> {
			Selection selection = new Selection(live, query);
			TaskState state = query.state();
			boolean scheduled = state == null || state == TaskState.SCHEDULED;
			if (scheduled && !live.listing().scheduled(selection)) {
				return selection.tasks;
			}
			if (state != TaskState.SCHEDULED) {
				live.listing().paused(selection);
			}
			return selection.tasks;
		});
	}

	@Override
	public long count() {
		Long count = call("count tasks", (live) -> live.scripts().run(Lua.COUNT));
		return (count != null) ? count : 0;
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * The data size is the length of the task's JSON.
	 */
	@Override
	public List<QuarantinedTask> listQuarantined(long offset, int limit) {
		return call("list quarantined tasks", (live) -> {
			List<String> ids = new ArrayList<>(live.commands().hkeys(this.keys.quarantine()));
			ids.sort(Comparator.naturalOrder());
			List<String> page = ids.subList((int) Math.min(offset, ids.size()),
					(int) Math.min(offset + limit, ids.size()));
			if (page.isEmpty()) {
				return List.of();
			}
			String[] pageIds = page.toArray(String[]::new);
			List<KeyValue<String, String>> reasons = live.commands().hmget(this.keys.quarantine(), pageIds);
			List<KeyValue<String, String>> times = live.commands().hmget(this.keys.quarantineTimes(), pageIds);
			List<KeyValue<String, String>> data = live.commands().hmget(this.keys.tasks(), pageIds);
			String storeName = live.context().storeName();
			List<QuarantinedTask> quarantined = new ArrayList<>(page.size());
			for (int i = 0; i < pageIds.length; i++) {
				String reason = reasons.get(i).getValueOrElse(null);
				if (reason == null) {
					// Taken out of quarantine between the two reads.
					continue;
				}
				quarantined.add(new QuarantinedTask(pageIds[i], storeName, reason,
						data.get(i).hasValue() ? data.get(i).getValue().length() : 0,
						times.get(i).hasValue() ? quarantineTime(times.get(i).getValue()) : null));
			}
			return quarantined;
		});
	}

	private static @Nullable Instant quarantineTime(String value) {
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	@Override
	public long quarantinedCount() {
		Long count = call("count quarantined tasks", (live) -> live.commands().hlen(this.keys.quarantine()));
		return (count != null) ? count : 0;
	}

	@Override
	public Task retryQuarantined(String id) {
		return call("retry quarantined task '" + id + "'", (live) -> {
			String json = live.commands().hexists(this.keys.quarantine(), id)
					? live.commands().hget(this.keys.tasks(), id) : null;
			if (json == null) {
				throw TaskNotFoundException.notQuarantined(id);
			}
			Task task;
			try {
				task = read(live, id, json);
			}
			catch (CorruptTaskException ex) {
				live.scripts().run(Lua.REQUARANTINE, id, ex.getMessage());
				throw new CorruptTaskException("Task '" + id + "' in Redis store '" + live.context().storeName()
						+ "' still cannot be read and stays quarantined: " + ex.getMessage(), ex);
			}
			Long restored = live.scripts()
				.run(Lua.RESTORE, id, json, score(task), this.keys.wakeUpChannel(), live.context().instanceId());
			if (restored == null || restored != 1) {
				// Deleted, rewritten or retried by someone else since it was read.
				throw TaskNotFoundException.notQuarantined(id);
			}
			return task;
		});
	}

	@Override
	public boolean deleteQuarantined(String id) {
		Long removed = call("remove quarantined task '" + id + "'",
				(live) -> live.scripts().run(Lua.REMOVE_QUARANTINED, id));
		return removed != null && removed == 1;
	}

	@Override
	public void ping() {
		call("ping", (live) -> live.commands().ping());
	}

	private boolean write(Lua script, String operation, Task task, String... moreArgs) {
		String json = running().context().codec().writeTask(task);
		Long written = call(operation + " task '" + task.id() + "'", (live) -> {
			List<String> args = new ArrayList<>(
					List.of(task.id(), json, score(task), this.keys.wakeUpChannel(), live.context().instanceId()));
			args.addAll(List.of(moreArgs));
			return live.scripts().run(script, args.toArray(String[]::new));
		});
		return written != null && written == 1;
	}

	private @Nullable Task decode(Running running, String id, String json) {
		try {
			return read(running, id, json);
		}
		catch (CorruptTaskException ex) {
			quarantine(running, id, json, ex.getMessage());
			return null;
		}
	}

	private static Task read(Running running, String id, String json) {
		Task task = running.context().codec().readTask(json);
		if (!task.id().equals(id)) {
			throw new CorruptTaskException("stored under id '" + id + "' but names id '" + task.id() + "'");
		}
		return task;
	}

	private void quarantine(Running running, String id, String json, String reason) {
		this.ownClaims.remove(id);
		Long moved = running.scripts()
			.run(Lua.QUARANTINE, id, json, reason, running.context().clock().instant().toString());
		if (moved != null && moved == 1) {
			String storeName = running.context().storeName();
			logger.warn("Redis store '{}' set task '{}' aside, its data kept under {}: {}", storeName, id,
					this.keys.tasks(), reason);
			running.context().events().publish(new TaskQuarantined(id, storeName, reason));
		}
	}

	private <T> T call(String operation, Function<Running, T> action) {
		Running current = running();
		try {
			return action.apply(current);
		}
		catch (RedisException ex) {
			throw new StoreException("Redis store '" + current.context().storeName() + "' could not " + operation + ": "
					+ ex.getMessage(), ex);
		}
	}

	private Running running() {
		Running current = this.running;
		if (current == null) {
			throw new StoreException("Redis store with key prefix '" + this.settings.keyPrefix() + "' is not started");
		}
		return current;
	}

	private static String score(Task task) {
		return (task.nextRunTime() != null) ? Scores.score(task.nextRunTime()) : "";
	}

	private static String clientName(StoreContext context) {
		return ("asyncz:" + context.storeName() + ":" + context.instanceId()).replaceAll("[^A-Za-z0-9._:-]", "_");
	}

	private static void wakeUp(StoreContext context) {
		try {
			context.wakeUp().run();
		}
		catch (RuntimeException ex) {
			logger.warn("Waking the scheduler of Redis store '{}' failed: {}", context.storeName(), ex.getMessage());
		}
	}

	private static void closeQuietly(@Nullable AutoCloseable closeable) {
		if (closeable == null) {
			return;
		}
		try {
			closeable.close();
		}
		catch (Exception ex) {
			logger.debug("Closing a Redis connection failed", ex);
		}
	}

	private record Running(StoreContext context, StatefulConnection<String, String> connection,
			StatefulRedisPubSubConnection<String, String> pubSub, RedisClusterCommands<String, String> commands,
			LuaScripts scripts, Listing listing) {

	}

	/**
	 * The scripts of one {@link #addAll}: every id is checked first, then the tasks are
	 * written, so that a partitioned store can check all its partitions before writing
	 * any.
	 */
	final class AddAll {

		private final List<Task> tasks;

		private final List<List<String>> chunks = new ArrayList<>();

		AddAll(List<Task> tasks) {
			this.tasks = tasks;
			Running running = running();
			String instance = running.context().instanceId();
			for (int from = 0; from < tasks.size(); from += ADD_CHUNK) {
				List<String> args = new ArrayList<>(List.of(RedisTaskStore.this.keys.wakeUpChannel(), instance, "1"));
				for (Task task : tasks.subList(from, Math.min(tasks.size(), from + ADD_CHUNK))) {
					args.addAll(List.of(task.id(), running.context().codec().writeTask(task), score(task)));
				}
				this.chunks.add(args);
			}
		}

		/**
		 * Checks that no id is taken.
		 * @throws ConflictingIdException naming a taken id
		 */
		void check() {
			run(true);
		}

		/**
		 * Writes the tasks.
		 * @throws ConflictingIdException naming an id taken since the check
		 */
		void write() {
			run(false);
		}

		private void run(boolean checking) {
			for (int chunk = 0; chunk < this.chunks.size(); chunk++) {
				List<String> args = this.chunks.get(chunk);
				args.set(2, checking ? "1" : "0");
				Long taken = call((checking ? "check " : "add ") + this.tasks.size() + " tasks",
						(live) -> live.scripts().run(Lua.ADD_ALL, args.toArray(String[]::new)));
				if (taken != null && taken > 0) {
					throw new ConflictingIdException(this.tasks.get(chunk * ADD_CHUNK + taken.intValue() - 1).id());
				}
			}
		}

	}

	/**
	 * The claim commands as scripts: each acts only while this instance holds the claim
	 * made for the run that {@code runScore} names and nothing wrote the task since.
	 */
	private final class ScriptClaims implements ClaimStorage<String> {

		@Override
		public Collection<String> renew(Map<String, String> claims) {
			List<Object> lost = call("renew the leases of its running tasks", (live) -> {
				List<String> args = new ArrayList<>();
				args.add(live.context().instanceId());
				args.add(Long.toString(RedisTaskStore.this.settings.leaseDuration().toMillis()));
				args.addAll(claims.keySet());
				return live.scripts().run(Lua.RENEW, args.toArray(String[]::new));
			});
			return (lost != null) ? lost.stream().map(String.class::cast).toList() : List.of();
		}

		@Override
		public boolean release(String id, String runScore, Task next) {
			return write(Lua.RELEASE, "release", next, runScore);
		}

		@Override
		public void complete(String id, String runScore) {
			call("complete task '" + id + "'",
					(live) -> live.scripts().run(Lua.COMPLETE, id, live.context().instanceId(), runScore));
		}

	}

	/**
	 * Wakes this instance's scheduler when another instance made a task the earliest due
	 * one.
	 */
	private static final class WakeUpListener extends RedisPubSubAdapter<String, String> {

		private final StoreContext context;

		WakeUpListener(StoreContext context) {
			this.context = context;
		}

		@Override
		public void message(String channel, String publisher) {
			if (!publisher.equals(this.context.instanceId())) {
				wakeUp(this.context);
			}
		}

	}

	/**
	 * Collects one page of a listing: skips the offset, applies the function and state
	 * filters, reads tasks. Paused and failed tasks share a set, so a listing of either
	 * reads each task to tell which it is.
	 */
	private final class Selection implements Listing.Selection {

		private final Running running;

		private final TaskQuery query;

		private final List<Task> tasks = new ArrayList<>();

		private long toSkip;

		Selection(Running running, TaskQuery query) {
			this.running = running;
			this.query = query;
			this.toSkip = query.offset();
		}

		@Override
		public long skippable() {
			boolean everyIdMatches = this.query.function() == null && this.query.state() != TaskState.PAUSED
					&& this.query.state() != TaskState.FAILED;
			return everyIdMatches ? this.toSkip : 0;
		}

		@Override
		public void skipped(long count) {
			this.toSkip -= count;
		}

		@Override
		public boolean accept(List<String> ids) {
			int from = (int) Math.min(skippable(), ids.size());
			skipped(from);
			List<String> wanted = ids.subList(from, ids.size());
			if (wanted.isEmpty()) {
				return true;
			}
			List<KeyValue<String, String>> values = this.running.commands()
				.hmget(RedisTaskStore.this.keys.tasks(), wanted.toArray(String[]::new));
			for (var value : values) {
				Task task = value.hasValue() ? decode(this.running, value.getKey(), value.getValue()) : null;
				if (task == null || !matches(task)) {
					continue;
				}
				if (this.toSkip > 0) {
					this.toSkip--;
				}
				else {
					this.tasks.add(task);
					if (this.tasks.size() == this.query.limit()) {
						return false;
					}
				}
			}
			return true;
		}

		private boolean matches(Task task) {
			if (this.query.function() != null && !this.query.function().equals(task.function())) {
				return false;
			}
			if (this.query.state() == null) {
				return true;
			}
			return switch (this.query.state()) {
				case SCHEDULED -> task.nextRunTime() != null;
				case PAUSED -> task.paused();
				case FAILED -> task.failed();
			};
		}

	}

}
