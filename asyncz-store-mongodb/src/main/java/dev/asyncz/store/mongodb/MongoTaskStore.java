package dev.asyncz.store.mongodb;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import com.mongodb.ConnectionString;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.result.UpdateResult;
import dev.asyncz.AsynczException;
import dev.asyncz.event.TaskQuarantined;
import dev.asyncz.store.ClaimLedger;
import dev.asyncz.store.ClaimStorage;
import dev.asyncz.store.CorruptTaskException;
import dev.asyncz.store.DueTask;
import dev.asyncz.store.QuarantinedTask;
import dev.asyncz.store.StoreContext;
import dev.asyncz.store.StoreException;
import dev.asyncz.store.TaskCodec;
import dev.asyncz.store.TaskQuery;
import dev.asyncz.store.TaskState;
import dev.asyncz.store.TaskStore;
import dev.asyncz.store.mongodb.internal.ChangeStreamWatcher;
import dev.asyncz.store.mongodb.internal.Micros;
import dev.asyncz.store.mongodb.internal.TaskDocuments;
import dev.asyncz.store.mongodb.internal.WakeUpGate;
import dev.asyncz.task.ConflictingIdException;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskFunctions;
import dev.asyncz.task.TaskNotFoundException;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static dev.asyncz.store.mongodb.internal.TaskDocuments.CLAIM;
import static dev.asyncz.store.mongodb.internal.TaskDocuments.FAILED;
import static dev.asyncz.store.mongodb.internal.TaskDocuments.FUNCTION;
import static dev.asyncz.store.mongodb.internal.TaskDocuments.ID;
import static dev.asyncz.store.mongodb.internal.TaskDocuments.LEASE_UNTIL;
import static dev.asyncz.store.mongodb.internal.TaskDocuments.LIVE_STATES;
import static dev.asyncz.store.mongodb.internal.TaskDocuments.NEXT;
import static dev.asyncz.store.mongodb.internal.TaskDocuments.OWNER;
import static dev.asyncz.store.mongodb.internal.TaskDocuments.PAUSED;
import static dev.asyncz.store.mongodb.internal.TaskDocuments.QUARANTINED;
import static dev.asyncz.store.mongodb.internal.TaskDocuments.QUARANTINED_AT;
import static dev.asyncz.store.mongodb.internal.TaskDocuments.REASON;
import static dev.asyncz.store.mongodb.internal.TaskDocuments.RECOVERED;
import static dev.asyncz.store.mongodb.internal.TaskDocuments.RUNNING;
import static dev.asyncz.store.mongodb.internal.TaskDocuments.SCHEDULED;
import static dev.asyncz.store.mongodb.internal.TaskDocuments.STATE;
import static dev.asyncz.store.mongodb.internal.TaskDocuments.VERSION;

