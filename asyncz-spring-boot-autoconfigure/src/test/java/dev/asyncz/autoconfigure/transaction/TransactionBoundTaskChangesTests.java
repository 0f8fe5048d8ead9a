package dev.asyncz.autoconfigure.transaction;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.asyncz.core.ControllableClock;
import dev.asyncz.core.Scheduler;
import dev.asyncz.event.SchedulerEvent;
import dev.asyncz.event.StoreError;
import dev.asyncz.event.TaskAdded;
import dev.asyncz.event.TaskChangeEvent;
import dev.asyncz.event.TaskModified;
import dev.asyncz.event.TaskRemoved;
import dev.asyncz.store.MemoryTaskStore;
import dev.asyncz.store.jdbc.JdbcTaskStore;
import dev.asyncz.store.jdbc.JdbcTaskStoreSettings;
import dev.asyncz.task.ConflictingIdException;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Task changes made inside a real Spring transaction on the application's database: a
 * jdbc store on that database writes them in the transaction, a memory store and a jdbc
 * store on another database after the commit, and the events and the scheduler's wake-up
 * follow the commit. Each database's subclass supplies the data source.
 */
abstract class TransactionBoundTaskChangesTests {

	private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

	private static final Instant LATER = START.plus(Duration.ofDays(1));

	private final ControllableClock clock = new ControllableClock(START);

	private final List<SchedulerEvent> events = new CopyOnWriteArrayList<>();

	private final CountDownLatch pingRan = new CountDownLatch(1);

	private final List<String> ran = new CopyOnWriteArrayList<>();

	private final HikariDataSource otherDatabase = h2("other");

	private HikariDataSource dataSource;

	private TransactionTemplate transactions;

	private Scheduler scheduler;

	/**
	 * The application's database.
	 * @return a pool on it
	 */
	abstract HikariDataSource createDataSource();

	/**
	 * This test's own table prefix.
	 * @return the prefix
	 */
	abstract String tablePrefix();

