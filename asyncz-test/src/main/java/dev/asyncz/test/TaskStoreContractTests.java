package dev.asyncz.test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.asyncz.core.ControllableClock;
import dev.asyncz.event.SchedulerEvent;
import dev.asyncz.event.TaskQuarantined;
import dev.asyncz.store.CorruptTaskException;
import dev.asyncz.store.DueTask;
import dev.asyncz.store.QuarantinedTask;
import dev.asyncz.store.StoreContext;
import dev.asyncz.store.TaskCodec;
import dev.asyncz.store.TaskQuery;
import dev.asyncz.store.TaskSearch;
import dev.asyncz.store.TaskSearchResult;
import dev.asyncz.store.TaskState;
import dev.asyncz.store.TaskStore;
import dev.asyncz.task.ConflictingIdException;
import dev.asyncz.task.FireTimes;
import dev.asyncz.task.MisfirePolicy;
import dev.asyncz.task.RetryPolicy;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskFailure;
import dev.asyncz.task.TaskFunctions;
import dev.asyncz.task.TaskNotFoundException;
import dev.asyncz.task.TaskOptions;
import dev.asyncz.trigger.Triggers;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The behaviour every {@link TaskStore} shares. A store's test extends this class and
 * says how to create the store; everything else is specified here, so all stores agree.
 *
 * <p>
 * Each test gets a fresh store from {@link #createStore()}, started with a context whose
 * clock stands at {@link #NOW} and whose functions include {@link #FUNCTION} and
 * {@link #OTHER_FUNCTION}; {@link #destroyStore} shuts it down afterwards and is the
 * place to clean up tables or keys. Stores with leases override {@link #expireLeases()}
 * to run the lease-expiry tests.
 */
public abstract class TaskStoreContractTests {

	/** The name the store is started under; tasks carry it. */
	protected static final String STORE_NAME = "contract";

	/** The scheduler's time during a test; has microseconds, as stores must keep them. */
	protected static final Instant NOW = Instant.parse("2031-03-14T15:09:26.535897Z");

	/** A registered function. */
	protected static final String FUNCTION = "send-reminder";

	/** Another registered function. */
	protected static final String OTHER_FUNCTION = "build-report";

	/** The scheduler's clock, standing at {@link #NOW}. */
	protected final ControllableClock clock = new ControllableClock(NOW);

	/** The registered functions. */
	protected final TaskFunctions functions = new TaskFunctions();

	/** Events the store published. */
	protected final List<SchedulerEvent> events = new CopyOnWriteArrayList<>();

	/** The store under test, started. */
	protected TaskStore store;

	/**
	 * Creates the store under test, not yet started, over empty storage.
	 * @return the store
	 */
	protected abstract TaskStore createStore();

	/**
	 * Shuts the store down and cleans up its storage.
	 * @param store the store from {@link #createStore()}
	 */
	protected void destroyStore(TaskStore store) {
		store.shutdown();
	}

	/**
	 * Makes every current claim's lease run out, as if its holder had died. Stores
	 * without leases keep this default, which skips the tests that need it.
	 */
	protected void expireLeases() {
		Assumptions.abort("this store has no leases");
	}

	/**
	 * Claims every due task through another instance's store over the same storage, which
	 * then stops without ending its claims: an instance that dies while its runs go on.
	 */
	private void claimByAnInstanceThatDies() {
		// Skips the test for a store without leases: its claims die with it.
		expireLeases();
		TaskStore holder = createStore();
		holder.start(context("instance-that-dies"));
		try {
			assertThat(holder.acquireDueTasks(NOW, 10)).isNotEmpty();
		}
		finally {
			holder.shutdown();
		}
	}

	/**
	 * Writes stored data as-is, bypassing the store's checks, as a person with access to
	 * the storage (or an older or broken version) could: a new entry, or new data for an
	 * entry already held, which stays quarantined if it is. The data is indexed as due at
	 * its next run time, or as paused without one. Stores whose data is never read back
	 * (the memory store) keep this default, which skips the tests that need it.
	 * @param raw the data
	 */
	protected void writeRaw(RawTask raw) {
		Assumptions.abort("this store keeps no data that could be unreadable");
	}

	/**
	 * Readable raw data of a one-shot task calling {@link #FUNCTION}.
	 * @param id the id
	 * @param nextRunTime the next run time, or {@code null} for a paused task
	 * @return the data
	 */
	protected static RawTask raw(String id, @Nullable Instant nextRunTime) {
		return RawTask.of(task(id, nextRunTime), new TaskCodec());
	}

	/**
	 * A context such as the scheduler passes, with this test's clock, functions and event
	 * list.
	 * @param instanceId the instance the context belongs to
	 * @return the context
	 */
	protected StoreContext context(String instanceId) {
		return new StoreContext(STORE_NAME, instanceId, this.clock, this.functions, new TaskCodec(), this.events::add,
				() -> {
				});
	}

	/**
	 * A one-shot task calling {@link #FUNCTION}.
	 * @param id the id
	 * @param nextRunTime the next run time, or {@code null} for a paused task
	 * @return the task
	 */
	protected static Task task(String id, @Nullable Instant nextRunTime) {
		return Task.builder()
			.id(id)
			.function(FUNCTION)
			.trigger(Triggers.at((nextRunTime != null) ? nextRunTime : NOW))
			.store(STORE_NAME)
			.nextRunTime(nextRunTime)
			.build();
	}

	@BeforeEach
	void startStore() {
		this.functions.register(FUNCTION, (context) -> null);
		this.functions.register(OTHER_FUNCTION, (context) -> null);
		this.store = createStore();
		this.store.start(context("contract-instance"));
	}

	@AfterEach
	void stopStore() {
		destroyStore(this.store);
	}

	@Test
	void addedTaskIsReturnedByIdUnchanged() {
		Task task = task("a", NOW.plusSeconds(60));
		this.store.add(task);
		assertThat(this.store.get("a")).contains(task);
	}

	@Test
	void unknownIdIsNotFound() {
		assertThat(this.store.get("missing")).isEmpty();
	}

	@Test
	void addingATakenIdFailsAndKeepsTheFirstTask() {
		Task first = task("a", NOW.plusSeconds(60));
		this.store.add(first);
		assertThatExceptionOfType(ConflictingIdException.class).isThrownBy(() -> this.store.add(task("a", NOW)))
			.satisfies((ex) -> assertThat(ex.getTaskId()).isEqualTo("a"));
		assertThat(this.store.get("a")).contains(first);
	}

	@Test
	void addAllStoresEveryTask() {
		List<Task> tasks = new ArrayList<>();
		for (int i = 0; i < 2_500; i++) {
			tasks.add(task("bulk-" + i, (i % 10 == 0) ? null : NOW.plusSeconds(i)));
		}
		this.store.addAll(tasks);
		assertThat(this.store.count()).isEqualTo(2_500);
		assertThat(this.store.get("bulk-0")).contains(tasks.get(0));
		assertThat(this.store.get("bulk-2499")).contains(tasks.get(2_499));
		assertThat(this.store.nextRunTime()).contains(NOW.plusSeconds(1));
	}

	@Test
	void addAllWithATakenIdNamesItAndKeepsTheStoredTask() {
		Task first = task("taken", NOW.plusSeconds(60));
		this.store.add(first);
		List<Task> tasks = new ArrayList<>();
		for (int i = 0; i < 1_500; i++) {
			tasks.add(task((i == 1_200) ? "taken" : "bulk-" + i, NOW.plusSeconds(i)));
		}
		assertThatExceptionOfType(ConflictingIdException.class).isThrownBy(() -> this.store.addAll(tasks))
			.satisfies((ex) -> assertThat(ex.getTaskId()).isEqualTo("taken"));
		assertThat(this.store.get("taken")).contains(first);
		if (addsAllOrNothing()) {
			assertThat(this.store.count()).isEqualTo(1);
			assertThat(this.store.get("bulk-0")).isEmpty();
		}
	}

	/**
	 * Whether {@link TaskStore#addAll} adds none of its tasks when one id is taken; a
	 * store that keeps the SPI's default adds the ones before it.
	 * @return true unless overridden
	 */
	protected boolean addsAllOrNothing() {
		return true;
	}

	@Test
	void updateReplacesTheStoredTask() {
		this.store.add(task("a", NOW.plusSeconds(60)));
		Task changed = task("a", NOW.plusSeconds(120)).toBuilder()
			.name("renamed")
			.options(TaskOptions.STANDARD.withMaxInstances(2))
			.build();
		this.store.update(changed);
		assertThat(this.store.get("a")).contains(changed);
	}

	@Test
	void updatingAnUnknownTaskFails() {
		assertThatExceptionOfType(TaskNotFoundException.class).isThrownBy(() -> this.store.update(task("a", NOW)));
	}

	@Test
	void removeDeletesTheTaskAndSaysItDid() {
		this.store.add(task("a", NOW));
		assertThat(this.store.remove("a")).isTrue();
		assertThat(this.store.get("a")).isEmpty();
		assertThat(this.store.count()).isZero();
	}

	@Test
	void removingAnUnknownTaskSaysNothingWasRemoved() {
		assertThat(this.store.remove("missing")).isFalse();
	}

	@Test
	void removeAllLeavesNoTask() {
		this.store.add(task("a", NOW));
		this.store.add(task("b", null));
		this.store.removeAll();
		assertThat(this.store.count()).isZero();
		assertThat(this.store.list(TaskQuery.first(10))).isEmpty();
		assertThat(this.store.nextRunTime()).isEmpty();
	}

	@Test
	void countIncludesPausedTasks() {
		this.store.add(task("a", NOW));
		this.store.add(task("b", NOW.plusSeconds(5)));
		this.store.add(task("c", null));
		assertThat(this.store.count()).isEqualTo(3);
	}

	@Test
	void listOrdersByNextRunTimeWithPausedTasksLast() {
		this.store.add(task("paused", null));
		this.store.add(task("late", NOW.plusSeconds(300)));
		this.store.add(task("early", NOW.minusSeconds(300)));
		this.store.add(task("middle", NOW));
		assertThat(ids(this.store.list(TaskQuery.first(10)))).containsExactly("early", "middle", "late", "paused");
	}

	@Test
	void listReturnsTheRequestedPage() {
		for (int i = 0; i < 7; i++) {
			this.store.add(task("t" + i, NOW.plusSeconds(i)));
		}
		assertThat(ids(this.store.list(new TaskQuery(null, null, 0, 3)))).containsExactly("t0", "t1", "t2");
		assertThat(ids(this.store.list(new TaskQuery(null, null, 3, 3)))).containsExactly("t3", "t4", "t5");
		assertThat(ids(this.store.list(new TaskQuery(null, null, 6, 3)))).containsExactly("t6");
		assertThat(this.store.list(new TaskQuery(null, null, 9, 3))).isEmpty();
	}

	@Test
	void listFiltersByFunction() {
		this.store.add(task("a", NOW));
		this.store.add(task("b", NOW.plusSeconds(1)).toBuilder().function(OTHER_FUNCTION).build());
		this.store.add(task("c", null).toBuilder().function(OTHER_FUNCTION).build());
		assertThat(ids(this.store.list(new TaskQuery(OTHER_FUNCTION, null, 0, 10)))).containsExactly("b", "c");
	}

	@Test
	void listFiltersByState() {
		this.store.add(task("scheduled", NOW));
		this.store.add(task("paused", null));
		assertThat(ids(this.store.list(new TaskQuery(null, TaskState.SCHEDULED, 0, 10)))).containsExactly("scheduled");
		assertThat(ids(this.store.list(new TaskQuery(null, TaskState.PAUSED, 0, 10)))).containsExactly("paused");
	}

	@Test
	void nextRunTimeIsTheEarliestOfUnpausedTasks() {
		this.store.add(task("paused", null));
		this.store.add(task("late", NOW.plusSeconds(300)));
		this.store.add(task("early", NOW.plusSeconds(30)));
		assertThat(this.store.nextRunTime()).contains(NOW.plusSeconds(30));
	}

	@Test
	void nextRunTimeIsEmptyWhenOnlyPausedTasksExist() {
		this.store.add(task("paused", null));
		assertThat(this.store.nextRunTime()).isEmpty();
	}

	@Test
	void nextRunTimeSkipsClaimedTasks() {
		this.store.add(task("claimed", NOW.minusSeconds(10)));
		this.store.add(task("waiting", NOW.plusSeconds(30)));
		this.store.acquireDueTasks(NOW, 1);
		assertThat(this.store.nextRunTime()).contains(NOW.plusSeconds(30));
	}

	@Test
	void acquireReturnsTasksDueByNowEarliestFirst() {
		this.store.add(task("future", NOW.plusNanos(1000)));
		this.store.add(task("exactly-now", NOW));
		this.store.add(task("overdue", NOW.minusSeconds(60)));
		this.store.add(task("paused", null));
		assertThat(dueIds(this.store.acquireDueTasks(NOW, 10))).containsExactly("overdue", "exactly-now");
	}

	@Test
	void acquireReturnsAtMostTheLimit() {
		for (int i = 0; i < 5; i++) {
			this.store.add(task("t" + i, NOW.minusSeconds(10 - i)));
		}
		assertThat(dueIds(this.store.acquireDueTasks(NOW, 2))).containsExactly("t0", "t1");
		assertThat(dueIds(this.store.acquireDueTasks(NOW, 10))).containsExactly("t2", "t3", "t4");
	}

	@Test
	void acquiredTaskIsHandedOutAsStored() {
		Task task = task("a", NOW.minusSeconds(1));
		this.store.add(task);
		assertThat(this.store.acquireDueTasks(NOW, 10)).containsExactly(new DueTask(task, false));
	}

	@Test
	void claimedTaskIsNotHandedOutAgain() {
		this.store.add(task("a", NOW));
		assertThat(this.store.acquireDueTasks(NOW, 10)).hasSize(1);
		assertThat(this.store.acquireDueTasks(NOW.plusSeconds(3600), 10)).isEmpty();
	}

	@Test
	void claimedTaskIsStillListedAndCounted() {
		Task task = task("a", NOW);
		this.store.add(task);
		this.store.acquireDueTasks(NOW, 10);
		assertThat(this.store.get("a")).contains(task);
		assertThat(this.store.count()).isOne();
	}

	@Test
	void updateEndsTheClaim() {
		this.store.add(task("a", NOW));
		Task claimed = this.store.acquireDueTasks(NOW, 10).get(0).task();
		Task rescheduled = claimed.withNextRunTime(NOW.plusSeconds(60));
		this.store.update(rescheduled);
		assertThat(this.store.get("a")).contains(rescheduled);
		assertThat(this.store.nextRunTime()).contains(NOW.plusSeconds(60));
		assertThat(dueIds(this.store.acquireDueTasks(NOW.plusSeconds(60), 10))).containsExactly("a");
	}

	@Test
	void updatePausingAClaimedTaskKeepsItFromBeingAcquired() {
		this.store.add(task("a", NOW));
		Task claimed = this.store.acquireDueTasks(NOW, 10).get(0).task();
		this.store.update(claimed.withNextRunTime(null));
		assertThat(this.store.acquireDueTasks(NOW.plusSeconds(3600), 10)).isEmpty();
		assertThat(ids(this.store.list(new TaskQuery(null, TaskState.PAUSED, 0, 10)))).containsExactly("a");
	}

	@Test
	void releaseStoresTheNextStateAndEndsTheClaim() {
		this.store.add(task("a", NOW));
		Task claimed = this.store.acquireDueTasks(NOW, 10).get(0).task();
		Task next = claimed.withNextRunTime(NOW.plusSeconds(60));
		assertThat(this.store.release(claimed, next)).isTrue();
		assertThat(this.store.get("a")).contains(next);
		assertThat(this.store.nextRunTime()).contains(NOW.plusSeconds(60));
		assertThat(dueIds(this.store.acquireDueTasks(NOW.plusSeconds(60), 10))).containsExactly("a");
	}

	@Test
	void releaseKeepsAnUpdateMadeSinceTheClaim() {
		this.store.add(task("a", NOW));
		Task claimed = this.store.acquireDueTasks(NOW, 10).get(0).task();
		Task updated = claimed.toBuilder().name("changed by a person").nextRunTime(NOW.plusSeconds(30)).build();
		this.store.update(updated);
		assertThat(this.store.release(claimed, claimed.withNextRunTime(NOW.plusSeconds(3600)))).isFalse();
		assertThat(this.store.get("a")).contains(updated);
	}

	@Test
	void releaseDoesNotBringBackARemovedTask() {
		this.store.add(task("a", NOW));
		Task claimed = this.store.acquireDueTasks(NOW, 10).get(0).task();
		this.store.remove("a");
		assertThat(this.store.release(claimed, claimed.withNextRunTime(NOW.plusSeconds(60)))).isFalse();
		assertThat(this.store.get("a")).isEmpty();
	}

	@Test
	void releaseOfATaskThatIsNotClaimedStoresNothing() {
		Task task = task("a", NOW.plusSeconds(60));
		this.store.add(task);
		assertThat(this.store.release(task, task.withNextRunTime(NOW.plusSeconds(120)))).isFalse();
		assertThat(this.store.get("a")).contains(task);
	}

	@Test
	void completeRemovesAnUnchangedClaimedTask() {
		this.store.add(task("a", NOW));
		Task claimed = this.store.acquireDueTasks(NOW, 10).get(0).task();
		this.store.complete(claimed);
		assertThat(this.store.get("a")).isEmpty();
		assertThat(this.store.count()).isZero();
	}

	@Test
	void completeKeepsATaskUpdatedSinceItWasClaimed() {
		this.store.add(task("a", NOW));
		Task claimed = this.store.acquireDueTasks(NOW, 10).get(0).task();
		Task changed = claimed.withNextRunTime(NOW.plusSeconds(60));
		this.store.update(changed);
		this.store.complete(claimed);
		assertThat(this.store.get("a")).contains(changed);
	}

	@Test
	void completeKeepsATaskReplacedSinceItWasClaimed() {
		this.store.add(task("a", NOW));
		Task claimed = this.store.acquireDueTasks(NOW, 10).get(0).task();
		Task replacement = task("a", NOW.plusSeconds(60));
		this.store.remove("a");
		this.store.add(replacement);
		this.store.complete(claimed);
		assertThat(this.store.get("a")).contains(replacement);
	}

	@Test
	void completeOfAnEarlierRunKeepsTheTaskClaimedAgainForALaterRun() {
		this.store.add(task("a", NOW));
		Task first = this.store.acquireDueTasks(NOW, 10).get(0).task();
		this.store.update(first.withNextRunTime(NOW.plusSeconds(1)));
		Task second = this.store.acquireDueTasks(NOW.plusSeconds(1), 10).get(0).task();
		this.store.complete(first);
		assertThat(this.store.get("a")).contains(second);
		this.store.complete(second);
		assertThat(this.store.get("a")).isEmpty();
	}

	@Test
	void releaseOfAnEarlierRunLeavesTheTaskClaimedAgainForALaterRun() {
		this.store.add(task("a", NOW));
		Task first = this.store.acquireDueTasks(NOW, 10).get(0).task();
		this.store.update(first.withNextRunTime(NOW.plusSeconds(1)));
		Task second = this.store.acquireDueTasks(NOW.plusSeconds(1), 10).get(0).task();
		assertThat(this.store.release(first, first.withNextRunTime(NOW.plusSeconds(60)))).isFalse();
		assertThat(this.store.get("a")).contains(second);
		assertThat(this.store.acquireDueTasks(NOW.plusSeconds(60), 10)).as("still claimed").isEmpty();
	}

	@Test
	void freshlyAcquiredTasksAreNotRecovered() {
		this.store.add(task("a", NOW));
		assertThat(this.store.acquireDueTasks(NOW, 10)).extracting(DueTask::recovered).containsExactly(false);
	}

	@Test
	void taskWhoseLeaseExpiredIsHandedOutAgainAsRecovered() {
		Task task = task("a", NOW);
		this.store.add(task);
		claimByAnInstanceThatDies();
		expireLeases();
		assertThat(this.store.nextRunTime()).contains(NOW);
		assertThat(this.store.acquireDueTasks(NOW, 10)).containsExactly(new DueTask(task, true));
	}

	@Test
	void recoveredTaskIsNotHandedOutTwice() {
		this.store.add(task("a", NOW));
		claimByAnInstanceThatDies();
		expireLeases();
		assertThat(this.store.acquireDueTasks(NOW, 10)).hasSize(1);
		assertThat(this.store.acquireDueTasks(NOW, 10)).isEmpty();
	}

	@Test
	void ownClaimWhoseLeaseRanOutIsTakenBackNotHandedOutAgain() {
		this.store.add(task("a", NOW));
		Task claimed = this.store.acquireDueTasks(NOW, 10).get(0).task();
		expireLeases();
		assertThat(this.store.acquireDueTasks(NOW, 10)).isEmpty();
		this.store.complete(claimed);
		assertThat(this.store.get("a")).isEmpty();
	}

	@Test
	void ownClaimTakenBackIsReleasedByTheRunThatHeldIt() {
		this.store.add(task("a", NOW));
		Task claimed = this.store.acquireDueTasks(NOW, 10).get(0).task();
		expireLeases();
		this.store.acquireDueTasks(NOW, 10);
		Task next = claimed.withNextRunTime(NOW.plusSeconds(60));
		assertThat(this.store.release(claimed, next)).isTrue();
		assertThat(this.store.get("a")).contains(next);
		assertThat(this.store.acquireDueTasks(NOW.plusSeconds(60), 10)).containsExactly(new DueTask(next, false));
	}

	@Test
	void argumentsOfEveryJsonShapeRoundTrip() {
		Map<String, @Nullable Object> nested = new LinkedHashMap<>();
		nested.put("list", List.of(1, "two", false));
		nested.put("none", null);
		nested.put("inner", Map.of("depth", 2));
		List<@Nullable Object> args = Arrays.asList("text", 42, 3.5, true, null, List.of("x", "y"), nested);
		Map<String, @Nullable Object> kwargs = new LinkedHashMap<>();
		kwargs.put("userId", "u-17");
		kwargs.put("missing", null);
		kwargs.put("options", nested);
		Task task = task("a", NOW).toBuilder().args(args).kwargs(kwargs).build();
		this.store.add(task);
		Task read = this.store.get("a").orElseThrow();
		assertThat(read.args()).isEqualTo(args);
		assertThat(read.kwargs()).isEqualTo(kwargs);
		assertThat(this.store.acquireDueTasks(NOW, 1).get(0).task()).isEqualTo(task);
	}

	@Test
	void everyTaskOptionRoundTrips() {
		Task task = task("a", NOW).toBuilder()
			.name("Send the reminder")
			.function(OTHER_FUNCTION)
			.executor("blocking")
			.options(new TaskOptions(false, 3, Duration.ofMillis(2500), MisfirePolicy.SKIP_IF_LATE,
					RetryPolicy.exponential(5, Duration.ofSeconds(2), Duration.ofMinutes(3))
						.withJitter(0.25)
						.retryOn(IllegalStateException.class)
						.noRetryOn(IllegalArgumentException.class),
					Duration.ofSeconds(90)))
			.build();
		this.store.add(task);
		assertThat(this.store.get("a")).contains(task);
	}

	@Test
	void taskWithoutMisfireGraceTimeRoundTrips() {
		Task task = task("a", NOW).toBuilder().options(TaskOptions.STANDARD.withMisfireGraceTime(null)).build();
		this.store.add(task);
		assertThat(this.store.get("a").orElseThrow().options().misfireGraceTime()).isEqualTo(TaskOptions.NO_LIMIT);
	}

	@Test
	void farFutureRunTimesRoundTrip() {
		Instant farFuture = Instant.parse("2200-01-01T00:00:00.000001Z");
		Task task = task("a", farFuture);
		this.store.add(task);
		assertThat(this.store.get("a")).contains(task);
		assertThat(this.store.nextRunTime()).contains(farFuture);
		assertThat(this.store.acquireDueTasks(NOW, 1)).isEmpty();
		assertThat(dueIds(this.store.acquireDueTasks(farFuture, 1))).containsExactly("a");
	}

	@Test
	void runTimesKeepMicroseconds() {
		Instant precise = NOW.plusNanos(1_000);
		this.store.add(task("a", precise));
		assertThat(this.store.get("a").orElseThrow().nextRunTime()).isEqualTo(precise);
		assertThat(this.store.nextRunTime()).contains(precise);
		assertThat(this.store.acquireDueTasks(NOW, 1)).isEmpty();
		assertThat(dueIds(this.store.acquireDueTasks(precise, 1))).containsExactly("a");
	}

	@Test
	void concurrentAcquirersNeverReceiveTheSameTaskTwice() throws Exception {
		int taskCount = 300;
		int threads = 8;
		for (int i = 0; i < taskCount; i++) {
			this.store.add(task("t" + i, NOW.minusMillis(i % 17)));
		}
		Queue<String> acquired = new ConcurrentLinkedQueue<>();
		AtomicInteger total = new AtomicInteger();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				workers.add(pool.submit(() -> {
					start.await();
					long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
					while (total.get() < taskCount && System.nanoTime() < deadline) {
						List<DueTask> batch = this.store.acquireDueTasks(NOW, 7);
						batch.forEach((due) -> acquired.add(due.task().id()));
						total.addAndGet(batch.size());
						if (batch.isEmpty()) {
							Thread.onSpinWait();
						}
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> worker : workers) {
				worker.get(90, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		Set<String> distinct = new HashSet<>(acquired);
		assertThat(acquired).hasSize(distinct.size());
		assertThat(distinct).hasSize(taskCount);
	}

	@Test
	void failedTaskRoundTripsWithItsFailure() {
		Task failed = failed("a");
		this.store.add(failed);
		assertThat(this.store.get("a")).contains(failed);
	}

	@Test
	void failedTaskIsNeitherDueNorTheNextRunTime() {
		this.store.add(failed("a"));
		assertThat(this.store.nextRunTime()).isEmpty();
		assertThat(this.store.acquireDueTasks(NOW.plusSeconds(3600), 10)).isEmpty();
	}

	@Test
	void releaseStoresTheFailedStateOfAClaimedTask() {
		this.store.add(task("a", NOW));
		Task claimed = this.store.acquireDueTasks(NOW, 10).get(0).task();
		Task failed = claimed.withNextRun(null, failure(NOW, 3, true));
		assertThat(this.store.release(claimed, failed)).isTrue();
		assertThat(this.store.get("a")).contains(failed);
		assertThat(this.store.nextRunTime()).isEmpty();
		assertThat(this.store.acquireDueTasks(NOW.plusSeconds(3600), 10)).isEmpty();
	}

	@Test
	void failedTaskIsListedAsFailedOnly() {
		this.store.add(task("scheduled", NOW));
		this.store.add(failed("failed"));
		assertThat(ids(this.store.list(new TaskQuery(null, TaskState.FAILED, 0, 10)))).containsExactly("failed");
		assertThat(ids(this.store.list(new TaskQuery(null, TaskState.PAUSED, 0, 10)))).isEmpty();
		assertThat(ids(this.store.list(new TaskQuery(null, TaskState.SCHEDULED, 0, 10)))).containsExactly("scheduled");
	}

	@Test
	void pausedTaskIsNotListedAsFailed() {
		this.store.add(task("paused", null));
		this.store.add(failed("failed"));
		assertThat(ids(this.store.list(new TaskQuery(null, TaskState.PAUSED, 0, 10)))).containsExactly("paused");
		assertThat(ids(this.store.list(new TaskQuery(null, TaskState.FAILED, 0, 10)))).containsExactly("failed");
	}

	@Test
	void failedTasksAreListedAfterScheduledOnesWithPausedOnesById() {
		this.store.add(failed("b-failed"));
		this.store.add(task("c-paused", null));
		this.store.add(task("a-paused", null));
		this.store.add(task("scheduled", NOW));
		assertThat(ids(this.store.list(TaskQuery.first(10)))).containsExactly("scheduled", "a-paused", "b-failed",
				"c-paused");
	}

	@Test
	void listingFailedTasksPagesAndFiltersByFunction() {
		for (int i = 0; i < 5; i++) {
			this.store.add(failed("f" + i));
			this.store.add(task("p" + i, null));
		}
		this.store.add(failed("other").toBuilder().function(OTHER_FUNCTION).build());
		assertThat(ids(this.store.list(new TaskQuery(FUNCTION, TaskState.FAILED, 1, 3)))).containsExactly("f1", "f2",
				"f3");
	}

	@Test
	void countIncludesFailedTasks() {
		this.store.add(task("scheduled", NOW));
		this.store.add(task("paused", null));
		this.store.add(failed("failed"));
		assertThat(this.store.count()).isEqualTo(3);
	}

	@Test
	void taskWaitingForARetryRoundTrips() {
		Task retrying = retrying("a", NOW.plusSeconds(10));
		this.store.add(retrying);
		assertThat(this.store.get("a")).contains(retrying);
		assertThat(ids(this.store.list(new TaskQuery(null, TaskState.SCHEDULED, 0, 10)))).containsExactly("a");
	}

	@Test
	void taskWaitingForARetryIsHandedOutWhenTheRetryIsDue() {
		Task retrying = retrying("a", NOW.plusSeconds(10));
		this.store.add(retrying);
		assertThat(this.store.nextRunTime()).contains(NOW.plusSeconds(10));
		assertThat(this.store.acquireDueTasks(NOW, 10)).isEmpty();
		assertThat(this.store.acquireDueTasks(NOW.plusSeconds(10), 10)).containsExactly(new DueTask(retrying, false));
	}

	@Test
	void releaseStoresARetryThatIsHandedOutWhenDue() {
		this.store.add(task("a", NOW));
		Task claimed = this.store.acquireDueTasks(NOW, 10).get(0).task();
		Task retry = claimed.withNextRun(NOW.plusSeconds(10), failure(NOW, 1, false));
		assertThat(this.store.release(claimed, retry)).isTrue();
		assertThat(this.store.get("a")).contains(retry);
		assertThat(this.store.acquireDueTasks(NOW.plusSeconds(10), 10)).containsExactly(new DueTask(retry, false));
	}

	@Test
	void releaseWithoutAFailureClearsTheStoredOne() {
		this.store.add(retrying("a", NOW));
		Task claimed = this.store.acquireDueTasks(NOW, 10).get(0).task();
		Task succeeded = claimed.withNextRun(NOW.plusSeconds(60), null);
		assertThat(this.store.release(claimed, succeeded)).isTrue();
		assertThat(this.store.get("a")).contains(succeeded);
	}

	@Test
	void releaseOfTheClaimedTaskUnchangedLeavesItDueForTheNextAcquire() {
		Task task = task("a", NOW.minusSeconds(1));
		this.store.add(task);
		Task claimed = this.store.acquireDueTasks(NOW, 10).get(0).task();
		assertThat(this.store.release(claimed, claimed)).isTrue();
		assertThat(this.store.get("a")).contains(task);
		assertThat(this.store.nextRunTime()).contains(NOW.minusSeconds(1));
		assertThat(this.store.acquireDueTasks(NOW, 10)).containsExactly(new DueTask(task, false));
	}

	@Test
	void runTimeWithNanosecondsIsKeptToTheMicrosecond() {
		Instant withNanos = NOW.plusNanos(1_999);
		Instant truncated = FireTimes.truncate(withNanos);
		this.store.add(task("a", withNanos));
		assertThat(this.store.get("a").orElseThrow().nextRunTime()).isEqualTo(truncated);
		assertThat(this.store.nextRunTime()).contains(truncated);
		assertThat(dueIds(this.store.acquireDueTasks(truncated, 10))).containsExactly("a");
	}

	@Test
	void taskIsNotDueANanosecondBeforeItsTime() {
		Instant runTime = NOW.plusNanos(1_000);
		this.store.add(task("a", runTime));
		assertThat(this.store.acquireDueTasks(runTime.minusNanos(1), 10)).isEmpty();
		assertThat(dueIds(this.store.acquireDueTasks(runTime.plusNanos(999), 10))).containsExactly("a");
	}

	@Test
	void dueTaskCallingAFunctionThisInstanceDoesNotKnowIsHandedOutNotQuarantined() {
		this.store.add(task("foreign", NOW).toBuilder().function("registered-elsewhere").build());
		assertThat(dueIds(this.store.acquireDueTasks(NOW, 10))).containsExactly("foreign");
		assertThat(quarantineEvents()).isEmpty();
		assertThat(this.store.listQuarantined(0, 10)).isEmpty();
	}

	@Test
	void invalidJsonIsQuarantinedOnceWithOneEvent() {
		writeRaw(raw("bad", NOW.minusSeconds(1)).withArgumentsJson("{not json"));
		this.store.add(task("good", NOW));
		assertThat(dueIds(this.store.acquireDueTasks(NOW, 10))).containsExactly("good");
		assertThat(this.store.get("bad")).isEmpty();
		assertThat(ids(this.store.list(TaskQuery.first(10)))).containsExactly("good");
		assertThat(this.store.acquireDueTasks(NOW, 10)).isEmpty();
		assertThat(quarantineEvents()).singleElement().satisfies((event) -> {
			assertThat(event.taskId()).isEqualTo("bad");
			assertThat(event.store()).isEqualTo(STORE_NAME);
			assertThat(event.reason()).isNotBlank();
		});
	}

	@Test
	void unknownTriggerTypeIsQuarantinedNamingTheType() {
		writeRaw(raw("bad", NOW).withTriggerJson("{\"type\":\"lunar\"}"));
		assertThat(this.store.acquireDueTasks(NOW, 10)).isEmpty();
		assertThat(quarantineEvents()).singleElement()
			.satisfies((event) -> assertThat(event.reason()).contains("lunar"));
	}

	@Test
	void invalidOptionValuesAreQuarantinedNamingTheValue() {
		writeRaw(raw("bad", null).withOptionsJson("{\"coalesce\":true,\"maxInstances\":0}"));
		assertThat(this.store.get("bad")).isEmpty();
		assertThat(quarantineEvents()).singleElement()
			.satisfies((event) -> assertThat(event.reason()).contains("maxInstances"));
	}

	@Test
	void quarantinedTaskIsListedWithReasonSizeAndTimeButNotCountedNorListedAmongTasks() {
		RawTask bad = raw("bad", NOW.plusSeconds(60)).withTriggerJson("{\"type\":\"lunar\"}");
		writeRaw(bad);
		assertThat(this.store.get("bad")).isEmpty();
		assertThat(this.store.listQuarantined(0, 10)).singleElement().satisfies((quarantined) -> {
			assertThat(quarantined.taskId()).isEqualTo("bad");
			assertThat(quarantined.store()).isEqualTo(STORE_NAME);
			assertThat(quarantined.reason()).contains("lunar");
			assertThat(quarantined.dataSize()).isGreaterThanOrEqualTo(bad.jsonLength());
			assertThat(quarantined.quarantinedAt()).isEqualTo(NOW);
		});
		assertThat(this.store.quarantinedCount()).isOne();
		assertThat(this.store.count()).isZero();
		assertThat(this.store.list(TaskQuery.first(10))).isEmpty();
		assertThat(this.store.nextRunTime()).isEmpty();
	}

	@Test
	void quarantinedTasksAreListedInPagesById() {
		for (String id : List.of("c", "a", "b")) {
			writeRaw(raw(id, null).withArgumentsJson("[]"));
		}
		assertThat(this.store.list(TaskQuery.first(10))).isEmpty();
		assertThat(this.store.listQuarantined(1, 1)).extracting(QuarantinedTask::taskId).containsExactly("b");
		assertThat(this.store.listQuarantined(0, 10)).extracting(QuarantinedTask::taskId)
			.containsExactly("a", "b", "c");
	}

	@Test
	void retryAfterTheDataIsFixedBringsTheTaskBackDueAndClaimable() {
		writeRaw(raw("bad", NOW.minusSeconds(1)).withArgumentsJson("{not json"));
		assertThat(this.store.get("bad")).isEmpty();
		writeRaw(raw("bad", NOW.minusSeconds(1)));
		Task restored = this.store.retryQuarantined("bad");
		assertThat(restored.id()).isEqualTo("bad");
		assertThat(restored.nextRunTime()).isEqualTo(NOW.minusSeconds(1));
		assertThat(this.store.listQuarantined(0, 10)).isEmpty();
		assertThat(this.store.quarantinedCount()).isZero();
		assertThat(this.store.count()).isOne();
		assertThat(this.store.get("bad")).contains(restored);
		assertThat(this.store.nextRunTime()).contains(NOW.minusSeconds(1));
		assertThat(dueIds(this.store.acquireDueTasks(NOW, 10))).containsExactly("bad");
		assertThat(quarantineEvents()).hasSize(1);
	}

	@Test
	void retryOfATaskWithoutNextRunTimeBringsItBackPaused() {
		writeRaw(raw("bad", null).withArgumentsJson("{not json"));
		assertThat(this.store.get("bad")).isEmpty();
		writeRaw(raw("bad", null));
		assertThat(this.store.retryQuarantined("bad").paused()).isTrue();
		assertThat(ids(this.store.list(new TaskQuery(null, TaskState.PAUSED, 0, 10)))).containsExactly("bad");
		assertThat(this.store.acquireDueTasks(NOW.plusSeconds(3600), 10)).isEmpty();
	}

	@Test
	void retryOfStillBadDataKeepsTheTaskQuarantinedAndSaysWhy() {
		writeRaw(raw("bad", NOW).withArgumentsJson("{not json"));
		assertThat(this.store.get("bad")).isEmpty();
		writeRaw(raw("bad", NOW).withTriggerJson("{\"type\":\"lunar\"}"));
		assertThatExceptionOfType(CorruptTaskException.class).isThrownBy(() -> this.store.retryQuarantined("bad"))
			.withMessageContaining("bad")
			.withMessageContaining("lunar");
		assertThat(this.store.listQuarantined(0, 10)).singleElement()
			.satisfies((quarantined) -> assertThat(quarantined.reason()).contains("lunar"));
		assertThat(this.store.get("bad")).isEmpty();
		assertThat(this.store.acquireDueTasks(NOW, 10)).isEmpty();
		assertThat(quarantineEvents()).hasSize(1);
	}

	@Test
	void retryOfATaskThatIsNotQuarantinedFailsAsNotFoundAndChangesNothing() {
		Task task = task("a", NOW);
		this.store.add(task);
		assertThatExceptionOfType(TaskNotFoundException.class).isThrownBy(() -> this.store.retryQuarantined("a"))
			.satisfies((ex) -> assertThat(ex.getTaskId()).isEqualTo("a"));
		assertThatExceptionOfType(TaskNotFoundException.class).isThrownBy(() -> this.store.retryQuarantined("missing"));
		assertThat(this.store.get("a")).contains(task);
	}

	@Test
	void deleteRemovesAQuarantinedTaskAndNoOther() {
		writeRaw(raw("bad", NOW).withArgumentsJson("{not json"));
		Task good = task("good", NOW);
		this.store.add(good);
		assertThat(this.store.get("bad")).isEmpty();
		assertThat(this.store.deleteQuarantined("good")).isFalse();
		assertThat(this.store.deleteQuarantined("bad")).isTrue();
		assertThat(this.store.deleteQuarantined("bad")).isFalse();
		assertThat(this.store.listQuarantined(0, 10)).isEmpty();
		assertThat(this.store.quarantinedCount()).isZero();
		assertThat(this.store.get("good")).contains(good);
	}

	@Test
	void removeAllKeepsQuarantinedData() {
		writeRaw(raw("bad", NOW).withArgumentsJson("{not json"));
		this.store.add(task("good", NOW));
		assertThat(this.store.get("bad")).isEmpty();
		this.store.removeAll();
		assertThat(this.store.count()).isZero();
		assertThat(this.store.listQuarantined(0, 10)).extracting(QuarantinedTask::taskId).containsExactly("bad");
		writeRaw(raw("bad", NOW));
		assertThat(this.store.retryQuarantined("bad").id()).isEqualTo("bad");
	}

	// --- operator search (the dashboard)
	// -------------------------------------------------
	// Stores on the SPI's defaults answer within their documented limits: a running
	// search
	// they cannot answer is empty and incomplete, counts they cannot give are an empty
	// map.

	@Test
	void searchFindsTasksByIdPrefixInListingOrder() {
		this.store.add(task("user-1:b", NOW.plusSeconds(20)));
		this.store.add(task("user-1:a", NOW.plusSeconds(30)));
		this.store.add(task("user-10:c", NOW.plusSeconds(10)));
		this.store.add(task("user-2:d", NOW));
		this.store.add(task("user-1:paused", null));
		TaskSearchResult result = search(null, null, "user-1:", null, 0, 10);
		assertThat(result.complete()).isTrue();
		assertThat(ids(result.tasks())).containsExactly("user-1:b", "user-1:a", "user-1:paused");
	}

	@Test
	void searchTakesWildcardsAndEscapeCharactersInAnIdPrefixLiterallyAndMindsCase() {
		List<String> all = List.of("a%b", "axb", "a_c", "abc", "a!d", "a\\e", "A%B", "a\\%f");
		for (int i = 0; i < all.size(); i++) {
			this.store.add(task(all.get(i), NOW.plusSeconds(i)));
		}
		assertThat(ids(search(null, null, "a%", null, 0, 10).tasks())).containsExactly("a%b");
		assertThat(ids(search(null, null, "a_", null, 0, 10).tasks())).containsExactly("a_c");
		assertThat(ids(search(null, null, "a!", null, 0, 10).tasks())).containsExactly("a!d");
		assertThat(ids(search(null, null, "a\\", null, 0, 10).tasks())).containsExactly("a\\e", "a\\%f");
		assertThat(ids(search(null, null, "a\\%", null, 0, 10).tasks())).containsExactly("a\\%f");
		assertThat(ids(search(null, null, "A", null, 0, 10).tasks())).containsExactly("A%B");
	}

	@Test
	void searchFindsNamesContainingTheTextIgnoringCaseAndTakesWildcardsLiterally() {
		this.store.add(task("a", NOW).toBuilder().name("Weekly Report").build());
		this.store.add(task("b", NOW.plusSeconds(1)).toBuilder().name("daily report").build());
		this.store.add(task("c", NOW.plusSeconds(2)).toBuilder().name("Invoice 100%").build());
		this.store.add(task("d", NOW.plusSeconds(3)).toBuilder().name("Invoice 1000").build());
		assertThat(ids(search(null, null, null, "REPORT", 0, 10).tasks())).containsExactly("a", "b");
		assertThat(ids(search(null, null, null, "100%", 0, 10).tasks())).containsExactly("c");
		assertThat(search(null, null, null, "1_0", 0, 10).tasks()).isEmpty();
	}

	@Test
	void searchCombinesFunctionIdPrefixAndNameAndPagesTheMatches() {
		for (int i = 0; i < 7; i++) {
			this.store.add(task("match-" + i, NOW.plusSeconds(i)).toBuilder().name("Match " + i).build());
			this.store.add(task("match-other-" + i, NOW.plusSeconds(i)).toBuilder().function(OTHER_FUNCTION).build());
			this.store.add(task("miss-" + i, NOW.plusSeconds(i)).toBuilder().name("Match " + i).build());
		}
		assertThat(ids(search(FUNCTION, null, "match-", "match", 2, 3).tasks())).containsExactly("match-2", "match-3",
				"match-4");
		assertThat(ids(search(FUNCTION, null, "match-", "match", 6, 3).tasks())).containsExactly("match-6");
		TaskSearchResult past = search(FUNCTION, null, "match-", "match", 7, 3);
		assertThat(past.tasks()).isEmpty();
		assertThat(past.complete()).isTrue();
	}

	@Test
	void searchFiltersByStatusWithRunningTasksApartWhereTheStoreKnowsThem() {
		this.store.add(task("waiting", NOW.plusSeconds(60)));
		this.store.add(task("claimed", NOW.minusSeconds(10)));
		this.store.add(task("paused", null));
		this.store.add(failed("failed"));
		assertThat(dueIds(this.store.acquireDueTasks(NOW, 10))).containsExactly("claimed");
		assertThat(ids(search(null, TaskSearch.Status.PAUSED, null, null, 0, 10).tasks())).containsExactly("paused");
		assertThat(ids(search(null, TaskSearch.Status.FAILED, null, null, 0, 10).tasks())).containsExactly("failed");
		TaskSearchResult running = search(null, TaskSearch.Status.RUNNING, null, null, 0, 10);
		List<String> scheduled = ids(search(null, TaskSearch.Status.SCHEDULED, null, null, 0, 10).tasks());
		if (running.complete()) {
			assertThat(ids(running.tasks())).containsExactly("claimed");
			assertThat(scheduled).containsExactly("waiting");
		}
		else {
			assertThat(running.tasks()).isEmpty();
			assertThat(scheduled).contains("waiting").doesNotContain("paused", "failed");
		}
	}

	@Test
	void countByStatusCountsEveryStatusWhereTheStoreCanTell() {
		this.store.add(task("waiting", NOW.plusSeconds(60)));
		this.store.add(retrying("retrying", NOW.plusSeconds(120)));
		this.store.add(task("claimed", NOW.minusSeconds(10)));
		this.store.add(task("paused", null));
		this.store.add(failed("failed"));
		this.store.acquireDueTasks(NOW, 10);
		Map<TaskSearch.Status, Long> counts = this.store.countByStatus();
		if (!counts.isEmpty()) {
			assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(TaskSearch.Status.SCHEDULED, 2L,
					TaskSearch.Status.RUNNING, 1L, TaskSearch.Status.PAUSED, 1L, TaskSearch.Status.FAILED, 1L));
		}
	}

	@Test
	void searchAndCountsLeaveQuarantinedTasksOut() {
		this.store.add(task("fine", NOW.plusSeconds(60)));
		writeRaw(RawTask.of(task("broken", NOW.plusSeconds(30)), new TaskCodec()).withArgumentsJson("{not json"));
		assertThat(ids(search(null, null, null, null, 0, 10).tasks())).containsExactly("fine");
		assertThat(this.store.quarantinedCount()).isOne();
		assertThat(ids(search(null, null, "broken", null, 0, 10).tasks())).isEmpty();
		Map<TaskSearch.Status, Long> counts = this.store.countByStatus();
		if (!counts.isEmpty()) {
			assertThat(counts).containsEntry(TaskSearch.Status.SCHEDULED, 1L);
		}
	}

	/**
	 * Searches the store under test.
	 * @param function the function filter, or {@code null}
	 * @param status the status filter, or {@code null}
	 * @param idPrefix the id prefix, or {@code null}
	 * @param name the name filter, or {@code null}
	 * @param offset how many matches to skip
	 * @param limit the page size
	 * @return the page
	 */
	protected TaskSearchResult search(@Nullable String function, TaskSearch.@Nullable Status status,
			@Nullable String idPrefix, @Nullable String name, long offset, int limit) {
		return this.store.search(new TaskSearch(function, status, idPrefix, name, offset, limit));
	}

	/**
	 * The quarantine events the store published.
	 * @return the events, in order
	 */
	protected List<TaskQuarantined> quarantineEvents() {
		return this.events.stream().filter(TaskQuarantined.class::isInstance).map(TaskQuarantined.class::cast).toList();
	}

	/**
	 * A one-shot task that failed for good: no next run time, an exhausted failure.
	 * @param id the id
	 * @return the task
	 */
	protected static Task failed(String id) {
		return task(id, null).toBuilder().failure(failure(NOW.minusSeconds(60), 3, true)).build();
	}

	/**
	 * A task whose fire time failed once and that waits for a retry.
	 * @param id the id
	 * @param retryAt when the retry is due
	 * @return the task
	 */
	protected static Task retrying(String id, Instant retryAt) {
		return task(id, retryAt).toBuilder().failure(failure(NOW.minusSeconds(20), 1, false)).build();
	}

	/**
	 * How the runs of a fire time failed, with every field set, the time of failure to
	 * the nanosecond.
	 * @param fireTime the fire time
	 * @param attempts failed runs so far
	 * @param exhausted whether no retry is left
	 * @return the failure
	 */
	protected static TaskFailure failure(Instant fireTime, int attempts, boolean exhausted) {
		return new TaskFailure(fireTime, attempts, IllegalStateException.class.getName(),
				"the mail server said \"no\" (attempt " + attempts + ")", fireTime.plusNanos(2_500_000_123L),
				exhausted);
	}

	/**
	 * The ids of tasks, in order.
	 * @param tasks the tasks
	 * @return their ids
	 */
	protected static List<String> ids(List<Task> tasks) {
		return tasks.stream().map(Task::id).toList();
	}

	/**
	 * The ids of due tasks, in order.
	 * @param due the due tasks
	 * @return their ids
	 */
	protected static List<String> dueIds(List<DueTask> due) {
		return due.stream().map((task) -> task.task().id()).toList();
	}

}
