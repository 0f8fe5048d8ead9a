package dev.asyncz.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.asyncz.event.TaskDeferred;
import dev.asyncz.event.TaskError;
import dev.asyncz.event.TaskExecuted;
import dev.asyncz.event.TaskFailed;
import dev.asyncz.event.TaskQuarantined;
import dev.asyncz.event.TaskRemoved;
import dev.asyncz.executor.SchedulerExecutors;
import dev.asyncz.store.MemoryTaskStore;
import dev.asyncz.task.ArgumentMismatchException;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskCallable;
import dev.asyncz.task.TaskContext;
import dev.asyncz.task.TaskOptions;
import dev.asyncz.trigger.Triggers;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an instance does with a due task it cannot run — an unknown function or executor,
 * or arguments that do not bind to its version of the function, as on the old instances
 * of a rolling deploy: it never fails, quarantines or deletes it, but leaves it stored,
 * due again after a back-off, says so once, and reports it as stuck after the threshold.
 */
class UnrunnableTaskTests {

	private static final Instant START = Instant.parse("2026-06-01T08:00:00Z");

	private final ControllableClock clock = new ControllableClock(START);

	private final MemoryTaskStore store = new MemoryTaskStore();

	private final EventRecorder events = new EventRecorder();

	private final List<TaskContext> runs = new CopyOnWriteArrayList<>();

	private final Scheduler scheduler = Scheduler.builder()
		.clock(this.clock)
		.maxWait(Duration.ofHours(1))
		.store("default", this.store)
		.executor("default", SchedulerExecutors.threadPool(2))
		.stuckTaskThreshold(Duration.ofMinutes(10))
		.build();

	UnrunnableTaskTests() {
		this.scheduler.addListener(this.events);
	}

	@AfterEach
	void shutdown() {
		this.scheduler.shutdown(false);
	}

	@Test
	void aTaskWhoseFunctionIsNotRegisteredHereStaysStoredDueOneSecondLater() {
		plant("reminder", "send-sms", "default", List.of("+33 6 12 34 56 78"));
		this.scheduler.start();
		TaskDeferred deferred = this.events.await(TaskDeferred.class);
		assertThat(deferred.reason()).contains("function 'send-sms' is not registered here");
		assertThat(deferred.scheduledRunTime()).isEqualTo(START);
		assertThat(deferred.retryAt()).isEqualTo(START.plusSeconds(1));
		assertThat(this.scheduler.get("reminder")).get().extracting(Task::nextRunTime).isEqualTo(START.plusSeconds(1));
		assertNeitherFailedNorRemoved();
	}

	@Test
	void aTaskNamingAnExecutorThatDoesNotExistHereStaysStored() {
		register("send-sms");
		plant("reminder", "send-sms", "sms-pool", List.of());
		this.scheduler.start();
		TaskDeferred deferred = this.events.await(TaskDeferred.class);
		assertThat(deferred.reason()).contains("executor 'sms-pool' does not exist here");
		assertThat(this.scheduler.get("reminder")).get().extracting(Task::nextRunTime).isEqualTo(START.plusSeconds(1));
		assertThat(this.runs).isEmpty();
		assertNeitherFailedNorRemoved();
	}

	@Test
	void aTaskWhoseArgumentsDoNotBindToTheFunctionHereStaysStoredAndItsFunctionDoesNotRun() {
		this.scheduler.functions().register("typed", new TakesOneNumber());
		plant("reminder", "typed", "default", List.of("not-a-number"));
		this.scheduler.start();
		TaskDeferred deferred = this.events.await(TaskDeferred.class);
		assertThat(deferred.reason()).contains("cannot take 'not-a-number'");
		awaitNextRunTime("reminder", START.plusSeconds(1));
		assertThat(this.runs).isEmpty();
		assertNeitherFailedNorRemoved();
	}

	@Test
	void eachTimeATaskIsPutOffAgainItWaitsTwiceAsLongUpToAMinute() {
		plant("reminder", "send-sms", "default", List.of());
		this.scheduler.start();
		Instant due = START.plusSeconds(1);
		awaitNextRunTime("reminder", due);
		for (long backoff : new long[] { 2, 4, 8, 16, 32, 60, 60 }) {
			advanceTo(due);
			due = due.plusSeconds(backoff);
			awaitNextRunTime("reminder", due);
		}
	}

	@Test
	void aTaskPutOffManyTimesIsAnnouncedOnce() {
		plant("reminder", "send-sms", "default", List.of());
		this.scheduler.start();
		Instant due = START.plusSeconds(1);
		awaitNextRunTime("reminder", due);
		for (long backoff : new long[] { 2, 4, 8 }) {
			advanceTo(due);
			due = due.plusSeconds(backoff);
			awaitNextRunTime("reminder", due);
		}
		assertThat(this.events.all(TaskDeferred.class)).hasSize(1);
	}