	@BeforeEach
	void startScheduler() {
		this.dataSource = createDataSource();
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(this.dataSource));
		this.scheduler = Scheduler.builder()
			.clock(this.clock)
			.maxWait(Duration.ofHours(1))
			.store("default", jdbcStore(this.dataSource))
			.store("memory", new MemoryTaskStore())
			.store("other", jdbcStore(this.otherDatabase))
			.storeWrites(new TransactionBoundStoreWrites())
			.build();
		this.scheduler.functions().register("ping", (run) -> {
			this.ran.add(run.taskId());
			this.pingRan.countDown();
			return null;
		});
		this.scheduler.addListener(this.events::add);
		this.scheduler.start();
	}

	@AfterEach
	void stopScheduler() {
		this.scheduler.shutdown(true);
		new JdbcTemplate(this.dataSource).execute("DROP TABLE IF EXISTS " + tablePrefix() + "tasks");
		this.dataSource.close();
		this.otherDatabase.close();
	}

	@Test
	void taskAddedInARolledBackTransactionIsNeitherStoredNorAnnounced() {
		inTransactionRolledBack((status) -> this.scheduler.add(dueNow("rolled-back", "default")));
		assertThat(this.scheduler.get("rolled-back")).isEmpty();
		assertThat(countRows()).isZero();
		assertThat(changeEvents()).isEmpty();
	}

	@Test
	void tasksAddedTogetherInARolledBackTransactionAreNeitherStoredNorAnnounced() {
		inTransactionRolledBack((status) -> this.scheduler
			.addAll(List.of(later("first", "default"), later("second", "default"), later("third", "default"))));
		assertThat(countRows()).isZero();
		assertThat(changeEvents()).isEmpty();
	}

	@Test
	void tasksAddedTogetherInATransactionAreWrittenOnItAndAnnouncedAtTheCommit() {
		inTransaction((status) -> {
			this.scheduler.addAll(List.of(later("first", "default"), later("second", "default")));
			assertThat(this.scheduler.get("second")).as("the caller reads its own change").isPresent();
			assertThat(countRows()).as("other connections do not see them yet").isZero();
			assertThat(changeEvents()).isEmpty();
		});
		assertThat(countRows()).isEqualTo(2);
		assertThat(changeEvents()).hasSize(2).allMatch(TaskAdded.class::isInstance);
	}

	@Test
	void taskAddedInARolledBackTransactionNeverRunsWhileACommittedOneDoes() throws InterruptedException {
		inTransactionRolledBack((status) -> this.scheduler.add(dueNow("rolled-back", "default")));
		inTransaction((status) -> this.scheduler.add(dueNow("committed", "default")));
		assertThat(this.pingRan.await(30, TimeUnit.SECONDS)).isTrue();
		assertThat(this.ran).containsExactly("committed");
	}

	@Test
	void taskAddedInATransactionIsInvisibleToOthersAndUnannouncedUntilTheCommit() {
		// Due later on the test's clock: a task due now could run and be removed by the
		// scheduler, woken by the commit, before the row is counted.
		inTransaction((status) -> {
			this.scheduler.add(later("pending", "default"));
			assertThat(this.scheduler.get("pending")).as("the caller reads its own change").isPresent();
			assertThat(countRows()).as("other connections do not see it yet").isZero();
			assertThat(changeEvents()).isEmpty();
		});
		assertThat(countRows()).isOne();
		assertThat(changeEvents()).singleElement().isInstanceOf(TaskAdded.class);
	}

	@Test
	void committingATaskDueNowWakesTheSchedulerToRunIt() throws InterruptedException {
		// The scheduler sleeps for an hour and the store does not poll: only a wake-up
		// after the commit lets it see the task (one before would find nothing).
		inTransaction((status) -> this.scheduler.add(dueNow("committed", "default")));
		assertThat(this.pingRan.await(30, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void pausingInARolledBackTransactionLeavesTheTaskAsItWas() {
		Task task = this.scheduler.add(later("report", "default"));
		inTransactionRolledBack((status) -> {
			this.scheduler.pauseTask("report");
			assertThat(this.scheduler.get("report")).get().extracting(Task::paused).isEqualTo(true);
		});
		assertThat(this.scheduler.get("report")).contains(task);
		assertThat(changeEvents()).singleElement().isInstanceOf(TaskAdded.class);
	}

	@Test
	void reschedulingInACommittedTransactionChangesTheTaskAndAnnouncesIt() {
		this.scheduler.add(later("report", "default"));
		Instant evenLater = LATER.plus(Duration.ofHours(1));
		inTransaction((status) -> this.scheduler.reschedule("report", Triggers.at(evenLater)));
		assertThat(this.scheduler.get("report")).get().extracting(Task::nextRunTime).isEqualTo(evenLater);
		assertThat(changeEvents()).last().isInstanceOf(TaskModified.class);
	}

	@Test
	void deletingInARolledBackTransactionKeepsTheTask() {
		this.scheduler.add(later("report", "default"));
		inTransactionRolledBack((status) -> {
			this.scheduler.delete("report");
			assertThat(this.scheduler.get("report")).isEmpty();
		});
		assertThat(this.scheduler.get("report")).isPresent();
		assertThat(changeEvents()).noneMatch(TaskRemoved.class::isInstance);
	}

	@Test
	void deletingAllInARolledBackTransactionKeepsEveryTask() {
		this.scheduler.add(later("report", "default"));
		inTransactionRolledBack((status) -> this.scheduler.deleteAll("default"));
		assertThat(this.scheduler.get("report")).isPresent();
	}

	@Test
	void duplicateIdInTheTransactionFailsAtOnceAndLeavesTheTransactionUsable() {
		this.scheduler.add(later("report", "default"));
		inTransaction((status) -> {
			assertThatExceptionOfType(ConflictingIdException.class)
				.isThrownBy(() -> this.scheduler.add(later("report", "default")));
			this.scheduler.add(later("invoice", "default"));
		});
		assertThat(this.scheduler.get("invoice")).isPresent();
	}

	@Test
	void memoryStoreTaskAddedInARolledBackTransactionIsNeverStored() {
		inTransactionRolledBack((status) -> this.scheduler.add(later("cache-warmup", "memory")));
		assertThat(this.scheduler.get("cache-warmup")).isEmpty();
		assertThat(changeEvents()).isEmpty();
	}

	@Test
	void memoryStoreTaskAddedInATransactionIsStoredAtTheCommit() {
		inTransaction((status) -> {
			this.scheduler.add(later("cache-warmup", "memory"));
			assertThat(this.scheduler.get("cache-warmup")).isEmpty();
		});
		assertThat(this.scheduler.get("cache-warmup")).isPresent();
		assertThat(changeEvents()).singleElement().isInstanceOf(TaskAdded.class);
	}

	@Test
	void storeOnAnotherDatabaseIsWrittenOnlyAtTheCommit() {
		inTransactionRolledBack((status) -> this.scheduler.add(later("archive", "other")));
		assertThat(this.scheduler.get("archive")).isEmpty();
		inTransaction((status) -> this.scheduler.add(later("archive", "other")));
		assertThat(this.scheduler.get("archive")).isPresent();
	}

	@Test
	void duplicateIdFoundAtTheCommitIsPublishedAsAStoreErrorNamingTheTask() {
		this.scheduler.add(later("cache-warmup", "memory"));
		inTransaction((status) -> this.scheduler.add(later("cache-warmup", "memory")));
		assertThat(this.events).filteredOn(StoreError.class::isInstance).singleElement().satisfies((event) -> {
			StoreError error = (StoreError) event;
			assertThat(error.store()).isEqualTo("memory");
			assertThat(error.operation()).contains("cache-warmup");
			assertThat(error.exception()).isInstanceOf(ConflictingIdException.class);
		});
		assertThat(changeEvents()).singleElement().isInstanceOf(TaskAdded.class);
	}

	@Test
	void withoutATransactionChangesAreWrittenAtOnce() {
		this.scheduler.add(later("report", "default"));
		this.scheduler.add(later("cache-warmup", "memory"));
		assertThat(countRows()).isOne();
		assertThat(this.scheduler.get("cache-warmup")).isPresent();
	}

	DataSource dataSource() {
		return this.dataSource;
	}

	TransactionTemplate transactions() {
		return this.transactions;
	}

	private void inTransaction(Consumer<TransactionStatus> work) {
		this.transactions.executeWithoutResult(work);
	}

	private void inTransactionRolledBack(Consumer<TransactionStatus> work) {
		this.transactions.executeWithoutResult((status) -> {
			work.accept(status);
			status.setRollbackOnly();
		});
	}

	/** Counts on a connection of its own, as another instance would see the table. */
	private int countRows() {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT count(*) FROM " + tablePrefix() + "tasks")) {
			result.next();
			return result.getInt(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<SchedulerEvent> changeEvents() {
		return this.events.stream().filter(TaskChangeEvent.class::isInstance).toList();
	}

	private TaskRequest dueNow(String id, String store) {
		return TaskRequest.of("ping", Triggers.at(this.clock.instant())).id(id).store(store).build();
	}

	private static TaskRequest later(String id, String store) {
		return TaskRequest.of("ping", Triggers.at(LATER)).id(id).store(store).build();
	}

	private JdbcTaskStore jdbcStore(DataSource dataSource) {
		JdbcTaskStore store = new JdbcTaskStore(dataSource,
				JdbcTaskStoreSettings.builder().tablePrefix(tablePrefix()).pollInterval(Duration.ZERO).build(),
				new SpringTransactionConnections());
		store.initializeSchema();
		return store;
	}

	static HikariDataSource h2(String name) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl("jdbc:h2:mem:" + name + "-" + UUID.randomUUID());
		return dataSource;
	}

}
