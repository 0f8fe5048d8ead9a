package dev.asyncz.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import dev.asyncz.event.TaskQuarantined;
import dev.asyncz.store.CorruptTaskException;
import dev.asyncz.store.DueTask;
import dev.asyncz.store.StoreContext;
import dev.asyncz.store.StoreException;
import dev.asyncz.store.TaskCodec;
import dev.asyncz.store.TaskQuery;
import dev.asyncz.store.TransactionalTaskStore;
import dev.asyncz.store.jdbc.internal.CompletionGroup;
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
 * write. Create the table with {@link #initializeSchema()} or copy the script at
 * {@link JdbcDialect#schemaLocation()} into your migrations.
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
 * (its holder died) is handed out again as {@link DueTask#recovered() recovered}.
 *
 * <p>
 * <b>Wake-ups.</b> On PostgreSQL an added or changed task is announced with
 * {@code NOTIFY}, and a listener on a dedicated connection (taken from the data source
 * for the store's lifetime) wakes the scheduler. Elsewhere the scheduler is woken every
 * {@link JdbcTaskStoreSettings#pollInterval()}.
 *
 * <p>
 * <b>Bad data.</b> A row whose JSON cannot be read, whose trigger type is unknown, or
 * whose function is not registered (checked when it is due) is marked quarantined and
 * reported as a {@link TaskQuarantined} event; it is kept for people to inspect, and not
 * listed, counted or run. Database failures surface as {@link StoreException}.
 */
public final class JdbcTaskStore implements TransactionalTaskStore {

	private static final Logger logger = LoggerFactory.getLogger(JdbcTaskStore.class);

	private static final String PG_CONNECTION_CLASS = "org.postgresql.PGConnection";

	/** How often a completion rolled back by the database (a deadlock) is tried. */
	private static final int TRANSACTION_ATTEMPTS = 3;

	private final DataSource dataSource;

	private final JdbcTaskStoreSettings settings;

	private final JdbcAccess jdbc;

	private final Map<String, Long> claims = new ConcurrentHashMap<>();

	/**
	 * Claims whose run is over but whose row could not be deleted yet; retried with the
	 * lease renewals.
	 */
	private final Map<String, Long> completions = new ConcurrentHashMap<>();

	/**
	 * Claims whose next state could not be written yet; retried with the lease renewals,
	 * which keep the claims meanwhile.
	 */
	private final Map<String, PendingRelease> releases = new ConcurrentHashMap<>();

	/** Deletes the rows of finished tasks, several workers' in one commit. */
	private final CompletionGroup finishedRows = new CompletionGroup(
			(rows) -> repository().deleteClaimed(this.context.instanceId(), rows));

	private final Object lifecycle = new Object();

	private volatile @Nullable TaskRepository repository;

	private volatile StoreContext context;

	private volatile boolean started;

	private @Nullable ScheduledExecutorService background;

	private @Nullable PostgresNotifications notifications;

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
		this.context = new StoreContext("default", "unstarted-" + UUID.randomUUID(), Clock.systemUTC(),
				new TaskFunctions(), new TaskCodec(), (event) -> {
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
	 * a table created by an earlier version lacks, with the dialect's script and this
	 * store's table prefix. Whether to call this (always, for embedded databases only,
	 * never) is the caller's decision.
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
			stopBackground();
			this.context = context;
			this.started = true;
			String threadName = "asyncz-jdbc-" + context.storeName();
			ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((runnable) -> {
				Thread thread = new Thread(runnable, threadName);
				thread.setDaemon(true);
				return thread;
			});
			long heartbeat = Math.max(1, this.settings.leaseDuration().toMillis() / 3);
			executor.scheduleWithFixedDelay(this::renewLeases, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
			this.background = executor;
			if (!startNotifications(context, threadName + "-listen") && !this.settings.pollInterval().isZero()) {
				long poll = this.settings.pollInterval().toMillis();
				executor.scheduleWithFixedDelay(() -> wakeUp(context), poll, poll, TimeUnit.MILLISECONDS);
			}
		}
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Tries once more to remove the finished tasks whose removal failed: their retries
	 * ride on the lease renewals, which end here, and a row left claimed would be run
	 * again by another instance once its lease ran out.
	 */
	@Override
	public void shutdown() {
		synchronized (this.lifecycle) {
			stopBackground();
			retryCompletions();
			retryReleases();
			this.started = false;
		}
	}

	@Override
	public String type() {
		return "jdbc";
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

	@Override
	public boolean persistent() {
		return true;
	}

	@Override
	public void add(Task task) {
		TaskRepository repository = repository();
		repository.insert(task, this.context.codec());
		if (task.nextRunTime() != null) {
			announce(repository);
		}
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
		this.completions.remove(task.id());
		this.releases.remove(task.id());
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
	 * Writes only while the row still has the version this instance's claim gave it.
	 */
	@Override
	public boolean release(Task claimed, Task next) {
		Long claimedVersion = this.claims.get(claimed.id());
		if (claimedVersion == null) {
			return false;
		}
		try {
			// The releasing scheduler reschedules for itself, so other instances need no
			// notification.
			boolean stored = repository().update(next, this.context.codec(), claimedVersion);
			this.claims.remove(claimed.id(), claimedVersion);
			return stored;
		}
		catch (StoreException ex) {
			// Letting the lease run out would have another instance run the fire time
			// again: the claim stays renewed and the release is retried with the
			// renewals.
			this.releases.put(claimed.id(), new PendingRelease(claimedVersion, next));
			logger.warn("Could not release task '{}'; keeping its claim and trying again: {}", claimed.id(),
					ex.getMessage());
			return true;
		}
	}

	@Override
	public boolean remove(String id) {
		this.claims.remove(id);
		this.completions.remove(id);
		this.releases.remove(id);
		return repository().delete(id);
	}

	@Override
	public void removeAll() {
		repository().deleteAll();
		this.claims.clear();
		this.completions.clear();
		this.releases.clear();
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
						(row) -> row.toRunnableTask(context.codec(), context.storeName(), context.functions()));
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
				this.claims.put(claimed.task().id(), claimed.version());
				due.add(new DueTask(claimed.task(), claimed.recovered()));
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
		Long claimedVersion = this.claims.get(task.id());
		if (claimedVersion == null) {
			logger.debug("Task '{}' is not claimed by this instance; leaving it", task.id());
			return;
		}
		try {
			deleteFinished(task.id(), claimedVersion);
			this.claims.remove(task.id(), claimedVersion);
		}
		catch (StoreException ex) {
			this.completions.put(task.id(), claimedVersion);
			logger.warn("Could not remove finished task '{}'; keeping its claim and trying again: {}", task.id(),
					ex.getMessage());
		}
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
				this.finishedRows.delete(id, claimedVersion);
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
	 * Retries the removal of finished tasks, then extends the leases on the tasks this
	 * instance has claimed and not yet released. Runs every third of the lease duration;
	 * a failure is logged, and if renewals keep failing for a whole lease, another
	 * instance may take the tasks over.
	 */
	void renewLeases() {
		retryCompletions();
		retryReleases();
		if (this.claims.isEmpty()) {
			return;
		}
		try {
			repository().renew(this.context.instanceId(), this.claims.keySet());
		}
		catch (RuntimeException ex) {
			logger.warn("Could not renew the leases on {} claimed tasks; other instances may take them over after {}",
					this.claims.size(), this.settings.leaseDuration(), ex);
		}
	}

	private void retryCompletions() {
		for (Map.Entry<String, Long> completion : this.completions.entrySet()) {
			String id = completion.getKey();
			Long version = completion.getValue();
			try {
				repository().deleteClaimed(id, this.context.instanceId(), version);
			}
			catch (RuntimeException ex) {
				logger.warn("Could not remove finished task '{}' yet: {}", id, ex.getMessage());
				return;
			}
			this.completions.remove(id, version);
			this.claims.remove(id, version);
		}
	}

	private void retryReleases() {
		for (Map.Entry<String, PendingRelease> release : this.releases.entrySet()) {
			String id = release.getKey();
			PendingRelease pending = release.getValue();
			try {
				repository().update(pending.next(), this.context.codec(), pending.version());
			}
			catch (RuntimeException ex) {
				logger.warn("Could not release task '{}' yet: {}", id, ex.getMessage());
				return;
			}
			this.releases.remove(id, pending);
			this.claims.remove(id, pending.version());
		}
	}

	private static void wakeUp(StoreContext context) {
		try {
			context.wakeUp().run();
		}
		catch (RuntimeException ex) {
			// A failing wake-up must not end the polling: the next one may succeed.
			logger.warn("Waking the scheduler failed", ex);
		}
	}

	private Optional<Task> decode(TaskRow row) {
		StoreContext context = this.context;
		try {
			return Optional.of(row.toTask(context.codec(), context.storeName()));
		}
		catch (CorruptTaskException ex) {
			repository().quarantine(row.id(), ex.getMessage());
			reportQuarantined(row.id(), ex.getMessage());
			return Optional.empty();
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

	private boolean startNotifications(StoreContext context, String threadName) {
		if (dialectOrNull() != JdbcDialect.POSTGRESQL || !postgresDriverPresent()
				|| !PostgresNotifications.supported(this.dataSource)) {
			return false;
		}
		Duration retry = this.settings.pollInterval().isZero() ? JdbcTaskStoreSettings.DEFAULT_POLL_INTERVAL
				: this.settings.pollInterval();
		PostgresNotifications listener = new PostgresNotifications(this.dataSource, repository().table().channel(),
				context.instanceId(), context.wakeUp(), retry, threadName);
		listener.start();
		this.notifications = listener;
		return true;
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

	private void stopBackground() {
		if (this.notifications != null) {
			this.notifications.stop();
			this.notifications = null;
		}
		if (this.background != null) {
			this.background.shutdownNow();
			this.background = null;
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
	 * A release still to be written.
	 *
	 * @param version the row version the claim gave
	 * @param next the task's next state
	 */
	private record PendingRelease(long version, Task next) {

	}

}