/**
 * A durable task store in one MongoDB collection, which several scheduler instances may
 * share.
 *
 * <p>
 * <b>Documents.</b> A task is one document keyed by its id: its function by name, its
 * arguments, trigger, options and failure as the JSON texts {@link TaskCodec} writes
 * (never Java serialisation; reading never instantiates a class named by the data), its
 * next run time in epoch microseconds, a state, and a version raised by every write. The
 * store creates its indexes when it starts: one on state and next run time (what is due,
 * the next run time, listing) and one on state and lease expiry (expired claims).
 *
 * <p>
 * <b>Claims.</b> {@link #acquireDueTasks} finds the earliest due documents, then claims
 * them with one conditional {@code updateMany} that re-checks they are still due and
 * unclaimed (an update of one document is atomic, so of several instances racing for a
 * task exactly one wins), marking them with this acquisition's marker, and reads back the
 * documents bearing the marker. A claim's lease ends at the <em>server's</em> time (the
 * {@code localTime} of its {@code hello} reply, or of {@code isMaster} on servers without
 * {@code hello}) plus the lease duration: due-ness follows the scheduler's clock, lease
 * expiry the server's, so clock skew between instances cannot make two of them run one
 * fire time. The claims are kept by a {@link ClaimLedger}, which renews their leases
 * while the runs go on; a claim is identified by the version it produced, and every
 * release or deletion is conditional on that version. A document whose lease ran out is
 * handed out again as {@link DueTask#recovered() recovered}.
 *
 * <p>
 * <b>Wake-ups.</b> The scheduler is woken every
 * {@linkplain MongoTaskStoreSettings#pollInterval() poll interval} to look for tasks
 * other instances added or released (a task handed over included); the instance that adds
 * a task wakes its own scheduler at once. Where the server has change streams (a replica
 * set or a sharded cluster) and {@linkplain MongoTaskStoreSettings#changeStreams() they
 * are not turned off}, the store also watches its collection and wakes the scheduler as
 * soon as another instance adds, releases, hands over or reschedules a task to come due
 * before the next run time the store last reported. On a standalone server, or while a
 * stream cannot be opened, it says why in one log line and polls alone, trying the stream
 * again later.
 *
 * <p>
 * <b>Bad data.</b> A document whose JSON cannot be read, whose trigger type is unknown,
 * whose fields have the wrong types or whose state this store never writes is marked
 * quarantined, with the reason and the time, and reported as one {@link TaskQuarantined}
 * event; it is kept for people to inspect ({@link #listQuarantined}), retry
 * ({@link #retryQuarantined}) or delete ({@link #deleteQuarantined}), and is not listed,
 * counted or run; documents in unknown states are looked for when the store starts.
 * Server failures surface as {@link StoreException}.
 */
public final class MongoTaskStore implements TaskStore {

	private static final Logger logger = LoggerFactory.getLogger(MongoTaskStore.class);

	/** The server's error code for a command it does not know. */
	private static final int COMMAND_NOT_FOUND = 59;

	/**
	 * The most documents in unknown states one start sets aside; the rest at the next.
	 */
	private static final int UNKNOWN_STATES_SCAN_LIMIT = 1000;

	private final MongoDatabase database;

	private final @Nullable MongoClient ownClient;

	private final MongoTaskStoreSettings settings;

	private final MongoCollection<Document> tasks;

	/** The claims this instance holds, by the version each claim produced. */
	private final ClaimLedger<Long> claims;

	private final Object lifecycle = new Object();

	private volatile StoreContext context;

	private volatile WakeUpGate gate = new WakeUpGate(() -> {
	});

	private @Nullable ChangeStreamWatcher watcher;

	private volatile boolean started;

	/** The command whose reply tells the server's time. */
	private volatile String handshakeCommand = "hello";

	private MongoTaskStore(MongoDatabase database, @Nullable MongoClient ownClient, MongoTaskStoreSettings settings) {
		this.database = database;
		this.ownClient = ownClient;
		this.settings = settings;
		this.tasks = database.getCollection(settings.collection());
		this.claims = new ClaimLedger<>("mongodb", settings.leaseDuration(), new DocumentClaims());
		this.context = new StoreContext("default", "unstarted-" + UUID.randomUUID(), Clock.systemUTC(),
				new TaskFunctions(), new TaskCodec().withWriteFormat(settings.writeFormat()), (event) -> {
				}, () -> {
				});
	}

	/**
	 * A store in a database of a client the caller owns (and closes).
	 * @param database the database holding the tasks collection
	 * @param settings the store settings
	 * @return the store
	 */
	public static MongoTaskStore create(MongoDatabase database, MongoTaskStoreSettings settings) {
		return new MongoTaskStore(Objects.requireNonNull(database, "database"), null,
				Objects.requireNonNull(settings, "settings"));
	}

