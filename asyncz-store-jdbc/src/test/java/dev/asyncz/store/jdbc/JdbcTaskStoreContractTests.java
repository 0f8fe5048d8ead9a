package dev.asyncz.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import dev.asyncz.event.TaskQuarantined;
import dev.asyncz.store.DueTask;
import dev.asyncz.store.TaskQuery;
import dev.asyncz.store.TaskSearch;
import dev.asyncz.store.TaskSearchResult;
import dev.asyncz.store.TaskState;
import dev.asyncz.store.TaskStore;
import dev.asyncz.store.WriteFormat;
import dev.asyncz.store.jdbc.internal.CommitGroup;
import dev.asyncz.store.jdbc.internal.Completion;
import dev.asyncz.store.jdbc.internal.JdbcAccess;
import dev.asyncz.store.jdbc.internal.TaskRepository;
import dev.asyncz.store.jdbc.internal.TaskRow;
import dev.asyncz.store.jdbc.internal.TaskTable;
import dev.asyncz.task.ConflictingIdException;
import dev.asyncz.task.Task;
import dev.asyncz.test.FullFormAssertions;
import dev.asyncz.test.RawTask;
import dev.asyncz.test.TaskStoreContractTests;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store contract plus what only the JDBC store promises, for one database. Each test
 * works in its own table (random prefix) and drops only that table.
 */
abstract class JdbcTaskStoreContractTests extends TaskStoreContractTests {

	private final String prefix = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "_";

	private final List<JdbcTaskStore> extraStores = new ArrayList<>();

	/**
	 * The database under test.
	 * @return a pooled data source
	 */
	protected abstract DataSource dataSource();

	@Override
	protected TaskStore createStore() {
		JdbcTaskStore store = newStore();
		store.initializeSchema();
		return store;
	}

	@Override
	protected void destroyStore(TaskStore store) {
		store.shutdown();
		this.extraStores.forEach(JdbcTaskStore::shutdown);
		execute("DROP TABLE " + table());
	}

	@Override
	protected void expireLeases() {
		execute("UPDATE " + table() + " SET lease_until = " + pastLeaseEnd() + " WHERE lease_until IS NOT NULL");
	}

	/**
	 * An SQL expression for a time long past.
	 * @return the expression
	 */
	protected String pastLeaseEnd() {
		return "TIMESTAMP '2000-01-01 00:00:00'";
	}

	protected JdbcTaskStoreSettings.Builder settings() {
		return JdbcTaskStoreSettings.builder().tablePrefix(this.prefix).pollInterval(Duration.ZERO);
	}

	protected JdbcTaskStore newStore() {
		return new JdbcTaskStore(dataSource(), settings().build());
	}

	/**
	 * Another started store over the same table, as another instance of the application
	 * would have.
	 * @param instanceId the other instance's id
	 * @return the started store, shut down after the test
	 */
	protected JdbcTaskStore otherInstance(String instanceId) {
		return otherInstance(instanceId, WriteFormat.COMPACT);
	}

	/**
	 * Another started store over the same table that writes rows in the given form.
	 * @param instanceId the other instance's id
	 * @param writeFormat how it writes rows
	 * @return the started store, shut down after the test
	 */
	protected JdbcTaskStore otherInstance(String instanceId, WriteFormat writeFormat) {
		JdbcTaskStore other = new JdbcTaskStore(dataSource(), settings().writeFormat(writeFormat).build());
		other.start(context(instanceId));
		this.extraStores.add(other);
		return other;
	}