	@Test
	void aTaskPutOffForLongerThanTheThresholdIsReportedStuckWithWhy() {
		plant("reminder", "send-sms", "default", List.of());
		this.scheduler.start();
		Instant due = awaitPutOff("reminder");
		while (!due.isAfter(START.plus(Duration.ofMinutes(10)))) {
			assertThat(this.scheduler.stuckTasks()).isEmpty();
			advanceTo(due);
			due = awaitPutOffAfter("reminder", due);
		}
		advanceTo(due);
		awaitPutOffAfter("reminder", due);
		assertThat(this.scheduler.stuckTasks()).singleElement().satisfies((stuck) -> {
			assertThat(stuck.id()).isEqualTo("reminder");
			assertThat(stuck.function()).isEqualTo("send-sms");
			assertThat(stuck.since()).isEqualTo(START);
			assertThat(stuck.reason()).contains("not registered here");
		});
	}

	@Test
	void aPutOffTaskRunsOnceItsFunctionIsRegisteredAndIsNoLongerTracked() {
		plant("reminder", "send-sms", "default", List.of());
		this.scheduler.start();
		Instant due = awaitPutOff("reminder");
		register("send-sms");
		advanceTo(due);
		this.events.await(TaskRemoved.class);
		assertThat(this.runs).extracting(TaskContext::scheduledRunTime).containsExactly(due);
		assertThat(this.scheduler.stuckTasks()).isEmpty();
	}

	@Test
	void aRecurringTaskPutOffKeepsItsScheduleOnceItRuns() {
		Task task = Task.builder()
			.id("hourly")
			.function("send-sms")
			.trigger(Triggers.every(Duration.ofHours(1)).startingAt(START))
			.executor("default")
			.store("default")
			.options(TaskOptions.STANDARD)
			.nextRunTime(START)
			.build();
		this.store.add(task);
		this.scheduler.start();
		Instant due = awaitPutOff("hourly");
		register("send-sms");
		advanceTo(due);
		this.events.await(TaskExecuted.class);
		awaitNextRunTime("hourly", START.plus(Duration.ofHours(1)));
	}

	private void assertNeitherFailedNorRemoved() {
		assertThat(this.events.all(TaskError.class)).isEmpty();
		assertThat(this.events.all(TaskFailed.class)).isEmpty();
		assertThat(this.events.all(TaskRemoved.class)).isEmpty();
		assertThat(this.events.all(TaskQuarantined.class)).isEmpty();
	}

	private void plant(String id, String function, String executor, List<@Nullable Object> args) {
		this.store.add(Task.builder()
			.id(id)
			.function(function)
			.args(args)
			.trigger(Triggers.at(START))
			.executor(executor)
			.store("default")
			.options(TaskOptions.STANDARD)
			.nextRunTime(START)
			.build());
	}

	private void advanceTo(Instant instant) {
		this.clock.advance(Duration.between(this.clock.instant(), instant));
	}

	private void register(String function) {
		this.scheduler.functions().register(function, this.runs::add);
	}

	/** Waits until the task is put off, and returns when it is due again. */
	private Instant awaitPutOff(String id) {
		return awaitPutOffAfter(id, START);
	}

	private Instant awaitPutOffAfter(String id, Instant previous) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			Instant next = this.scheduler.get(id).map(Task::nextRunTime).orElse(null);
			if (next != null && next.isAfter(previous)) {
				return next;
			}
			Thread.onSpinWait();
		}
		throw new AssertionError("Task '" + id + "' was not put off after " + previous);
	}

	private void awaitNextRunTime(String id, Instant expected) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			if (this.scheduler.get(id).map(Task::nextRunTime).filter(expected::equals).isPresent()) {
				return;
			}
			Thread.onSpinWait();
		}
		assertThat(this.scheduler.get(id)).get().extracting(Task::nextRunTime).isEqualTo(expected);
	}

	/** A function that takes one {@code int}: text that is not a number does not bind. */
	private final class TakesOneNumber implements TaskCallable {

		@Override
		public @Nullable Object run(TaskContext context) {
			UnrunnableTaskTests.this.runs.add(context);
			return null;
		}

		@Override
		public List<@Nullable Object> bind(List<@Nullable Object> args, Map<String, @Nullable Object> kwargs) {
			if (args.size() != 1 || !(args.get(0) instanceof Number)) {
				throw new ArgumentMismatchException("parameter 0 (int) cannot take '" + args.get(0) + "'");
			}
			return args;
		}

	}

}