	/**
	 * A store with a client of its own, closed when the store shuts down.
	 * @param uri where MongoDB is, naming the database, such as
	 * {@code mongodb://127.0.0.1:27017/app}
	 * @param settings the store settings
	 * @return the store
	 * @throws AsynczException if the connection string names no database
	 */
	public static MongoTaskStore create(String uri, MongoTaskStoreSettings settings) {
		ConnectionString connection = new ConnectionString(Objects.requireNonNull(uri, "uri"));
		String databaseName = connection.getDatabase();
		if (databaseName == null || databaseName.isEmpty()) {
			throw new AsynczException("The MongoDB connection string names no database; add one after the host, as in"
					+ " mongodb://host:27017/app");
		}
		MongoClient client = MongoClients.create(connection);
		return new MongoTaskStore(client.getDatabase(databaseName), client,
				Objects.requireNonNull(settings, "settings"));
	}

	/**
	 * The store's settings.
	 * @return the settings
	 */
	public MongoTaskStoreSettings settings() {
		return this.settings;
	}

	@Override
	public void start(StoreContext context) {
		synchronized (this.lifecycle) {
			this.context = context.withWriteFormat(this.settings.writeFormat());
			call("create its indexes", () -> {
				this.tasks.createIndex(Indexes.ascending(STATE, NEXT, ID), new IndexOptions().name("asyncz_due"));
				this.tasks.createIndex(Indexes.ascending(STATE, LEASE_UNTIL), new IndexOptions().name("asyncz_leases"));
				return null;
			});
			this.started = true;
			this.gate = new WakeUpGate(context.wakeUp());
			if (this.watcher != null) {
				this.watcher.stop();
				this.watcher = null;
			}
			if (this.settings.changeStreams() == MongoTaskStoreSettings.ChangeStreams.AUTO) {
				this.watcher = new ChangeStreamWatcher(this.tasks, this::handshake, this.gate, describe(),
						this.settings.pollInterval());
				this.watcher.start();
			}
			this.claims.start(context, this.settings.pollInterval());
			this.claims.inBackground("quarantine documents in unknown states", this::quarantineUnknownStates);
		}
	}