	protected String table() {
		return this.prefix + "tasks";
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Inserts a row, or overwrites the data of a row (a quarantined row stays so), once
	 * the store's look for rows in unknown states at start is over, so that it cannot
	 * race the test for the row.
	 */
	@Override
	protected void writeRaw(RawTask raw) {
		try {
			((JdbcTaskStore) this.store).awaitUnknownStatesScan();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		TaskTable sql = new TaskTable(expectedDialect(), this.prefix, Duration.ofMinutes(1));
		boolean exists = Long
			.parseLong(query("SELECT COUNT(*) FROM " + table() + " WHERE id = '" + raw.id() + "'")) > 0;
		String statementSql = exists ? "UPDATE " + table() + " SET function_name = ?, arguments_json = ?, "
				+ "trigger_json = ?, options_json = ?, next_run_time = ?, "
				+ "state = CASE WHEN state = 'QUARANTINED' THEN state ELSE ? END, version = version + 1 WHERE id = ?"
				: "INSERT INTO " + table() + " (function_name, arguments_json, trigger_json, options_json, "
						+ "next_run_time, state, id, name, executor, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'default', 0)";
		try (Connection connection = dataSource().getConnection();
				PreparedStatement statement = connection.prepareStatement(statementSql)) {
			statement.setString(1, raw.function());
			statement.setString(2, raw.argumentsJson());
			statement.setString(3, raw.triggerJson());
			statement.setString(4, raw.optionsJson());
			sql.bindInstant(statement, 5, raw.nextRunTime());
			statement.setString(6, raw.state());
			statement.setString(7, raw.id());
			if (!exists) {
				statement.setString(8, raw.id());
			}
			statement.executeUpdate();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(statementSql, ex);
		}
	}

	@Test
	void oneShotWithoutArgumentsIsStoredWithoutArgumentsOrTriggerJson() {
		Task task = task("compact", NOW.plusSeconds(30));
		this.store.add(task);
		assertThat(query("SELECT CHAR_LENGTH(arguments_json) + CHAR_LENGTH(trigger_json) FROM " + table()))
			.isEqualTo("0");
		assertThat(this.store.get("compact")).contains(task);
	}

	@Test
	void dateTriggerAwayFromTheNextRunTimeKeepsItsJson() {
		Task retrying = Task.builder()
			.id("retrying")
			.function(FUNCTION)
			.trigger(Triggers.at(NOW))
			.store(STORE_NAME)
			.nextRunTime(NOW.plusSeconds(90))
			.build();
		this.store.add(retrying);
		assertThat(query("SELECT trigger_json FROM " + table())).contains("runAt");
		assertThat(this.store.get("retrying")).contains(retrying);
	}

	@Test
	void rowWrittenInTheEarlierFullFormReadsAsTheTaskItHolds() {
		Instant runAt = NOW.plusSeconds(30);
		writeRaw(raw("full", runAt).withArgumentsJson("{\"args\":[],\"kwargs\":{}}")
			.withTriggerJson("{\"type\":\"date\",\"runAt\":\"" + runAt + "\"}")
			.withOptionsJson("{\"coalesce\":true,\"maxInstances\":1,\"misfireGraceTime\":\"PT1M\","
					+ "\"misfirePolicy\":\"RUN_IF_WITHIN_GRACE\"}"));
		assertThat(this.store.get("full")).contains(task("full", runAt));
	}

	@Test
	void fullFormatWritesEveryOptionAndTheArgumentsAndTriggerAsEarlierVersionsRequire() {
		JdbcTaskStore full = otherInstance("full-writer", WriteFormat.FULL);
		full.add(task("one", NOW.plusSeconds(30)));
		full.addAll(List.of(task("two", NOW.plusSeconds(40)), task("three", NOW.plusSeconds(50))));
		for (String id : List.of("one", "two", "three")) {
			assertFullRow(id);
		}
	}

	@Test
	void fullFormatRewritesACompactRowInFullWhenItChangesIt() {
		Task task = task("changed", NOW.plusSeconds(30));
		this.store.add(task);
		otherInstance("full-writer", WriteFormat.FULL).update(task.withNextRunTime(NOW.plusSeconds(60)));
		assertFullRow("changed");
	}

	@Test
	void compactFormatLeavesOutStandardOptions() {
		this.store.add(task("compact", NOW.plusSeconds(30)));
		FullFormAssertions.assertCompactOptions(query("SELECT options_json FROM " + table()));
	}

	@Test
	void tableWithRowsInBothFormsReadsEveryTaskWhicheverFormatTheReaderWrites() {
		Task compact = task("compact", NOW.plusSeconds(30));
		Task full = task("full", NOW.plusSeconds(40)).toBuilder()
			.args(List.<Object>of("user-1", 2))
			.trigger(Triggers.every(Duration.ofMinutes(5)))
			.build();
		this.store.add(compact);
		JdbcTaskStore fullWriter = otherInstance("full-writer", WriteFormat.FULL);
		fullWriter.add(full);
		for (TaskStore reader : List.of(this.store, fullWriter)) {
			assertThat(reader.get("compact")).contains(compact);
			assertThat(reader.get("full")).contains(full);
		}
		assertThat(this.store.acquireDueTasks(NOW.plusSeconds(60), 10)).extracting((due) -> due.task().id())
			.containsExactly("compact", "full");
		assertThat(quarantineEvents()).isEmpty();
	}

	private void assertFullRow(String id) {
		String where = " FROM " + table() + " WHERE id = '" + id + "'";
		FullFormAssertions.assertFullArguments(query("SELECT arguments_json" + where));
		FullFormAssertions.assertFullTrigger(query("SELECT trigger_json" + where));
		FullFormAssertions.assertFullOptions(query("SELECT options_json" + where));
	}

	@Test
	void rowWithoutTriggerJsonOrNextRunTimeIsQuarantinedNamingWhy() {
		writeRaw(raw("bad", null).withTriggerJson(""));
		assertThat(this.store.get("bad")).isEmpty();
		assertThat(quarantineEvents()).singleElement()
			.satisfies((event) -> assertThat(event.reason()).contains("no next run time"));
	}

	@Test
	void rowInAnUnknownStateIsQuarantinedWhenReadNamingTheState() {
		writeRaw(raw("odd", NOW).withState("BOGUS"));
		assertThat(this.store.count()).isZero();
		assertThat(this.store.get("odd")).isEmpty();
		assertQuarantined("odd", "'BOGUS'");
		assertThat(this.store.list(TaskQuery.first(10))).isEmpty();
		assertThat(this.store.listQuarantined(0, 10)).singleElement()
			.satisfies((quarantined) -> assertThat(quarantined.reason()).contains("BOGUS"));
	}

	@Test
	void rowInAnUnknownStateIsQuarantinedWhenTheStoreStarts() throws InterruptedException {
		writeRaw(raw("odd", NOW).withState("BOGUS"));
		JdbcTaskStore restarted = otherInstance("restarted-instance");
		restarted.awaitUnknownStatesScan();
		assertQuarantined("odd", "'BOGUS'");
	}

	@Test
	void rowInAnUnknownStateIsListedOnceAsItIsQuarantined() {
		writeRaw(raw("odd", null).withState("BOGUS"));
		this.store.add(task("good", null));
		assertThat(ids(this.store.list(TaskQuery.first(10)))).containsExactly("good");
		assertThat(ids(this.store.list(TaskQuery.first(10)))).containsExactly("good");
		assertQuarantined("odd", "BOGUS");
	}

	@Test
	void removeAllKeepsRowsInAnUnknownState() {
		writeRaw(raw("odd", NOW).withState("BOGUS"));
		this.store.removeAll();
		assertThat(stateOf("odd")).isEqualTo("BOGUS");
	}

	@Test
	void aRowIsQuarantinedOnceHoweverManyReadersFoundItUnreadable() {
		writeRaw(raw("bad", NOW).withArgumentsJson("{not json"));
		TaskRepository repository = new TaskRepository(new JdbcAccess(dataSource(), "test"),
				new TaskTable(expectedDialect(), this.prefix, Duration.ofMinutes(1)));
		TaskRow asRead = repository.find("bad").orElseThrow();
		assertThat(repository.quarantine(asRead, "first reader", NOW)).isTrue();
		assertThat(repository.quarantine(asRead, "second reader", NOW)).isFalse();
		assertThat(this.store.listQuarantined(0, 10)).singleElement()
			.satisfies((quarantined) -> assertThat(quarantined.reason()).isEqualTo("first reader"));
	}

	@Test
	void quarantineTimeIsKeptInItsOwnColumn() {
		writeRaw(raw("bad", NOW).withArgumentsJson("{not json"));
		assertThat(this.store.get("bad")).isEmpty();
		assertThat(query("SELECT quarantined_at FROM " + table() + " WHERE id = 'bad'")).isNotNull();
	}

	@Test
	void rowWithUnreadableArgumentsIsQuarantinedNotDeletedAndOthersStillRun() {
		this.store.add(task("bad", NOW.minusSeconds(2)));
		this.store.add(task("good", NOW.minusSeconds(1)));
		execute("UPDATE " + table() + " SET arguments_json = '{not json' WHERE id = 'bad'");
		assertThat(dueIds(this.store.acquireDueTasks(NOW, 10))).containsExactly("good");
		assertQuarantined("bad", "arguments");
	}

	@Test
	void rowWithUnknownTriggerTypeIsQuarantinedNotDeletedAndOthersStillRun() {
		this.store.add(task("bad", NOW.minusSeconds(2)));
		this.store.add(task("good", NOW.minusSeconds(1)));
		execute("UPDATE " + table() + " SET trigger_json = '{\"type\":\"lunar\"}' WHERE id = 'bad'");
		assertThat(dueIds(this.store.acquireDueTasks(NOW, 10))).containsExactly("good");
		assertQuarantined("bad", "trigger");
	}

	@Test
	void rowWithUnreadableFailureIsQuarantinedNotDeletedAndOthersStillRun() {
		this.store.add(retrying("bad", NOW.minusSeconds(2)));
		this.store.add(task("good", NOW.minusSeconds(1)));
		execute("UPDATE " + table() + " SET failure_json = '{\"attempts\":\"many\"}' WHERE id = 'bad'");
		assertThat(dueIds(this.store.acquireDueTasks(NOW, 10))).containsExactly("good");
		assertQuarantined("bad", "failure");
	}

	@Test
	void failedRowWithUnreadableFailureIsQuarantinedWhenListed() {
		this.store.add(failed("bad"));
		execute("UPDATE " + table() + " SET failure_json = 'not json' WHERE id = 'bad'");
		assertThat(this.store.list(new TaskQuery(null, TaskState.FAILED, 0, 10))).isEmpty();
		assertQuarantined("bad", "failure");
	}

	@Test
	void failureIsKeptInItsOwnColumnAndTheRowMarkedFailed() {
		this.store.add(failed("a"));
		assertThat(query("SELECT failure_json FROM " + table() + " WHERE id = 'a'")).contains("\"exhausted\":true");
		assertThat(stateOf("a")).isEqualTo("FAILED");
	}

	@Test
	void unreadableRowIsQuarantinedWhenReadById() {
		this.store.add(task("bad", null));
		execute("UPDATE " + table() + " SET arguments_json = '[]' WHERE id = 'bad'");
		assertThat(this.store.get("bad")).isEmpty();
		assertQuarantined("bad", "arguments");
	}

	@Test
	void unreadableRowIsLeftOutOfListings() {
		this.store.add(task("bad", NOW));
		this.store.add(task("good", NOW.plusSeconds(1)));
		execute("UPDATE " + table() + " SET trigger_json = 'null' WHERE id = 'bad'");
		assertThat(ids(this.store.list(TaskQuery.first(10)))).containsExactly("good");
		assertQuarantined("bad", "trigger");
	}

	@Test
	void removeAllKeepsQuarantinedRowsForInspection() {
		this.store.add(task("bad", NOW));
		execute("UPDATE " + table() + " SET arguments_json = '{not json' WHERE id = 'bad'");
		this.store.acquireDueTasks(NOW, 10);
		this.store.removeAll();
		assertThat(stateOf("bad")).isEqualTo("QUARANTINED");
	}

	@Test
	void tasksSurviveARestart() {
		Task scheduled = task("scheduled", NOW.plusSeconds(60));
		Task paused = task("paused", null);
		this.store.add(scheduled);
		this.store.add(paused);
		this.store.shutdown();
		JdbcTaskStore restarted = otherInstance("restarted-instance");
		assertThat(restarted.list(TaskQuery.first(10))).containsExactly(scheduled, paused);
		assertThat(restarted.nextRunTime()).contains(NOW.plusSeconds(60));
	}

	@Test
	void anotherInstanceDoesNotReceiveAClaimedTask() {
		this.store.add(task("a", NOW));
		JdbcTaskStore other = otherInstance("other-instance");
		assertThat(this.store.acquireDueTasks(NOW, 10)).hasSize(1);
		assertThat(other.acquireDueTasks(NOW, 10)).isEmpty();
	}

	@Test
	void anotherInstanceRecoversAClaimWhoseLeaseExpiredAndTheDeadHolderCannotCompleteIt() {
		Task task = task("a", NOW);
		this.store.add(task);
		Task claimed = this.store.acquireDueTasks(NOW, 10).get(0).task();
		expireLeases();
		JdbcTaskStore other = otherInstance("other-instance");
		assertThat(other.acquireDueTasks(NOW, 10)).containsExactly(new DueTask(task, true));
		this.store.complete(claimed);
		assertThat(this.store.get("a")).isPresent();
		other.complete(task);
		assertThat(this.store.get("a")).isEmpty();
	}

	@Test
	void nextRunTimeIsWhenAnotherInstancesLeaseRunsOut() {
		this.store.add(task("a", NOW));
		JdbcTaskStore other = otherInstance("other-instance");
		assertThat(other.acquireDueTasks(NOW, 10)).hasSize(1);
		// Leases last a minute by default; the database's clock times them, this
		// store's (controllable) clock receives the wake-up.
		assertThat(this.store.nextRunTime())
			.hasValueSatisfying((wakeUp) -> assertThat(wakeUp).isBetween(NOW.plusSeconds(50), NOW.plusSeconds(61)));
	}

	@Test
	void ownLeasesDoNotCountForTheNextRunTime() {
		this.store.add(task("a", NOW));
		assertThat(this.store.acquireDueTasks(NOW, 10)).hasSize(1);
		assertThat(this.store.nextRunTime()).isEmpty();
	}

	@Test
	void renewedLeaseKeepsAClaimFromOtherInstances() {
		this.store.add(task("a", NOW));
		this.store.acquireDueTasks(NOW, 10);
		expireLeases();
		((JdbcTaskStore) this.store).renewLeases();
		assertThat(otherInstance("other-instance").acquireDueTasks(NOW, 10)).isEmpty();
	}

	@Test
	void releaseFromAHolderWhoseClaimWasTakenOverIsIgnored() {
		this.store.add(task("a", NOW));
		Task claimed = this.store.acquireDueTasks(NOW, 10).get(0).task();
		expireLeases();
		JdbcTaskStore other = otherInstance("other-instance");
		Task recovered = other.acquireDueTasks(NOW, 10).get(0).task();
		Task byOther = recovered.withNextRunTime(NOW.plusSeconds(30));
		assertThat(other.release(recovered, byOther)).isTrue();
		assertThat(this.store.release(claimed, claimed.withNextRunTime(NOW.plusSeconds(3600)))).isFalse();
		assertThat(this.store.get("a")).contains(byOther);
	}

	@Test
	void updateOnAnotherInstanceWinsOverTheHoldersReleaseAndComplete() {
		this.store.add(task("a", NOW));
		Task claimed = this.store.acquireDueTasks(NOW, 10).get(0).task();
		JdbcTaskStore other = otherInstance("other-instance");
		Task updated = claimed.toBuilder().name("changed elsewhere").build();
		other.update(updated);
		assertThat(this.store.release(claimed, claimed.withNextRunTime(NOW.plusSeconds(3600)))).isFalse();
		this.store.complete(claimed);
		assertThat(this.store.get("a")).contains(updated);
	}

	@Test
	void tasksFinishingTogetherAreAllDeletedButOneChangedMeanwhileIsKept() throws Exception {
		for (int i = 0; i < 40; i++) {
			this.store.add(task("t" + i, NOW));
		}
		List<DueTask> claimed = this.store.acquireDueTasks(NOW, 40);
		Task changed = claimed.get(7).task().toBuilder().name("changed elsewhere").build();
		otherInstance("other-instance").update(changed);
		ExecutorService workers = Executors.newFixedThreadPool(8);
		try {
			CyclicBarrier start = new CyclicBarrier(8);
			List<Future<?>> finished = new ArrayList<>();
			for (int worker = 0; worker < 8; worker++) {
				int first = worker;
				finished.add(workers.submit(() -> {
					start.await();
					for (int i = first; i < claimed.size(); i += 8) {
						this.store.complete(claimed.get(i).task());
					}
					return null;
				}));
			}
			for (Future<?> future : finished) {
				future.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			workers.shutdownNow();
		}
		assertThat(this.store.list(TaskQuery.first(100))).containsExactly(changed);
	}

	@Test
	void concurrentAddsAreAllStoredAndATakenIdFailsOnlyItsOwnCaller() throws Exception {
		Task taken = task("taken", NOW.plusSeconds(60));
		this.store.add(taken);
		Queue<String> refused = new ConcurrentLinkedQueue<>();
		ExecutorService callers = Executors.newFixedThreadPool(16);
		try {
			CyclicBarrier start = new CyclicBarrier(16);
			List<Future<?>> adds = new ArrayList<>();
			for (int caller = 0; caller < 16; caller++) {
				int first = caller;
				adds.add(callers.submit(() -> {
					start.await();
					for (int i = 0; i < 25; i++) {
						this.store.add(task("c" + first + "-" + i, NOW.plusSeconds(i)));
						if (i == 10) {
							try {
								this.store.add(task("taken", NOW));
							}
							catch (ConflictingIdException ex) {
								refused.add(ex.getTaskId());
							}
						}
					}
					return null;
				}));
			}
			for (Future<?> add : adds) {
				add.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			callers.shutdownNow();
		}
		assertThat(refused).hasSize(16).containsOnly("taken");
		assertThat(this.store.count()).isEqualTo(16 * 25 + 1);
		assertThat(this.store.get("taken")).contains(taken);
	}

	@Test
	void aGroupOfFinishedTasksIsDeletedInOneGoExceptARowChangedSinceItsClaim() {
		for (String id : List.of("a", "b", "c")) {
			this.store.add(task(id, NOW));
		}
		List<DueTask> claimed = this.store.acquireDueTasks(NOW, 3);
		Task changed = claimed.get(1).task().toBuilder().name("changed elsewhere").build();
		otherInstance("other-instance").update(changed);
		TaskRepository repository = new TaskRepository(new JdbcAccess(dataSource(), "test"),
				new TaskTable(expectedDialect(), this.prefix, Duration.ofMinutes(1)));
		CommitGroup<Completion> group = new CommitGroup<>((rows) -> repository.deleteClaimed("contract-instance", rows),
				false, 1);
		List<String> ids = claimed.stream().map((due) -> due.task().id()).toList();
		// Versions as the claim left them: one more than the rows were added with.
		group.write(completion(ids.get(0), 1));
		assertThat(this.store.get(ids.get(0))).isEmpty();
		repository.deleteClaimed("contract-instance", List.of(completion(ids.get(1), 1), completion(ids.get(2), 1)));
		assertThat(this.store.list(TaskQuery.first(10))).containsExactly(changed);
	}

	private static Completion completion(String id, long version) {
		return new Completion(id, version);
	}

	@Test
	void schemaInitialisationAddsTheFailureColumnToATableCreatedWithoutIt() {
		this.store.add(task("before", NOW));
		execute("ALTER TABLE " + table() + " DROP COLUMN failure_json");
		((JdbcTaskStore) this.store).initializeSchema();
		Task failed = failed("after");
		this.store.add(failed);
		assertThat(this.store.get("after")).contains(failed);
		assertThat(this.store.get("before")).contains(task("before", NOW));
	}

	@Test
	void schemaInitialisationAddsTheQuarantineTimeColumnAndRowsQuarantinedBeforeHaveNoTime() {
		this.store.add(task("old", NOW));
		execute("ALTER TABLE " + table() + " DROP COLUMN quarantined_at");
		execute("UPDATE " + table() + " SET state = 'QUARANTINED', quarantine_reason = 'unreadable' WHERE id = 'old'");
		((JdbcTaskStore) this.store).initializeSchema();
		assertThat(this.store.listQuarantined(0, 10)).singleElement().satisfies((quarantined) -> {
			assertThat(quarantined.reason()).isEqualTo("unreadable");
			assertThat(quarantined.quarantinedAt()).isNull();
		});
		assertThat(this.store.retryQuarantined("old")).isEqualTo(task("old", NOW));
	}

	@Test
	void schemaInitialisationCanRunAgain() {
		this.store.add(task("a", NOW));
		((JdbcTaskStore) this.store).initializeSchema();
		assertThat(this.store.count()).isOne();
	}

	@Test
	void searchAndCountsAreAnsweredByTheDatabaseNotByTheSpiDefaults() {
		this.store.add(task("user-1:due", NOW.minusSeconds(5)));
		this.store.add(task("user-1:later", NOW.plusSeconds(60)));
		this.store.add(failed("user-2:failed"));
		this.store.acquireDueTasks(NOW, 10);
		TaskSearchResult running = this.store
			.search(new TaskSearch(null, TaskSearch.Status.RUNNING, "user-1:", null, 0, 10));
		assertThat(running.complete()).isTrue();
		assertThat(running.tasks()).extracting(Task::id).containsExactly("user-1:due");
		assertThat(this.store.countByStatus()).containsExactlyInAnyOrderEntriesOf(Map.of(TaskSearch.Status.SCHEDULED,
				1L, TaskSearch.Status.RUNNING, 1L, TaskSearch.Status.PAUSED, 0L, TaskSearch.Status.FAILED, 1L));
	}

	@Test
	void dialectIsDetectedFromTheConnection() {
		assertThat(((JdbcTaskStore) this.store).dialect()).isEqualTo(expectedDialect());
	}

	/**
	 * The dialect this database should be detected as.
	 * @return the dialect
	 */
	protected abstract JdbcDialect expectedDialect();

	private void assertQuarantined(String id, String reasonMentions) {
		assertThat(this.events).singleElement().isInstanceOfSatisfying(TaskQuarantined.class, (event) -> {
			assertThat(event.taskId()).isEqualTo(id);
			assertThat(event.store()).isEqualTo(STORE_NAME);
			assertThat(event.reason()).containsIgnoringCase(reasonMentions);
		});
		assertThat(stateOf(id)).isEqualTo("QUARANTINED");
		assertThat(this.store.get(id)).isEmpty();
		assertThat(this.store.count()).isEqualTo(countRows() - 1);
	}

	protected String stateOf(String id) {
		return query("SELECT state FROM " + table() + " WHERE id = '" + id + "'");
	}

	private long countRows() {
		return Long.parseLong(query("SELECT COUNT(*) FROM " + table()));
	}

	protected String query(String sql) {
		try (Connection connection = dataSource().getConnection();
				PreparedStatement statement = connection.prepareStatement(sql);
				ResultSet resultSet = statement.executeQuery()) {
			assertThat(resultSet.next()).as("a row from %s", sql).isTrue();
			return resultSet.getString(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	protected void execute(String sql) {
		try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
	}

}
