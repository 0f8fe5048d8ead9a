package dev.asyncz.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import javax.sql.DataSource;

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
import dev.asyncz.store.TaskSearch;
import dev.asyncz.store.TaskSearchResult;
import dev.asyncz.store.TransactionalTaskStore;
import dev.asyncz.store.jdbc.internal.CommitGroup;
import dev.asyncz.store.jdbc.internal.Completion;
import dev.asyncz.store.jdbc.internal.JdbcAccess;
import dev.asyncz.store.jdbc.internal.PostgresNotifications;
import dev.asyncz.store.jdbc.internal.SchemaScript;
import dev.asyncz.store.jdbc.internal.TaskRepository;
import dev.asyncz.store.jdbc.internal.TaskRow;
import dev.asyncz.store.jdbc.internal.TaskTable;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskFunctions;
import dev.asyncz.task.TaskNotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable task store in one table of a relational database (PostgreSQL, MariaDB/MySQL
 * or H2), which several scheduler instances may share.
 *
 * <p>
 * <b>Rows.</b> A task is one row: its function by name, its arguments and trigger as JSON
 * (never Java serialisation; reading never instantiates a class named by the data), its
 * next run time in the database's own timestamp type, and a version raised by every
 * write. Create the table with {@link #initializeSchema()} or with the versioned scripts
 * at {@link JdbcDialect#migrationLocation()} in your migrations.
 *
 * <p>
 * <b>Claims.</b> {@link #acquireDueTasks} locks the earliest due rows with
 * {@code SELECT … FOR UPDATE SKIP LOCKED}, marks them running under this instance's id
 * with a lease that ends at the <em>database's</em> time plus the lease duration, and
 * returns them only once that transaction committed. Due-ness follows the scheduler's
 * clock; lease expiry follows the database's, so clock skew between instances cannot make
 * two of them run one fire time. A task stays claimed while its run is in progress, and a
 * background thread renews the leases of every claim this instance holds, so a long run
 * keeps its task from other instances however long it takes. A row whose lease ran out
 * (its holder died) is handed out again as {@link DueTask#recovered() recovered}. The
 * claims are kept by a {@link ClaimLedger}; a claim is identified by the row version it
 * produced, and every release or deletion is conditional on that version.
 *
 * <p>
 * <b>Wake-ups.</b> The scheduler is woken every
 * {@link JdbcTaskStoreSettings#pollInterval()} to look at the table. On PostgreSQL a
 * changed task, and an added task due within two poll intervals, is also announced with
 * {@code NOTIFY}, and a listener on a dedicated connection (taken from the data source
 * for the store's lifetime) wakes the scheduler at once; a task due later is found by the
 * polls in time, and adding it costs no notification (PostgreSQL serialises the commits
 * of notifying transactions).
 *
 * <p>
 * <b>Bad data.</b> A row whose JSON cannot be read or whose trigger type is unknown, and
 * a row in a state this store never writes (looked for when the store starts, and
 * whenever such a row is read), is marked quarantined, with the reason and the time, and
 * reported as one {@link TaskQuarantined} event; it is kept for people to inspect
 * ({@link #listQuarantined}), retry ({@link #retryQuarantined}) or delete
 * ({@link #deleteQuarantined}), and is not listed, counted or run. A function this
 * instance does not know is not bad data: the task is handed out like any other, and the
 * scheduler leaves it for instances that know the function. Database failures surface as
 * {@link StoreException}.
 */
public final class JdbcTaskStore implements TransactionalTaskStore {

	private static final Logger logger = LoggerFactory.getLogger(JdbcTaskStore.class);

	/** The length of the {@code id} column in the schema scripts. */
	private static final int MAX_ID_LENGTH = 255;

	private static final String PG_CONNECTION_CLASS = "org.postgresql.PGConnection";

	/**
	 * How many groups of added rows are inserted at once: a few connections let the
	 * database overlap their commits while each group still takes every add queued.
	 */
	private static final int ADD_WRITERS = 2;

	/** How often a completion rolled back by the database (a deadlock) is tried. */
	private static final int TRANSACTION_ATTEMPTS = 3;

	private final DataSource dataSource;

	private final JdbcTaskStoreSettings settings;

	private final JdbcAccess jdbc;

	/** The claims this instance holds, by the row version each claim produced. */
	private final ClaimLedger<Long> claims;

	/** Deletes the rows of finished tasks, several workers' in one commit. */
	private final CommitGroup<Completion> finishedRows = new CommitGroup<>(
			(rows) -> repository().deleteClaimed(this.context.instanceId(), rows), false, 1);

	/**
	 * Inserts the tasks callers add outside a transaction of theirs, several callers' in
	 * one commit; a taken id fails only its own caller.
	 */
	private final CommitGroup<Task> addedRows = new CommitGroup<>(this::insertGroup, true, ADD_WRITERS);

	private final Object lifecycle = new Object();

	private volatile @Nullable TaskRepository repository;

	private volatile StoreContext context;

	private volatile boolean started;

	private @Nullable PostgresNotifications notifications;

	private volatile Future<?> unknownStatesScan = CompletableFuture.completedFuture(null);

	/**
	 * A store with the default settings.
	 * @param dataSource where the tasks table lives
	 */
	public JdbcTaskStore(DataSource dataSource) {
		this(dataSource, JdbcTaskStoreSettings.defaults());
	}

	/**
	 * A store with the given settings. No connection is made until the store is used.
	 * @param dataSource where the tasks table lives
	 * @param settings table prefix, dialect, lease, polling and batch size
	 */
	public JdbcTaskStore(DataSource dataSource, JdbcTaskStoreSettings settings) {
		this(dataSource, settings, TransactionConnections.NONE);
	}

	/**
	 * A store whose callers' changes join the transaction they have open on its data
	 * source, as {@code callerTransactions} finds it. No connection is made until the
	 * store is used.
	 * @param dataSource where the tasks table lives
	 * @param settings table prefix, dialect, lease, polling and batch size
	 * @param callerTransactions finds a caller's transaction on {@code dataSource}
	 */
	public JdbcTaskStore(DataSource dataSource, JdbcTaskStoreSettings settings,
			TransactionConnections callerTransactions) {
		this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
		this.settings = Objects.requireNonNull(settings, "settings");
		this.jdbc = new JdbcAccess(dataSource, "JDBC task store on table " + settings.tablePrefix() + "tasks",
				Objects.requireNonNull(callerTransactions, "callerTransactions"));
		this.claims = new ClaimLedger<>("jdbc", settings.leaseDuration(), new RowClaims());
		this.context = new StoreContext("default", "unstarted-" + UUID.randomUUID(), Clock.systemUTC(),
				new TaskFunctions(), new TaskCodec().withWriteFormat(settings.writeFormat()), (event) -> {
				}, () -> {
				});
	}

	/**
	 * The settings this store was built with.
	 * @return the settings
	 */
	public JdbcTaskStoreSettings settings() {
		return this.settings;
	}

	/**
	 * The database's dialect: the forced one, or the one the connection reports.
	 * @return the dialect
	 * @throws StoreException if the database cannot be reached to detect it
	 */
	public JdbcDialect dialect() {
		return repository().table().dialect();
	}

	/**
	 * Creates the tasks table and its index unless they exist, and adds the columns that
	 * a table created by an earlier version lacks: runs the dialect's versioned scripts
	 * (those at {@link JdbcDialect#migrationLocation()}) with this store's table prefix,
	 * each {@code ALTER TABLE … ADD COLUMN} only where the column is missing. Whether to
	 * call this (always, for embedded databases only, never) is the caller's decision.
	 * @throws StoreException if the script fails
	 */
	public void initializeSchema() {
		List<String> statements = SchemaScript.statements(dialect(), this.settings.tablePrefix());
		for (String sql : statements) {
			// ALTER TABLE locks the whole table even when the column exists, waiting for
			// every claim in flight and holding up the next ones: it runs only where the
			// column is missing.
			if (SchemaScript.addedColumn(sql).filter(this::hasColumn).isPresent()) {
				continue;
			}
			this.jdbc.autoCommit("create the schema", (connection) -> {
				try (Statement statement = connection.createStatement()) {
					statement.execute(sql);
				}
				return null;
			});
		}
	}

	/**
	 * Whether the table has the column: its probe runs on a connection of its own, as a
	 * failed statement may spoil a connection's transaction.
	 */
	private boolean hasColumn(SchemaScript.AddedColumn added) {
		try {
			return this.jdbc.autoCommit("look for column " + added.column(), (connection) -> {
				try (Statement statement = connection.createStatement()) {
					statement.executeQuery(added.probe()).close();
					return true;
				}
			});
		}
		catch (StoreException ex) {
			return false;
		}
	}

	@Override
	public void start(StoreContext context) {
		synchronized (this.lifecycle) {
			stopNotifications();
			this.context = context.withWriteFormat(this.settings.writeFormat());
			this.started = true;
			startNotifications(context, "asyncz-jdbc-" + context.storeName() + "-listen");
			// Polled even where notifications wake the scheduler: tasks added for later
			// than the poll horizon are not announced (see announcedBefore).
			this.claims.start(context, this.settings.pollInterval());
			this.unknownStatesScan = this.claims.inBackground("quarantine rows in unknown states",
					this::quarantineUnknownStates);
		}
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Tries once more to write the releases and remove the finished tasks whose writes
	 * failed: their retries ride on the lease renewals, which end here, and a row left
	 * claimed would be run again by another instance once its lease ran out.
	 */
	@Override
	public void shutdown() {
		synchronized (this.lifecycle) {
			stopNotifications();
			this.claims.shutdown();
			this.started = false;
		}
	}

	@Override
	public String type() {
		return "jdbc";
	}

	@Override
	public String location() {
		return "table " + this.settings.tablePrefix() + "tasks";
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * True when the {@link TransactionConnections} this store was built with find a
	 * transaction of the calling thread on this store's data source.
	 */
	@Override
	public boolean joinsCallerTransaction() {
		return this.jdbc.inCallerTransaction();
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * The {@code id} column of the schema scripts is {@code VARCHAR(255)}.
	 */
	@Override
	public int maxIdLength() {
		return MAX_ID_LENGTH;
	}

	@Override
	public boolean persistent() {
		return true;
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Inside a transaction of the caller's on this store's data source, the row is
	 * inserted on it. Otherwise callers adding at the same time share commits: the rows
	 * queued while one insert is in flight go in together in the next transaction, and
	 * each caller returns once its own row is committed, or with its own row's failure.
	 */
	@Override
	public void add(Task task) {
		if (this.jdbc.inCallerTransaction()) {
			TaskRepository repository = repository();
			repository.insert(task, this.context.codec());
			if (task.nextRunTime() != null) {
				announce(repository);
			}
			return;
		}
		this.addedRows.write(task);
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * One transaction (the caller's, if it has one on this store's data source) of
	 * inserts in chunks of a thousand rows: on PostgreSQL one statement per chunk over
	 * arrays of the column values, elsewhere one JDBC batch per chunk. Other instances
	 * are notified once.
	 */
	@Override
	public void addAll(List<Task> tasks) {
		if (tasks.isEmpty()) {
			return;
		}
		insertGroup(tasks);
	}

	/**
	 * Inserts tasks together; on PostgreSQL the other instances are notified, in the same
	 * statement when it is known beforehand, if any of the tasks is due before their next
	 * poll may come ({@link #announcedBefore}).
	 */
	private void insertGroup(List<Task> tasks) {
		TaskRepository repository = repository();
		if (repository.table().dialect() == JdbcDialect.POSTGRESQL) {
			StoreContext context = this.context;
			boolean notifying = dueBefore(tasks, announcedBefore(context.clock().instant()));
			repository.insertAll(tasks, context.codec(), notifying ? context.instanceId() : null);
			// The horizon counts from the commit, late on a busy database:
			// a task that came within it meanwhile is announced now.
			if (!notifying && dueBefore(tasks, announcedBefore(context.clock().instant()))) {
				announce(repository);
			}
		}
		else if (tasks.size() == 1) {
			repository.insert(tasks.get(0), this.context.codec());
		}
		else {
			repository.insertAll(tasks, this.context.codec(), null);
		}
	}

	/**
	 * Until when, from {@code now}, an added task must be announced to the other
	 * instances. Each of them polls every {@link JdbcTaskStoreSettings#pollInterval()},
	 * and a poll reads the next run time afresh: a task committed at {@code now} is seen
	 * by every instance within one poll interval, so one due later than that needs no
	 * notification. Two intervals leave one for a poll that comes late (the instance was
	 * busy, or its timer thread was). Without polling, every scheduled task is announced.
	 * @param now the store clock's time, no later than the tasks' commit
	 * @return the horizon, or {@code null} for no horizon (announce every scheduled task)
	 */
	private @Nullable Instant announcedBefore(Instant now) {
		Duration poll = this.settings.pollInterval();
		return poll.isZero() ? null : now.plus(poll.multipliedBy(2));
	}

	/**
	 * Whether any of the tasks is scheduled before {@code horizon} ({@code null}: whether
	 * any is scheduled at all).
	 */
	private static boolean dueBefore(List<Task> tasks, @Nullable Instant horizon) {
		for (Task task : tasks) {
			Instant next = task.nextRunTime();
			if (next != null && (horizon == null || next.isBefore(horizon))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Overwrites the row whatever its version and ends any claim on it, this instance's
	 * or another's: the holder's later {@link #release} or {@link #complete} then leaves
	 * the row alone.
	 */
	@Override
	public void update(Task task) {
		TaskRepository repository = repository();
		this.claims.remove(task.id());
		if (!repository.update(task, this.context.codec(), null)) {
			throw new TaskNotFoundException(task.id());
		}
		if (task.nextRunTime() != null) {
			announce(repository);
		}
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Writes only while the row still has the version this instance's claim gave it. If
	 * the database cannot be reached, the claim is kept and its lease renewed while the
	 * write is retried with every renewal.
	 */
	@Override
	public boolean release(Task claimed, Task next) {
		return this.claims.release(claimed, next);
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * On PostgreSQL the other instances are notified, as for an added task: a release
	 * alone is not announced, since the releasing instance plans its own next look.
	 */
	@Override
	public boolean handOver(Task claimed, Task next) {
		boolean stored = this.claims.release(claimed, next);
		if (stored) {
			announce(repository());
		}
		return stored;
	}

	@Override
	public boolean remove(String id) {
		this.claims.remove(id);
		return repository().delete(id);
	}

	@Override
	public void removeAll() {
		repository().deleteAll();
		this.claims.removeAll();
	}

	@Override
	public Optional<Task> get(String id) {
		return repository().find(id).flatMap(this::decode);
	}

	@Override
	public List<DueTask> acquireDueTasks(Instant now, int limit) {
		if (!this.started) {
			throw new StoreException("JDBC task store on table " + this.settings.tablePrefix()
					+ "tasks cannot hand out tasks before it is started");
		}
		TaskRepository repository = repository();
		StoreContext context = this.context;
		List<DueTask> due = new ArrayList<>();
		while (due.size() < limit) {
			int batch = Math.min(limit - due.size(), this.settings.claimBatchSize());
			TaskRepository.Claims claims;
			try {
				claims = repository.claimDue(now, batch, context.instanceId(),
						(row) -> row.toTask(context.codec(), context.storeName()));
			}
			catch (StoreException ex) {
				if (due.isEmpty()) {
					throw ex;
				}
				// What earlier statements claimed is handed out: held back, those claims
				// would be renewed forever.
				logger.warn("Could not claim more due tasks; handing out the {} already claimed: {}", due.size(),
						ex.getMessage());
				break;
			}
			for (TaskRepository.Claimed claimed : claims.claimed()) {
				if (this.claims.claimed(claimed.task(), claimed.version(), claimed.recovered())) {
					due.add(new DueTask(claimed.task(), claimed.recovered()));
				}
			}
			claims.quarantined().forEach((quarantined) -> reportQuarantined(quarantined.id(), quarantined.reason()));
			if (claims.claimed().size() + claims.quarantined().size() < batch) {
				break;
			}
		}
		return due;
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * If the row cannot be deleted (the database is unreachable), the claim is kept and
	 * its lease renewed while the deletion is retried with every renewal: letting the
	 * lease run out would have another instance run the task again. Only if this instance
	 * dies first does that happen.
	 */
	@Override
	public void complete(Task task) {
		this.claims.complete(task);
	}

	/**
	 * Deletes a finished task's row with the group of rows finishing with it. A group
	 * that the database chose as a deadlock victim (its row locks crossed those of a
	 * lease renewal, which take the same rows in another order) is tried again at once,
	 * as the database asks: only a failure that persists waits for the renewals.
	 */
	private void deleteFinished(String id, long claimedVersion) {
		for (int attempt = 1;; attempt++) {
			try {
				this.finishedRows.write(new Completion(id, claimedVersion));
				return;
			}
			catch (StoreException ex) {
				if (attempt == TRANSACTION_ATTEMPTS || !isTransactionRollback(ex)) {
					throw ex;
				}
				logger.debug("Removing finished task '{}' was rolled back; trying again: {}", id, ex.getMessage());
			}
		}
	}

	/**
	 * Whether the database rolled a statement back to resolve a conflict with another
	 * transaction (SQLState class 40: deadlock or serialisation failure), so that trying
	 * again can succeed.
	 */
	private static boolean isTransactionRollback(StoreException ex) {
		return ex.getCause() instanceof SQLException sql && sql.getSQLState() != null
				&& sql.getSQLState().startsWith("40");
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Also the moment another instance's lease runs out, so that the claims of an
	 * instance that died are taken over when they expire, not at the next poll.
	 */
	@Override
	public Optional<Instant> nextRunTime() {
		StoreContext context = this.context;
		return repository().nextWakeUp(context.clock().instant(), context.instanceId());
	}

	@Override
	public List<Task> list(TaskQuery query) {
		List<Task> tasks = new ArrayList<>();
		for (TaskRow row : repository().list(query)) {
			decode(row).ifPresent(tasks::add);
		}
		return tasks;
	}

	@Override
	public long count() {
		return repository().count();
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Every filter is a condition of one query, ordered and paged by the database, so the
	 * answer is complete whatever the table's size. A row of the page that no longer
	 * reads is quarantined and left out; the page then says it is incomplete, because the
	 * following pages moved up by one.
	 */
	@Override
	public TaskSearchResult search(TaskSearch search) {
		List<TaskRow> rows = repository().search(search);
		List<Task> tasks = new ArrayList<>(rows.size());
		for (TaskRow row : rows) {
			decode(row).ifPresent(tasks::add);
		}
		return new TaskSearchResult(tasks, tasks.size() == rows.size());
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * One grouped query, which reads every row that is not quarantined.
	 */
	@Override
	public Map<TaskSearch.Status, Long> countByStatus() {
		return repository().countByStatus();
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * The data size counts the characters of the row's JSON columns.
	 */
	@Override
	public List<QuarantinedTask> listQuarantined(long offset, int limit) {
		String storeName = this.context.storeName();
		return repository().listQuarantined(offset, limit)
			.stream()
			.map((row) -> new QuarantinedTask(row.id(), storeName, row.reason(), row.dataSize(), row.quarantinedAt()))
			.toList();
	}

	@Override
	public long quarantinedCount() {
		return repository().countQuarantined();
	}

	@Override
	public Task retryQuarantined(String id) {
		TaskRepository repository = repository();
		StoreContext context = this.context;
		TaskRow row = repository.findQuarantined(id).orElseThrow(() -> TaskNotFoundException.notQuarantined(id));
		Task task;
		try {
			task = row.toTask(context.codec(), context.storeName());
		}
		catch (CorruptTaskException ex) {
			repository.requarantine(id, ex.getMessage());
			throw new CorruptTaskException("Task '" + id + "' in table " + repository.table().name()
					+ " still cannot be read and stays quarantined: " + ex.getMessage(), ex);
		}
		if (!repository.restore(row, task)) {
			// Deleted, or retried by someone else, since it was read.
			throw TaskNotFoundException.notQuarantined(id);
		}
		if (task.nextRunTime() != null) {
			announce(repository);
		}
		return task;
	}

	@Override
	public boolean deleteQuarantined(String id) {
		return repository().deleteQuarantined(id);
	}

	@Override
	public void ping() {
		this.jdbc.autoCommit("reach the database", (connection) -> {
			if (!connection.isValid(5)) {
				throw new SQLException("the connection is not valid");
			}
			return null;
		});
	}

	/**
	 * One lease renewal, as the ledger's thread runs it every third of the lease
	 * duration: retries the pending writes, then extends the leases on the tasks this
	 * instance has claimed and not yet released.
	 */
	void renewLeases() {
		this.claims.renew();
	}

	private Optional<Task> decode(TaskRow row) {
		StoreContext context = this.context;
		try {
			return Optional.of(row.toTask(context.codec(), context.storeName()));
		}
		catch (CorruptTaskException ex) {
			// Another reader may have quarantined the row first: the event is theirs.
			if (repository().quarantine(row, ex.getMessage(), context.clock().instant())) {
				reportQuarantined(row.id(), ex.getMessage());
			}
			return Optional.empty();
		}
	}

	/**
	 * Waits until the look for rows in unknown states that {@link #start} began is over,
	 * so that tests know which of it and their own reads quarantines a row.
	 * @throws InterruptedException if interrupted while waiting
	 */
	void awaitUnknownStatesScan() throws InterruptedException {
		try {
			this.unknownStatesScan.get();
		}
		catch (ExecutionException | CancellationException ex) {
			// The scan logs its own failures; a cancelled one (a shutdown) is over too.
		}
	}

	/**
	 * Quarantines the rows in a state this store never writes (written by hand, or by
	 * something else), which nothing would otherwise claim, list or count. Runs when the
	 * store starts, on its background thread; reading such a row quarantines it too.
	 */
	void quarantineUnknownStates() {
		try {
			repository().unknownStates().forEach(this::decode);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not look for rows in unknown states in table {}: {}", repository().table().name(),
					ex.getMessage());
		}
	}

	private void reportQuarantined(String id, String reason) {
		logger.error("Task '{}' in table {} cannot be used and was quarantined: {}", id, repository().table().name(),
				reason);
		this.context.events().publish(new TaskQuarantined(id, this.context.storeName(), reason));
	}

	private void announce(TaskRepository repository) {
		if (repository.table().dialect() != JdbcDialect.POSTGRESQL) {
			return;
		}
		try {
			repository.notifyListeners(this.context.instanceId());
		}
		catch (StoreException ex) {
			// The change itself is stored; other instances see it when they next look.
			logger.warn("Could not notify other instances of a change: {}", ex.getMessage());
		}
	}

	private void startNotifications(StoreContext context, String threadName) {
		// Whether the connections are the driver's is found out on the listener's thread:
		// start() opens no connection when the dialect is known.
		if (dialectOrNull() != JdbcDialect.POSTGRESQL || !postgresDriverPresent()) {
			return;
		}
		Duration poll = this.settings.pollInterval();
		Duration retry = (poll.isZero() || poll.compareTo(JdbcTaskStoreSettings.DEFAULT_POLL_INTERVAL) > 0)
				? JdbcTaskStoreSettings.DEFAULT_POLL_INTERVAL : poll;
		PostgresNotifications listener = new PostgresNotifications(this.dataSource, repository().table().channel(),
				context.instanceId(), context.wakeUp(), retry, threadName);
		listener.start();
		this.notifications = listener;
	}

	private @Nullable JdbcDialect dialectOrNull() {
		try {
			return dialect();
		}
		catch (StoreException ex) {
			logger.warn("Could not detect the database at start; polling for changes instead: {}", ex.getMessage());
			return null;
		}
	}

	private void stopNotifications() {
		if (this.notifications != null) {
			this.notifications.stop();
			this.notifications = null;
		}
	}

	private TaskRepository repository() {
		TaskRepository repository = this.repository;
		if (repository == null) {
			synchronized (this.lifecycle) {
				repository = this.repository;
				if (repository == null) {
					repository = new TaskRepository(this.jdbc,
							new TaskTable(detectDialect(), this.settings.tablePrefix(), this.settings.leaseDuration()));
					this.repository = repository;
				}
			}
		}
		return repository;
	}

	private JdbcDialect detectDialect() {
		JdbcDialect forced = this.settings.dialect();
		if (forced != null) {
			return forced;
		}
		return this.jdbc.autoCommit("detect the database", (Connection connection) -> JdbcDialect
			.fromProductName(connection.getMetaData().getDatabaseProductName()));
	}

	private static boolean postgresDriverPresent() {
		try {
			Class.forName(PG_CONNECTION_CLASS, false, JdbcTaskStore.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

	/**
	 * The claim commands on rows: each is conditional on the row version the claim
	 * produced and on this instance still holding the claim.
	 */
	private final class RowClaims implements ClaimStorage<Long> {

		/**
		 * {@inheritDoc}
		 * <p>
		 * The renewal statement counts the rows it extended but does not say which, so no
		 * claim is reported lost; a claim another instance took over is forgotten when
		 * its release or completion changes nothing.
		 */
		@Override
		public Collection<String> renew(Map<String, Long> claims) {
			repository().renew(JdbcTaskStore.this.context.instanceId(), claims.keySet());
			return List.of();
		}

		@Override
		public boolean release(String id, Long version, Task next) {
			// The releasing scheduler reschedules for itself, so other instances need no
			// notification.
			return repository().update(next, JdbcTaskStore.this.context.codec(), version);
		}

		@Override
		public void complete(String id, Long version) {
			deleteFinished(id, version);
		}

	}

}