	/**
	 * Sets aside the documents whose state this store never writes (written by hand or by
	 * another program): no query for due, listed or counted tasks would find them, so
	 * they would sit unseen.
	 */
	private void quarantineUnknownStates() {
		List<String> known = new ArrayList<>(LIVE_STATES);
		known.add(QUARANTINED);
		List<Document> unknown = call("look for documents in unknown states",
				() -> this.tasks.find(Filters.nin(STATE, known))
					.limit(UNKNOWN_STATES_SCAN_LIMIT)
					.into(new ArrayList<>()));
		for (Document document : unknown) {
			quarantine(document, "unknown state '" + document.get(STATE) + "'");
		}
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Tries once more to write the releases and remove the finished tasks whose writes
	 * failed (their retries rode on the lease renewals, which end here), then closes the
	 * client if the store made it.
	 */
	@Override
	public void shutdown() {
		synchronized (this.lifecycle) {
			if (this.watcher != null) {
				this.watcher.stop();
				this.watcher = null;
			}
			if (this.started) {
				this.claims.shutdown();
			}
			this.started = false;
			if (this.ownClient != null) {
				this.ownClient.close();
			}
		}
	}

	@Override
	public String type() {
		return "mongodb";
	}

	@Override
	public String location() {
		return "collection " + this.database.getName() + "." + this.settings.collection();
	}

	@Override
	public boolean persistent() {
		return true;
	}

	@Override
	public void add(Task task) {
		Document document = new Document(ID, task.id()).append(VERSION, 1L);
		document.putAll(TaskDocuments.fields(task, codec()));
		try {
			call("add task '" + task.id() + "'", () -> this.tasks.insertOne(document));
		}
		catch (StoreException ex) {
			if (ex.getCause() instanceof MongoWriteException write
					&& write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
				throw new ConflictingIdException(task.id());
			}
			throw ex;
		}
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Overwrites the document whatever its version and ends any claim on it, this
	 * instance's or another's: the holder's later {@link #release} or {@link #complete}
	 * then leaves it alone.
	 */
	@Override
	public void update(Task task) {
		this.claims.remove(task.id());
		UpdateResult result = call("update task '" + task.id() + "'",
				() -> this.tasks.updateOne(Filters.eq(ID, task.id()), write(task)));
		if (result.getMatchedCount() == 0) {
			throw new TaskNotFoundException(task.id());
		}
	}

	@Override
	public boolean release(Task claimed, Task next) {
		return this.claims.release(claimed, next);
	}

	@Override
	public void complete(Task task) {
		this.claims.complete(task);
	}

	@Override
	public boolean remove(String id) {
		this.claims.remove(id);
		return call("remove task '" + id + "'", () -> this.tasks.deleteOne(Filters.eq(ID, id))).getDeletedCount() == 1;
	}

	@Override
	public void removeAll() {
		call("remove all tasks", () -> this.tasks.deleteMany(Filters.in(STATE, LIVE_STATES)));
		this.claims.removeAll();
	}

	@Override
	public Optional<Task> get(String id) {
		Document document = call("get task '" + id + "'",
				() -> this.tasks.find(Filters.and(Filters.eq(ID, id), Filters.ne(STATE, QUARANTINED))).first());
		return Optional.ofNullable((document != null) ? decode(document) : null);
	}

	@Override
	public List<DueTask> acquireDueTasks(Instant now, int limit) {
		if (!this.started) {
			throw new StoreException(describe() + " cannot hand out tasks before it is started");
		}
		List<DueTask> due = new ArrayList<>();
		while (due.size() < limit) {
			int batch = Math.min(limit - due.size(), this.settings.claimBatchSize());
			Batch claimed;
			try {
				claimed = claimBatch(now, batch);
			}
			catch (StoreException ex) {
				if (due.isEmpty()) {
					throw ex;
				}
				// What earlier batches claimed is handed out: held back, those claims
				// would
				// be renewed forever.
				logger.warn("Could not claim more due tasks; handing out the {} already claimed: {}", due.size(),
						ex.getMessage());
				break;
			}
			due.addAll(claimed.tasks());
			if (claimed.found() < batch) {
				break;
			}
		}
		return due;
	}

	/**
	 * Claims up to {@code batch} due tasks: those whose lease expired first, then those
	 * due by {@code now}, each kind re-checked by the update that claims it.
	 */
	private Batch claimBatch(Instant now, int batch) {
		long dueUntil = Micros.of(now);
		Date serverNow = serverTime();
		Bson expired = Filters.and(Filters.eq(STATE, RUNNING), Filters.lt(LEASE_UNTIL, serverNow));
		Bson scheduled = Filters.and(Filters.eq(STATE, SCHEDULED), Filters.lte(NEXT, dueUntil));
		List<String> expiredIds = ids(expired, batch);
		List<String> dueIds = (expiredIds.size() < batch) ? ids(scheduled, batch - expiredIds.size()) : List.of();
		if (expiredIds.isEmpty() && dueIds.isEmpty()) {
			return new Batch(List.of(), 0);
		}
		String marker = UUID.randomUUID().toString();
		Date leaseUntil = new Date(serverNow.getTime() + this.settings.leaseDuration().toMillis());
		String owner = this.context.instanceId();
		call("claim due tasks", () -> {
			if (!expiredIds.isEmpty()) {
				this.tasks.updateMany(Filters.and(Filters.in(ID, expiredIds), expired),
						claim(marker, owner, leaseUntil, true));
			}
			if (!dueIds.isEmpty()) {
				this.tasks.updateMany(Filters.and(Filters.in(ID, dueIds), scheduled),
						claim(marker, owner, leaseUntil, false));
			}
			return null;
		});
		List<String> candidates = new ArrayList<>(expiredIds);
		candidates.addAll(dueIds);
		List<Document> documents = call("read the claimed tasks",
				() -> this.tasks.find(Filters.and(Filters.in(ID, candidates), Filters.eq(CLAIM, marker)))
					.sort(Sorts.ascending(NEXT, ID))
					.into(new ArrayList<>()));
		List<DueTask> claimed = new ArrayList<>(documents.size());
		for (Document document : documents) {
			Task task = decode(document);
			if (task != null) {
				boolean recovered = Boolean.TRUE.equals(document.getBoolean(RECOVERED));
				if (this.claims.claimed(task, document.getLong(VERSION), recovered)) {
					claimed.add(new DueTask(task, recovered));
				}
			}
		}
		return new Batch(claimed, candidates.size());
	}

	private static Bson claim(String marker, String owner, Date leaseUntil, boolean recovered) {
		return new Document("$set",
				new Document(STATE, RUNNING).append(OWNER, owner)
					.append(CLAIM, marker)
					.append(RECOVERED, recovered)
					.append(LEASE_UNTIL, leaseUntil))
			.append("$inc", new Document(VERSION, 1L));
	}

	private List<String> ids(Bson filter, int limit) {
		return call("find due tasks",
				() -> this.tasks.find(filter)
					.sort(Sorts.ascending(NEXT, ID))
					.limit(limit)
					.projection(Projections.include(ID))
					.map((document) -> document.getString(ID))
					.into(new ArrayList<>()));
	}

	/**
	 * The server's time, from the {@code localTime} of its handshake reply: leases follow
	 * it rather than this instance's clock.
	 */
	private Date serverTime() {
		Document reply = handshake();
		if (!(reply.get("localTime") instanceof Date localTime)) {
			throw new StoreException(describe() + " got no localTime in the server's " + this.handshakeCommand
					+ " reply: " + reply.toJson());
		}
		return localTime;
	}

	/**
	 * The server's handshake reply, which tells its time and whether it is part of a
	 * replica set. Servers that do not know {@code hello} (older ones, and some that only
	 * speak the wire protocol) are asked with {@code isMaster}.
	 */
	private Document handshake() {
		String command = this.handshakeCommand;
		try {
			return this.database.runCommand(new Document(command, 1));
		}
		catch (MongoCommandException ex) {
			if (ex.getErrorCode() != COMMAND_NOT_FOUND || !"hello".equals(command)) {
				throw new StoreException(describe() + " could not run " + command + ": " + ex.getMessage(), ex);
			}
			this.handshakeCommand = "isMaster";
			return handshake();
		}
		catch (MongoException ex) {
			throw new StoreException(describe() + " could not run " + command + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Tasks whose claim expired count as unclaimed.
	 */
	@Override
	public Optional<Instant> nextRunTime() {
		WakeUpGate reading = this.gate;
		reading.reading();
		Bson expired = Filters.and(Filters.eq(STATE, RUNNING), Filters.lt(LEASE_UNTIL, serverTime()));
		Document first = call("read the next run time",
				() -> this.tasks.find(Filters.or(Filters.eq(STATE, SCHEDULED), expired))
					.sort(Sorts.ascending(NEXT))
					.limit(1)
					.projection(Projections.include(NEXT))
					.first());
		Optional<Instant> next = Optional.ofNullable(first).map((document) -> Micros.instant(document.getLong(NEXT)));
		reading.reported(next);
		return next;
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Scheduled and claimed tasks come first by next run time and id, then paused and
	 * failed ones by id. A page that reaches past the scheduled tasks counts them once.
	 */
	@Override
	public List<Task> list(TaskQuery query) {
		Bson function = (query.function() != null) ? Filters.eq(FUNCTION, query.function()) : new Document();
		TaskState state = query.state();
		List<Task> page = new ArrayList<>();
		long offset = query.offset();
		if (state == null || state == TaskState.SCHEDULED) {
			Bson scheduled = Filters.and(function, Filters.in(STATE, SCHEDULED, RUNNING));
			page.addAll(read(scheduled, Sorts.ascending(NEXT, ID), offset, query.limit()));
			if (page.size() == query.limit() || state == TaskState.SCHEDULED) {
				return page;
			}
			if (offset > 0) {
				long skipped = call("count scheduled tasks", () -> this.tasks.countDocuments(scheduled));
				offset = Math.max(0, offset - skipped);
			}
		}
		List<String> states = (state == null) ? List.of(PAUSED, FAILED) : List.of(state.name());
		page.addAll(read(Filters.and(function, Filters.in(STATE, states)), Sorts.ascending(ID), offset,
				query.limit() - page.size()));
		return page;
	}

	private List<Task> read(Bson filter, Bson sort, long offset, int limit) {
		if (limit <= 0) {
			return List.of();
		}
		List<Document> documents = call("list tasks",
				() -> this.tasks.find(filter)
					.sort(sort)
					.skip((int) Math.min(offset, Integer.MAX_VALUE))
					.limit(limit)
					.into(new ArrayList<>()));
		List<Task> read = new ArrayList<>(documents.size());
		for (Document document : documents) {
			Task task = decode(document);
			if (task != null) {
				read.add(task);
			}
		}
		return read;
	}

	@Override
	public long count() {
		return call("count tasks", () -> this.tasks.countDocuments(Filters.in(STATE, LIVE_STATES)));
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * The data size is the length of the document's JSON texts.
	 */
	@Override
	public List<QuarantinedTask> listQuarantined(long offset, int limit) {
		List<Document> documents = call("list quarantined tasks",
				() -> this.tasks.find(Filters.eq(STATE, QUARANTINED))
					.sort(Sorts.ascending(ID))
					.skip((int) Math.min(offset, Integer.MAX_VALUE))
					.limit(limit)
					.into(new ArrayList<>()));
		String storeName = this.context.storeName();
		return documents.stream()
			.map((document) -> new QuarantinedTask(String.valueOf(document.get(ID)), storeName,
					String.valueOf(document.get(REASON)), TaskDocuments.dataSize(document),
					TaskDocuments.quarantinedAt(document)))
			.toList();
	}

	@Override
	public long quarantinedCount() {
		return call("count quarantined tasks", () -> this.tasks.countDocuments(Filters.eq(STATE, QUARANTINED)));
	}

	@Override
	public Task retryQuarantined(String id) {
		Bson quarantined = Filters.and(Filters.eq(ID, id), Filters.eq(STATE, QUARANTINED));
		Document document = call("read quarantined task '" + id + "'", () -> this.tasks.find(quarantined).first());
		if (document == null) {
			throw TaskNotFoundException.notQuarantined(id);
		}
		Task task;
		try {
			task = TaskDocuments.readData(document, codec(), this.context.storeName());
		}
		catch (CorruptTaskException ex) {
			call("keep task '" + id + "' quarantined", () -> this.tasks.updateOne(quarantined,
					new Document("$set", new Document(REASON, ex.getMessage()))));
			throw new CorruptTaskException(
					describe() + " still cannot read task '" + id + "', which stays quarantined: " + ex.getMessage(),
					ex);
		}
		UpdateResult result = call("restore task '" + id + "'", () -> this.tasks
			.updateOne(Filters.and(quarantined, Filters.eq(VERSION, document.get(VERSION))), write(task)));
		if (result.getModifiedCount() == 0) {
			// Deleted, rewritten or retried by someone else since it was read.
			throw TaskNotFoundException.notQuarantined(id);
		}
		return task;
	}

	@Override
	public boolean deleteQuarantined(String id) {
		return call("delete quarantined task '" + id + "'",
				() -> this.tasks.deleteOne(Filters.and(Filters.eq(ID, id), Filters.eq(STATE, QUARANTINED))))
			.getDeletedCount() == 1;
	}

	@Override
	public void ping() {
		call("ping", () -> this.database.runCommand(new Document("ping", 1)));
	}

	/**
	 * The update that writes a task's whole state, ending any claim and quarantine.
	 */
	private Bson write(Task task) {
		return new Document("$set", TaskDocuments.fields(task, codec())).append("$unset", TaskDocuments.unset(task))
			.append("$inc", new Document(VERSION, 1L));
	}

	private @Nullable Task decode(Document document) {
		try {
			return TaskDocuments.toTask(document, codec(), this.context.storeName());
		}
		catch (CorruptTaskException ex) {
			quarantine(document, ex.getMessage());
			return null;
		}
	}

	/**
	 * Sets a document aside, unless it was written since it was read (the new data may
	 * read); reports it once, by the call that set it aside.
	 */
	private void quarantine(Document document, String reason) {
		Object id = document.get(ID);
		this.claims.remove(String.valueOf(id));
		StoreContext current = this.context;
		UpdateResult result = call("quarantine task '" + id + "'",
				() -> this.tasks.updateOne(
						Filters.and(Filters.eq(ID, id), Filters.eq(VERSION, document.get(VERSION)),
								Filters.ne(STATE, QUARANTINED)),
						new Document("$set",
								new Document(STATE, QUARANTINED).append(REASON, reason)
									.append(QUARANTINED_AT, Micros.of(current.clock().instant())))
							.append("$unset", new Document(OWNER, "").append(CLAIM, "").append(LEASE_UNTIL, ""))
							.append("$inc", new Document(VERSION, 1L))));
		if (result.getModifiedCount() == 1) {
			logger.warn("{} set task '{}' aside, its document kept: {}", describe(), id, reason);
			current.events().publish(new TaskQuarantined(String.valueOf(id), current.storeName(), reason));
		}
	}

	private TaskCodec codec() {
		return this.context.codec();
	}

	private String describe() {
		return "MongoDB store '" + this.context.storeName() + "' on collection " + this.settings.collection();
	}

	private <R> R call(String operation, Supplier<R> action) {
		try {
			return action.get();
		}
		catch (MongoException ex) {
			throw new StoreException(describe() + " could not " + operation + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * What one claim round trip took.
	 *
	 * @param tasks the tasks claimed and readable
	 * @param found how many due tasks were found, claimed or not
	 */
	private record Batch(List<DueTask> tasks, int found) {

	}

	/**
	 * The claim commands as conditional writes: each acts only while this instance holds
	 * the claim and the document still has the version the claim gave it.
	 */
	private final class DocumentClaims implements ClaimStorage<Long> {

		@Override
		public Collection<String> renew(Map<String, Long> claims) {
			String owner = MongoTaskStore.this.context.instanceId();
			List<Bson> held = new ArrayList<>(claims.size());
			claims.forEach((id, version) -> held.add(Filters.and(Filters.eq(ID, id), Filters.eq(VERSION, version))));
			Bson ours = Filters.and(Filters.or(held), Filters.eq(STATE, RUNNING), Filters.eq(OWNER, owner));
			Date leaseUntil = new Date(
					serverTime().getTime() + MongoTaskStore.this.settings.leaseDuration().toMillis());
			Set<String> renewed = call("renew the leases of its running tasks", () -> {
				MongoTaskStore.this.tasks.updateMany(ours, new Document("$set", new Document(LEASE_UNTIL, leaseUntil)));
				return MongoTaskStore.this.tasks.find(ours)
					.projection(Projections.include(ID))
					.map((document) -> document.getString(ID))
					.into(new HashSet<>());
			});
			return claims.keySet().stream().filter((id) -> !renewed.contains(id)).toList();
		}

		@Override
		public boolean release(String id, Long version, Task next) {
			return call("release task '" + id + "'",
					() -> MongoTaskStore.this.tasks.updateOne(claimed(id, version), write(next)))
				.getModifiedCount() == 1;
		}

		@Override
		public void complete(String id, Long version) {
			call("remove finished task '" + id + "'", () -> MongoTaskStore.this.tasks.deleteOne(claimed(id, version)));
		}

		private Bson claimed(String id, long version) {
			return Filters.and(Filters.eq(ID, id), Filters.eq(VERSION, version), Filters.eq(STATE, RUNNING),
					Filters.eq(OWNER, MongoTaskStore.this.context.instanceId()));
		}

	}

}
