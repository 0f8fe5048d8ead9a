package dev.asyncz.test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import dev.asyncz.core.ControllableClock;
import dev.asyncz.core.Scheduler;
import dev.asyncz.event.SchedulerEvent;
import dev.asyncz.event.TaskDeferred;
import dev.asyncz.event.TaskError;
import dev.asyncz.event.TaskEvent;
import dev.asyncz.event.TaskExecuted;
import dev.asyncz.event.TaskFailed;
import dev.asyncz.event.TaskLate;
import dev.asyncz.event.TaskMaxInstancesReached;
import dev.asyncz.event.TaskMissed;
import dev.asyncz.event.TaskQuarantined;
import dev.asyncz.event.TaskRecovered;
import dev.asyncz.event.TaskRemoved;
import dev.asyncz.event.TaskRetryScheduled;
import dev.asyncz.executor.SchedulerExecutors;
import dev.asyncz.store.TaskQuery;
import dev.asyncz.store.TaskState;
import dev.asyncz.store.TaskStore;
import dev.asyncz.task.ArgumentMismatchException;
import dev.asyncz.task.FireTimes;
import dev.asyncz.task.MisfirePolicy;
import dev.asyncz.task.RetryPolicy;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskCallable;
import dev.asyncz.task.TaskContext;
import dev.asyncz.task.TaskOptions;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.trigger.Triggers;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a scheduler promises about runs, kept over every store: each fire time runs once,
 * late fire times are reported once each, and a failed run leaves a retry or the failed
 * state that the store hands back as it was. The store contract
 * ({@link TaskStoreContractTests}) checks each store call; this checks that the calls a
 * real scheduler makes add up. A store's test extends this class and says how to create
 * the store.
 *
 * <p>
 * Each test gets a scheduler over a fresh store from {@link #createStore()}, driven by a
 * {@link ControllableClock} that starts at {@link #START}: a time with nanoseconds, as
 * {@code Instant.now()} has, which no store keeps. The scheduler shuts its store down;
 * {@link #cleanUp()} then removes what the store left.
 */
public abstract class SchedulerOverStoreContractTests {

	/** When the clock starts: a time with nanoseconds, finer than any store keeps. */
	protected static final Instant START = Instant.parse("2030-01-01T00:00:00.123456789Z");

	/** The function the tasks call; it fails while {@link #failuresLeft} is positive. */
	protected static final String FUNCTION = "record-run";

	private static final Duration AWAIT = Duration.ofSeconds(30);

	/** The scheduler's clock. */
	protected final ControllableClock clock = new ControllableClock(START);

	/** What the scheduler published. */
	protected final List<SchedulerEvent> events = new CopyOnWriteArrayList<>();

	/** How many of the next runs fail. */
	protected final AtomicInteger failuresLeft = new AtomicInteger();

	/** The scheduler under test, started, over the store from {@link #createStore()}. */
	protected Scheduler scheduler;

	/** The store under test, as the scheduler started it. */
	private TaskStore store;

	/**
	 * Creates the store under test, not yet started, over empty storage.
	 * @return the store
	 */
	protected abstract TaskStore createStore();

	/**
	 * Removes what the store left in its storage, after the scheduler shut it down.
	 */
	protected void cleanUp() {
	}

	/**
	 * Makes every current claim's lease run out, as if its holder had stopped renewing
	 * it. Stores without leases keep this default, which skips the tests that need it.
	 */
	protected void expireLeases() {
		Assumptions.abort("this store has no leases");
	}

	@BeforeEach
	void startScheduler() {
		this.scheduler = Scheduler.builder()
			.clock(this.clock)
			.store("default", this.store = createStore())
			.executor("default", SchedulerExecutors.threadPool(4))
			.build();
		this.scheduler.functions().register(FUNCTION, (context) -> {
			if (this.failuresLeft.getAndUpdate((left) -> Math.max(0, left - 1)) > 0) {
				throw new IllegalStateException("failing as the test asked");
			}
			return null;
		});
		this.scheduler.addListener(this.events::add);
		this.scheduler.start();
	}

	@AfterEach
	void stopScheduler() {
		try {
			this.scheduler.shutdown(true);
		}
		finally {
			cleanUp();
		}
	}

	@Test
	void intervalTaskStartedWithNanosecondsRunsEachFireTimeOnce() {
		Instant first = FireTimes.truncate(START);
		this.scheduler.add(TaskRequest.of(FUNCTION, Triggers.every(Duration.ofSeconds(1)).startingAt(START))
			.id("every-second")
			.coalesce(false)
			.noMisfireLimit()
			.build());
		for (int runs = 1; runs < 20; runs++) {
			awaitCount(TaskExecuted.class, runs);
			this.clock.advance(Duration.ofSeconds(1));
		}
		awaitCount(TaskExecuted.class, 20);
		awaitNextRunTime("every-second", first.plusSeconds(20));
		assertThat(all(TaskExecuted.class)).extracting(TaskExecuted::scheduledRunTime)
			// Each run's event follows the end of its claim, so the next run may report
			// first: the order of the events is not the order of the runs.
			.containsExactlyInAnyOrderElementsOf(fireTimes(first, 20));
		assertThat(all(TaskMaxInstancesReached.class)).isEmpty();
	}

	@Test
	void intervalTaskCatchingUpRunsEachMissedFireTimeOnce() {
		Instant first = FireTimes.truncate(START);
		this.scheduler.add(TaskRequest.of(FUNCTION, Triggers.every(Duration.ofSeconds(1)).startingAt(START))
			.id("every-second")
			.coalesce(false)
			.noMisfireLimit()
			.build());
		awaitCount(TaskExecuted.class, 1);
		this.clock.advance(Duration.ofSeconds(19));
		awaitCount(TaskExecuted.class, 20);
		awaitNextRunTime("every-second", first.plusSeconds(20));
		assertThat(all(TaskExecuted.class)).extracting(TaskExecuted::scheduledRunTime)
			// Each run's event follows the end of its claim, so the next run may report
			// first: the order of the events is not the order of the runs.
			.containsExactlyInAnyOrderElementsOf(fireTimes(first, 20));
		assertThat(all(TaskMaxInstancesReached.class)).isEmpty();
	}

	@Test
	void lateOneShotsThatSkipWhenLateAreEachMissedOnceAndNeverRun() {
		int count = 12;
		for (int i = 0; i < count; i++) {
			this.scheduler.add(TaskRequest.of(FUNCTION, Triggers.at(START.minus(Duration.ofMinutes(10 + i))))
				.id("late-" + i)
				.misfirePolicy(MisfirePolicy.SKIP_IF_LATE)
				.build());
		}
		awaitCount(TaskRemoved.class, count);
		assertThat(all(TaskMissed.class)).extracting(TaskEvent::taskId).hasSize(count).doesNotHaveDuplicates();
		assertThat(all(TaskExecuted.class)).isEmpty();
		assertThat(all(TaskLate.class)).isEmpty();
		assertThat(this.scheduler.list("default", TaskQuery.first(100))).isEmpty();
	}

	@Test
	void lateOneShotsRunOnceEachAndAreEachReportedLateOnce() {
		int count = 12;
		for (int i = 0; i < count; i++) {
			this.scheduler.add(TaskRequest.of(FUNCTION, Triggers.at(START.minus(Duration.ofMinutes(10 + i))))
				.id("late-" + i)
				.build());
		}
		// A run's event follows the end of its claim, which removes the one-shot.
		awaitCount(TaskExecuted.class, count);
		assertThat(all(TaskRemoved.class)).hasSize(count);
		assertThat(all(TaskLate.class)).extracting(TaskEvent::taskId).hasSize(count).doesNotHaveDuplicates();
		assertThat(all(TaskExecuted.class)).extracting(TaskEvent::taskId).hasSize(count).doesNotHaveDuplicates();
		assertThat(all(TaskMissed.class)).isEmpty();
		assertThat(this.scheduler.list("default", TaskQuery.first(100))).isEmpty();
	}

	@Test
	void oneShotWhoseRunFailsForGoodIsKeptAsFailed() {
		this.failuresLeft.set(1);
		this.scheduler.add(TaskRequest.of(FUNCTION, Triggers.at(START)).id("once").retry(RetryPolicy.NONE).build());
		awaitCount(TaskFailed.class, 1);
		List<Task> failed = this.scheduler.list("default", new TaskQuery(null, TaskState.FAILED, 0, 10));
		assertThat(failed).singleElement().satisfies((task) -> {
			assertThat(task.id()).isEqualTo("once");
			assertThat(task.failed()).isTrue();
			assertThat(task.failure().fireTime()).isEqualTo(FireTimes.truncate(START));
			assertThat(task.failure().errorType()).isEqualTo(IllegalStateException.class.getName());
			assertThat(task.failure().exhausted()).isTrue();
		});
		assertThat(this.scheduler.list("default", new TaskQuery(null, TaskState.PAUSED, 0, 10))).isEmpty();
	}

	@Test
	void failedRunIsRetriedForItsFireTimeFromTheStore() {
		this.failuresLeft.set(1);
		this.scheduler.add(TaskRequest.of(FUNCTION, Triggers.at(START))
			.id("once")
			.retry(RetryPolicy.fixed(2, Duration.ofSeconds(5)))
			.build());
		TaskRetryScheduled retry = awaitCount(TaskRetryScheduled.class, 1).get(0);
		Task waiting = this.scheduler.get("once").orElseThrow();
		assertThat(waiting.retryPending()).isTrue();
		assertThat(waiting.nextRunTime()).isEqualTo(retry.retryAt());
		this.clock.advance(Duration.ofSeconds(5));
		awaitCount(TaskExecuted.class, 1);
		assertThat(all(TaskRemoved.class)).hasSize(1);
		assertThat(all(TaskExecuted.class)).extracting(TaskExecuted::scheduledRunTime)
			.containsExactly(FireTimes.truncate(START));
	}

	@Test
	void runWhoseLeaseRanOutWhileItWentOnIsClaimedBackNotRunAgainAndEndsTheTask() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		List<Instant> runs = new CopyOnWriteArrayList<>();
		this.scheduler.functions().register("long-run", (context) -> {
			runs.add(context.scheduledRunTime());
			started.countDown();
			return finish.await(AWAIT.toSeconds(), TimeUnit.SECONDS);
		});
		this.scheduler.add(TaskRequest.of("long-run", Triggers.at(START)).id("long").build());
		try {
			assertThat(started.await(AWAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
			expireLeases();
			// Claimed in the same batch as the lapsed claim: once it ran, the lapsed one
			// was handed back to this instance too.
			this.scheduler.add(TaskRequest.of(FUNCTION, Triggers.at(START)).id("nudge").build());
			awaitCount(TaskExecuted.class, 1);
			assertThat(all(TaskMaxInstancesReached.class)).isEmpty();
			assertThat(all(TaskRecovered.class)).isEmpty();
		}
		finally {
			finish.countDown();
		}
		awaitCount(TaskRemoved.class, 2);
		assertThat(this.scheduler.get("long")).isEmpty();
		assertThat(runs).containsExactly(FireTimes.truncate(START));
	}

	// --- tasks this instance cannot run
	// -------------------------------------------------

	@Test
	void aDueTaskWhoseFunctionThisInstanceDoesNotKnowStaysStoredAndIsPutOff() {
		plantDue("foreign", "registered-elsewhere", "default", "an argument");
		TaskDeferred deferred = awaitCount(TaskDeferred.class, 1).get(0);
		assertThat(deferred.reason()).contains("'registered-elsewhere' is not registered here");
		awaitNextRunTime("foreign", deferred.retryAt());
		assertThat(deferred.retryAt()).isAfter(FireTimes.truncate(this.clock.instant()));
		assertNothingFailedQuarantinedOrRemoved();
		assertThat(this.scheduler.list("default", TaskQuery.first(10))).extracting(Task::id).containsExactly("foreign");
	}

	@Test
	void aDueTaskNamingAnExecutorThisInstanceDoesNotHaveStaysStoredAndIsPutOff() {
		plantDue("foreign", FUNCTION, "added-in-the-next-release");
		TaskDeferred deferred = awaitCount(TaskDeferred.class, 1).get(0);
		assertThat(deferred.reason()).contains("executor 'added-in-the-next-release' does not exist here");
		awaitNextRunTime("foreign", deferred.retryAt());
		assertNothingFailedQuarantinedOrRemoved();
		assertThat(all(TaskExecuted.class)).isEmpty();
	}

	@Test
	void aDueTaskWhoseArgumentsDoNotBindHereStaysStoredAndIsPutOff() {
		this.scheduler.functions().register("count-to", new TakesOneWholeNumber());
		plantDue("foreign", "count-to", "default", "not-a-number");
		TaskDeferred deferred = awaitCount(TaskDeferred.class, 1).get(0);
		assertThat(deferred.reason()).contains("cannot take 'not-a-number'");
		awaitNextRunTime("foreign", deferred.retryAt());
		assertNothingFailedQuarantinedOrRemoved();
	}

	@Test
	void aPutOffTaskRunsOnceWhenItsFunctionIsRegisteredHere() {
		plantDue("foreign", "registered-elsewhere", "default");
		TaskDeferred deferred = awaitCount(TaskDeferred.class, 1).get(0);
		awaitNextRunTime("foreign", deferred.retryAt());
		this.scheduler.functions().register("registered-elsewhere", (context) -> null);
		this.clock.advance(Duration.between(this.clock.instant(), deferred.retryAt()));
		awaitCount(TaskRemoved.class, 1);
		assertThat(all(TaskExecuted.class)).singleElement()
			.extracting(TaskExecuted::scheduledRunTime)
			.isEqualTo(deferred.retryAt());
		assertThat(all(TaskDeferred.class)).hasSize(1);
	}

	/**
	 * Writes a due task straight into the store, as an instance with other code would.
	 */
	private void plantDue(String id, String function, String executor, Object... args) {
		Instant now = FireTimes.truncate(this.clock.instant());
		this.store.add(Task.builder()
			.id(id)
			.function(function)
			.args(List.of(args))
			.trigger(Triggers.at(now))
			.executor(executor)
			.store("default")
			.options(TaskOptions.STANDARD)
			.nextRunTime(now)
			.build());
		// Written behind the scheduler's back: moving the clock wakes it.
		this.clock.advance(Duration.ofMillis(1));
	}

	private void assertNothingFailedQuarantinedOrRemoved() {
		assertThat(all(TaskError.class)).isEmpty();
		assertThat(all(TaskFailed.class)).isEmpty();
		assertThat(all(TaskQuarantined.class)).isEmpty();
		assertThat(all(TaskRemoved.class)).isEmpty();
		assertThat(this.scheduler.get("foreign")).isPresent();
	}

	/** Takes one whole number: text does not bind. */
	private static final class TakesOneWholeNumber implements TaskCallable {

		@Override
		public @Nullable Object run(TaskContext context) {
			return null;
		}

		@Override
		public List<@Nullable Object> bind(List<@Nullable Object> args, Map<String, @Nullable Object> kwargs) {
			if (args.size() != 1 || !(args.get(0) instanceof Number)) {
				throw new ArgumentMismatchException(
						"parameter 0 (long) cannot take '" + (args.isEmpty() ? null : args.get(0)) + "'");
			}
			return args;
		}

	}

	/**
	 * The events of one type published so far, in order.
	 * @param <E> the type
	 * @param type the type
	 * @return the events
	 */
	protected <E extends SchedulerEvent> List<E> all(Class<E> type) {
		return this.events.stream().filter(type::isInstance).map(type::cast).toList();
	}

	/**
	 * Waits until at least {@code count} events of a type were published.
	 * @param <E> the type
	 * @param type the type
	 * @param count how many
	 * @return the events of that type
	 */
	protected <E extends SchedulerEvent> List<E> awaitCount(Class<E> type, int count) {
		long deadline = System.nanoTime() + AWAIT.toNanos();
		List<E> found = all(type);
		while (found.size() < count) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Expected " + count + " " + type.getSimpleName() + " events within " + AWAIT
						+ ", saw " + found.size() + "; all events: " + this.events);
			}
			pause();
			found = all(type);
		}
		return found;
	}

	/**
	 * Waits until the store holds a task's next state: the scheduler ends a claim after
	 * it published the run's events.
	 */
	private void awaitNextRunTime(String id, Instant expected) {
		long deadline = System.nanoTime() + AWAIT.toNanos();
		while (!expected.equals(this.scheduler.get(id).map(Task::nextRunTime).orElse(null))) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Task '" + id + "' was not rescheduled for " + expected + " within " + AWAIT
						+ "; it is " + this.scheduler.get(id));
			}
			pause();
		}
	}

	private static List<Instant> fireTimes(Instant first, int count) {
		return IntStream.range(0, count).mapToObj(first::plusSeconds).toList();
	}

	private static void pause() {
		try {
			TimeUnit.MILLISECONDS.sleep(10);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted while waiting", ex);
		}
	}

}
