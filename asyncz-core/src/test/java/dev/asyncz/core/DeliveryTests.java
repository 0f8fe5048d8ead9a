package dev.asyncz.core;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.asyncz.event.ClockJumped;
import dev.asyncz.event.TaskError;
import dev.asyncz.event.TaskExecuted;
import dev.asyncz.event.TaskFailed;
import dev.asyncz.event.TaskLate;
import dev.asyncz.event.TaskMissed;
import dev.asyncz.event.TaskRemoved;
import dev.asyncz.event.TaskRetryScheduled;
import dev.asyncz.event.TaskSubmitted;
import dev.asyncz.executor.SchedulerExecutors;
import dev.asyncz.store.MemoryTaskStore;
import dev.asyncz.store.StoreContext;
import dev.asyncz.store.TaskQuery;
import dev.asyncz.store.TaskState;
import dev.asyncz.task.MisfirePolicy;
import dev.asyncz.task.RetryPolicy;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskContext;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.task.TaskTimeoutException;
import dev.asyncz.task.TaskUpdate;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What the scheduler promises about delivery: no run is lost to lateness, failure or a
 * shutdown, and no fire time runs twice on one instance. Driven by a controllable clock.
 */
class DeliveryTests {

	private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");

	private static final RetryPolicy EVERY_TEN_SECONDS = RetryPolicy.fixed(3, Duration.ofSeconds(10));

	private final ControllableClock clock = new ControllableClock(START);

	private final MemoryTaskStore store = new MemoryTaskStore();

	private final EventRecorder events = new EventRecorder();

	private final List<TaskContext> runs = new CopyOnWriteArrayList<>();

	private Scheduler scheduler = newScheduler(this.events);

	@AfterEach
	void shutdown() {
		this.scheduler.shutdown(false);
	}

	private Scheduler newScheduler(EventRecorder recorder) {
		Scheduler scheduler = Scheduler.builder()
			.clock(this.clock)
			.maxWait(Duration.ofHours(1))
			.store("default", this.store)
			.executor("default", SchedulerExecutors.threadPool(4))
			.build();
		scheduler.functions().register("record", this.runs::add);
		scheduler.addListener(recorder);
		return scheduler;
	}

	/** A function that fails its first {@code failures} runs, then succeeds. */
	private void registerFailing(String name, int failures) {
		AtomicInteger calls = new AtomicInteger();
		this.scheduler.functions().register(name, (context) -> {
			this.runs.add(context);
			if (calls.incrementAndGet() <= failures) {
				throw new IOException("SMTP down (call " + calls.get() + ")");
			}
			return "sent";
		});
	}

	// --- misfires ---------------------------------------------------------------------

	@Test
	void oneShotDueDuringDowntimeRunsOnceHoweverLateWithTheDefaults() {
		this.scheduler.add(TaskRequest.of("record", Triggers.at(START)).id("reminder").build());
		this.clock.advance(Duration.ofDays(3));
		this.scheduler.start();
		TaskLate late = this.events.await(TaskLate.class);
		assertThat(late.lateness()).isEqualTo(Duration.ofDays(3));
		this.events.await(TaskRemoved.class);
		assertThat(this.runs).extracting(TaskContext::scheduledRunTime).containsExactly(START);
	}

	@Test
	void recurringTaskLaterThanItsGraceTimeSkipsToItsNextFireTime() {
		this.scheduler.add(TaskRequest.of("record", Triggers.every(Duration.ofMinutes(10)).startingAt(START))
			.id("every10")
			.misfireGraceTime(Duration.ofMinutes(1))
			.build());
		this.clock.advance(Duration.ofMinutes(35));
		this.scheduler.start();
		List<TaskMissed> missed = this.events.awaitCount(TaskMissed.class, (event) -> true, 4);
		assertThat(missed).extracting(TaskMissed::scheduledRunTime)
			.containsExactly(START, START.plusSeconds(600), START.plusSeconds(1200), START.plusSeconds(1800));
		this.clock.advance(Duration.ofMinutes(5));
		this.events.await(TaskExecuted.class);
		assertThat(this.runs).extracting(TaskContext::scheduledRunTime).containsExactly(START.plusSeconds(2400));
	}

	@Test
	void recurringTaskWithRunOnceRunsOnceForEverythingItMissed() {
		this.scheduler.add(TaskRequest.of("record", Triggers.every(Duration.ofMinutes(10)).startingAt(START))
			.id("every10")
			.misfireGraceTime(Duration.ofMinutes(1))
			.misfirePolicy(MisfirePolicy.RUN_ONCE)
			.build());
		this.clock.advance(Duration.ofMinutes(35));
		this.scheduler.start();
		TaskLate late = this.events.await(TaskLate.class);
		assertThat(late.skipped()).isEqualTo(3);
		this.events.await(TaskExecuted.class);
		assertThat(this.runs).extracting(TaskContext::scheduledRunTime).containsExactly(START.plusSeconds(1800));
		assertThat(this.events.all(TaskMissed.class)).isEmpty();
		assertThat(this.scheduler.get("every10")).get()
			.extracting(Task::nextRunTime)
			.isEqualTo(START.plusSeconds(2400));
	}

	@Test
	void nonCoalescingTaskRunsEveryFireTimeWithinItsGraceTimeOneAfterAnother() {
		this.scheduler.add(TaskRequest.of("record", Triggers.every(Duration.ofMinutes(1)).startingAt(START))
			.coalesce(false)
			.misfireGraceTime(Duration.ofMinutes(3))
			.build());
		this.clock.advance(Duration.ofMinutes(5));
		this.scheduler.start();
		this.events.awaitCount(TaskExecuted.class, (event) -> true, 4);
		assertThat(this.events.all(TaskMissed.class)).extracting(TaskMissed::scheduledRunTime)
			.containsExactly(START, START.plusSeconds(60));
		assertThat(this.runs).extracting(TaskContext::scheduledRunTime)
			.containsExactly(START.plusSeconds(120), START.plusSeconds(180), START.plusSeconds(240),
					START.plusSeconds(300));
	}

	// --- retries ----------------------------------------------------------------------

	@Test
	void oneShotThatFailsTwiceRunsAgainForTheSameFireTimeUntilItSucceeds() {
		registerFailing("send", 2);
		this.scheduler.start();
		this.scheduler.add(TaskRequest.of("send", Triggers.at(START)).id("mail").retry(EVERY_TEN_SECONDS).build());
		TaskRetryScheduled first = this.events.await(TaskRetryScheduled.class);
		assertThat(first.retryAt()).isEqualTo(START.plusSeconds(10));
		assertThat(this.scheduler.get("mail")).get().extracting(Task::retryPending).isEqualTo(true);
		this.clock.advance(Duration.ofSeconds(10));
		this.events.awaitCount(TaskRetryScheduled.class, (event) -> true, 2);
		this.clock.advance(Duration.ofSeconds(10));
		// The run's event follows the end of its claim: the task is gone by then.
		this.events.await(TaskExecuted.class);
		assertThat(this.runs).extracting(TaskContext::attempt).containsExactly(1, 2, 3);
		assertThat(this.runs).extracting(TaskContext::idempotencyKey).containsOnly("mail@" + START);
		assertThat(this.events.all(TaskRemoved.class)).hasSize(1);
	}

	@Test
	void oneShotWhoseAttemptsRunOutIsKeptInTheFailedStateWithItsLastError() {
		registerFailing("send", 5);
		this.scheduler.start();
		this.scheduler.add(TaskRequest.of("send", Triggers.at(START)).id("mail").retry(EVERY_TEN_SECONDS).build());
		this.events.await(TaskRetryScheduled.class);
		this.clock.advance(Duration.ofSeconds(10));
		this.events.awaitCount(TaskRetryScheduled.class, (event) -> true, 2);
		this.clock.advance(Duration.ofSeconds(10));
		TaskFailed failed = this.events.await(TaskFailed.class);
		assertThat(failed.kept()).isTrue();
		assertThat(failed.attempts()).isEqualTo(3);
		Task task = this.scheduler.get("mail").orElseThrow();
		assertThat(task.failed()).isTrue();
		assertThat(task.failure().errorType()).isEqualTo(IOException.class.getName());
		assertThat(task.failure().message()).isEqualTo("SMTP down (call 3)");
		assertThat(this.scheduler.list("default", new TaskQuery(null, TaskState.FAILED, 0, 10))).extracting(Task::id)
			.containsExactly("mail");
		assertThat(this.events.all(TaskRemoved.class)).isEmpty();
	}

	@Test
	void oneShotWaitingForARetryRunsThatRetryWhenRunNowAndIsRemovedOnceItSucceeds() {
		AtomicBoolean smtpUp = new AtomicBoolean();
		this.scheduler.functions().register("send", (context) -> {
			this.runs.add(context);
			if (!smtpUp.get()) {
				throw new IOException("SMTP down");
			}
			return "sent";
		});
		this.scheduler.start();
		this.scheduler.add(TaskRequest.of("send", Triggers.at(START)).id("mail").retry(EVERY_TEN_SECONDS).build());
		this.events.await(TaskRetryScheduled.class);
		smtpUp.set(true);
		// Before the retry's time: run now runs the retry early.
		this.clock.advance(Duration.ofSeconds(5));
		this.scheduler.runNow("mail");
		this.events.await(TaskRemoved.class);
		assertThat(this.runs).extracting(TaskContext::attempt).containsExactly(1, 2);
		assertThat(this.runs).extracting(TaskContext::scheduledRunTime).containsOnly(START);
		assertThat(this.scheduler.get("mail")).isEmpty();
	}

	@Test
	void failedTaskRunsAfreshWhenRunNowAndIsRemovedOnceItSucceeds() {
		AtomicBoolean smtpUp = new AtomicBoolean();
		this.scheduler.functions().register("send", (context) -> {
			this.runs.add(context);
			if (!smtpUp.get()) {
				throw new IOException("SMTP down");
			}
			return "sent";
		});
		this.scheduler.start();
		this.scheduler.add(TaskRequest.of("send", Triggers.at(START)).id("mail").retry(RetryPolicy.NONE).build());
		this.events.await(TaskFailed.class);
		smtpUp.set(true);
		this.scheduler.runNow("mail");
		this.events.await(TaskRemoved.class);
		assertThat(this.runs).extracting(TaskContext::attempt).containsExactly(1, 1);
		assertThat(this.scheduler.get("mail")).isEmpty();
	}

	@Test
	void failedTaskIsRemovedOnceTheConfiguredRetentionHasPassed() {
		Scheduler scheduler = Scheduler.builder()
			.clock(this.clock)
			.maxWait(Duration.ofHours(1))
			.failedTaskRetention(Duration.ofDays(7))
			.build();
		try {
			EventRecorder recorder = new EventRecorder();
			scheduler.addListener(recorder);
			scheduler.functions().register("reject", (context) -> {
				throw new IllegalStateException("rejected");
			});
			scheduler.start();
			scheduler.add(TaskRequest.of("reject", Triggers.at(START)).id("mail").retry(RetryPolicy.NONE).build());
			recorder.await(TaskFailed.class);
			this.clock.advance(Duration.ofDays(6));
			scheduler.functions().register("record", this.runs::add);
			scheduler.add(TaskRequest.of("record", Triggers.at(this.clock.instant())).build());
			recorder.await(TaskExecuted.class);
			assertThat(scheduler.get("mail")).isPresent();
			this.clock.advance(Duration.ofDays(1).plusMinutes(1));
			recorder.await(TaskRemoved.class, (removed) -> removed.task().id().equals("mail"));
			assertThat(scheduler.get("mail")).isEmpty();
		}
		finally {
			scheduler.shutdown(false);
		}
	}

	@Test
	void failedTaskIsKeptForeverByDefault() {
		registerFailing("send", 1);
		this.scheduler.start();
		this.scheduler.add(TaskRequest.of("send", Triggers.at(START)).id("mail").retry(RetryPolicy.NONE).build());
		this.events.await(TaskFailed.class);
		this.clock.advance(Duration.ofDays(3650));
		// A run ten years on shows the loop went past the failed task since.
		this.scheduler.add(TaskRequest.of("record", Triggers.at(this.clock.instant())).build());
		this.events.await(TaskExecuted.class);
		assertThat(this.scheduler.get("mail")).get().extracting(Task::failed).isEqualTo(true);
	}

	@Test
	void errorNamedAsNeverRetriedFailsAtOnce() {
		this.scheduler.functions().register("reject", (context) -> {
			throw new IllegalArgumentException("bad address");
		});
		this.scheduler.start();
		this.scheduler.add(TaskRequest.of("reject", Triggers.at(START))
			.id("mail")
			.retry(EVERY_TEN_SECONDS.noRetryOn(IllegalArgumentException.class))
			.build());
		assertThat(this.events.await(TaskFailed.class).attempts()).isEqualTo(1);
		assertThat(this.events.all(TaskRetryScheduled.class)).isEmpty();
	}

	@Test
	void retryOfARecurringTaskRunsBeforeItsNextFireTimeWithoutMovingIt() {
		registerFailing("sync", 1);
		this.scheduler.start();
		this.scheduler.add(TaskRequest.of("sync", Triggers.every(Duration.ofMinutes(1)).startingAt(START))
			.id("sync")
			.retry(EVERY_TEN_SECONDS)
			.build());
		this.events.await(TaskRetryScheduled.class);
		this.clock.advance(Duration.ofSeconds(10));
		this.events.await(TaskExecuted.class);
		assertThat(this.scheduler.get("sync")).get().extracting(Task::nextRunTime).isEqualTo(START.plusSeconds(60));
		this.clock.advance(Duration.ofSeconds(50));
		this.events.awaitCount(TaskExecuted.class, (event) -> true, 2);
		assertThat(this.runs).extracting(TaskContext::scheduledRunTime, TaskContext::attempt)
			.containsExactly(tuple(START, 1), tuple(START, 2), tuple(START.plusSeconds(60), 1));
	}

	@Test
	void retryThatWouldComeAfterTheNextFireTimeIsNotScheduled() {
		registerFailing("sync", 1);
		this.scheduler.start();
		this.scheduler.add(TaskRequest.of("sync", Triggers.every(Duration.ofSeconds(5)).startingAt(START))
			.id("sync")
			.retry(EVERY_TEN_SECONDS)
			.build());
		TaskFailed failed = this.events.await(TaskFailed.class);
		assertThat(failed.kept()).isFalse();
		assertThat(this.events.all(TaskRetryScheduled.class)).isEmpty();
		assertThat(this.scheduler.get("sync")).get().extracting(Task::nextRunTime).isEqualTo(START.plusSeconds(5));
	}

	// --- timeouts ---------------------------------------------------------------------

	@Test
	void runLongerThanItsTimeoutIsInterruptedAndCountsAsAFailure() {
		AtomicBoolean interrupted = new AtomicBoolean();
		this.scheduler.functions().register("hang", (context) -> {
			try {
				new CountDownLatch(1).await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				interrupted.set(true);
				throw ex;
			}
			return null;
		});
		this.scheduler.start();
		this.scheduler.add(TaskRequest.of("hang", Triggers.at(START))
			.id("hang")
			.timeout(Duration.ofMillis(200))
			.retry(EVERY_TEN_SECONDS)
			.build());
		TaskError error = this.events.await(TaskError.class);
		assertThat(error.exception()).isInstanceOf(TaskTimeoutException.class);
		assertThat(interrupted).isTrue();
		assertThat(this.events.await(TaskRetryScheduled.class).errorType())
			.isEqualTo(TaskTimeoutException.class.getName());
	}

	@Test
	void stageThatDoesNotCompleteWithinTheTimeoutFails() {
		this.scheduler.functions().register("never", (context) -> new CompletableFuture<>());
		this.scheduler.start();
		this.scheduler.add(TaskRequest.of("never", Triggers.at(START))
			.timeout(Duration.ofMillis(200))
			.retry(RetryPolicy.NONE)
			.build());
		assertThat(this.events.await(TaskError.class).exception()).isInstanceOf(TaskTimeoutException.class);
		assertThat(this.events.await(TaskFailed.class).kept()).isTrue();
	}

	// --- shutdown ---------------------------------------------------------------------

	/** A function that blocks until interrupted; the latch opens when it starts. */
	private CountDownLatch registerBlocking(String name) {
		CountDownLatch started = new CountDownLatch(1);
		this.scheduler.functions().register(name, (context) -> {
			started.countDown();
			new CountDownLatch(1).await(30, TimeUnit.SECONDS);
			return null;
		});
		return started;
	}

	@Test
	void oneShotCutShortByShutdownStaysDueAndRunsAfterTheNextStart() throws Exception {
		CountDownLatch started = registerBlocking("slow");
		this.scheduler.start();
		this.scheduler.add(TaskRequest.of("slow", Triggers.at(START)).id("slow").build());
		assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();
		this.scheduler.shutdown(false);
		assertThat(this.store.get("slow")).get()
			.satisfies((task) -> assertThat(task.nextRunTime()).isEqualTo(START))
			.satisfies((task) -> assertThat(task.failure()).isNull());
		assertThat(this.events.all(TaskRemoved.class)).isEmpty();
		EventRecorder afterRestart = new EventRecorder();
		this.scheduler = newScheduler(afterRestart);
		this.scheduler.functions().register("slow", this.runs::add);
		this.scheduler.start();
		afterRestart.await(TaskRemoved.class);
		assertThat(this.runs).extracting(TaskContext::scheduledRunTime).containsExactly(START);
	}

	@Test
	void recurringTaskCutShortByShutdownKeepsTheFireTimeItWasRunning() throws Exception {
		CountDownLatch started = registerBlocking("slow");
		this.scheduler.start();
		this.scheduler
			.add(TaskRequest.of("slow", Triggers.every(Duration.ofMinutes(1)).startingAt(START)).id("slow").build());
		assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();
		this.scheduler.shutdown(false);
		assertThat(this.store.get("slow")).get().extracting(Task::nextRunTime).isEqualTo(START);
	}

	// --- exact fire times -------------------------------------------------------------

	@Test
	void intervalStartedAtATimeWithNanosecondsRunsExactlyOncePerFireTime() {
		Instant start = START.plusNanos(123_456_789);
		this.scheduler.start();
		this.scheduler.add(TaskRequest.of("record", Triggers.every(Duration.ofSeconds(2)).startingAt(start))
			.coalesce(false)
			.noMisfireLimit()
			.build());
		// Fire times at 0.123456789 s, 2.123456789 s, …: due after 1 s, 3 s, …, 19 s.
		for (int second = 1; second <= 20; second++) {
			this.clock.advance(Duration.ofSeconds(1));
			this.events.awaitCount(TaskExecuted.class, (event) -> true, (second + 1) / 2);
		}
		List<Instant> fireTimes = this.events.all(TaskExecuted.class)
			.stream()
			.map(TaskExecuted::scheduledRunTime)
			.toList();
		assertThat(fireTimes).doesNotHaveDuplicates().hasSize(10);
		assertThat(this.events.all(TaskSubmitted.class)).hasSize(10);
		assertThat(fireTimes.get(0)).isEqualTo(START.plusNanos(123_456_000));
	}

	// --- clock set back ---------------------------------------------------------------

	@Test
	void clockSetBackAnHourDoesNotStallAnIntervalTask() {
		clockSetBackDoesNotStallAnIntervalTask(Duration.ofHours(1));
	}

	@Test
	void clockSetBackADayDoesNotStallAnIntervalTask() {
		clockSetBackDoesNotStallAnIntervalTask(Duration.ofDays(1));
	}

	private void clockSetBackDoesNotStallAnIntervalTask(Duration jump) {
		this.scheduler.start();
		this.scheduler.add(
				TaskRequest.of("record", Triggers.every(Duration.ofMinutes(1)).startingAt(START)).id("minute").build());
		this.events.await(TaskExecuted.class);
		this.clock.advance(Duration.ofSeconds(20));
		Instant setBackTo = this.clock.instant().minus(jump);
		this.clock.set(setBackTo);
		// 40 s were left before the next run: they still are.
		this.clock.advance(Duration.ofSeconds(40));
		this.events.awaitCount(TaskExecuted.class, (event) -> true, 2);
		this.clock.advance(Duration.ofMinutes(1));
		this.events.awaitCount(TaskExecuted.class, (event) -> true, 3);
		assertThat(this.runs).extracting(TaskContext::scheduledRunTime)
			.containsExactly(START, setBackTo.plusSeconds(40), setBackTo.plusSeconds(100))
			.doesNotHaveDuplicates();
	}

	@Test
	void clockSetBackAnHourLeavesAOneShotAtItsInstant() {
		this.scheduler.start();
		this.scheduler.add(TaskRequest.of("record", Triggers.at(START.plusSeconds(1800))).id("once").build());
		this.clock.set(START.minus(Duration.ofHours(1)));
		this.clock.advance(Duration.ofMinutes(30));
		assertThat(this.scheduler.get("once")).get().extracting(Task::nextRunTime).isEqualTo(START.plusSeconds(1800));
		assertThat(this.runs).isEmpty();
	}

	@Test
	void clockSetBackAnHourPlansACronTaskFromTheNewTime() {
		this.scheduler.start();
		this.scheduler.add(TaskRequest.of("record", Triggers.cron("*/15 * * * *")).id("quarter").build());
		this.events.await(TaskExecuted.class);
		this.clock.set(START.minus(Duration.ofMinutes(55)));
		this.events.await(ClockJumped.class);
		this.clock.advance(Duration.ofMinutes(10));
		this.events.awaitCount(TaskExecuted.class, (event) -> true, 2);
		assertThat(this.runs).extracting(TaskContext::scheduledRunTime)
			.containsExactly(START, START.minus(Duration.ofMinutes(45)));
	}

	// --- state rules ------------------------------------------------------------------

	@Test
	void changesOnAShutDownSchedulerAreRefusedAndStartNoStore() {
		CountingStore counting = new CountingStore();
		Scheduler scheduler = Scheduler.builder().clock(this.clock).store("default", counting).build();
		scheduler.functions().register("record", this.runs::add);
		scheduler.add(TaskRequest.of("record", Triggers.at(START.plusSeconds(60))).id("kept").build());
		scheduler.start();
		scheduler.shutdown(true);
		assertThat(catchThrowable(() -> scheduler.add(TaskRequest.of("record", Triggers.at(START)).build())))
			.isInstanceOf(SchedulerStateException.class)
			.hasMessageContaining("shut down");
		assertThat(catchThrowable(() -> scheduler.runNow("kept"))).isInstanceOf(SchedulerStateException.class);
		assertThat(catchThrowable(() -> scheduler.reschedule("kept", Triggers.at(START.plusSeconds(5)))))
			.isInstanceOf(SchedulerStateException.class);
		assertThat(catchThrowable(() -> scheduler.update("kept", TaskUpdate.create().name("renamed"))))
			.isInstanceOf(SchedulerStateException.class);
		assertThat(counting.starts).hasValue(1);
		assertThat(counting.get("kept")).isPresent();
	}

	@Test
	void hundredStartShutdownAddCyclesLeaveNoThreadBehind() throws InterruptedException {
		long before = schedulerThreads();
		for (int i = 0; i < 100; i++) {
			Scheduler scheduler = Scheduler.builder().clock(this.clock).build();
			scheduler.functions().register("record", this.runs::add);
			scheduler.start();
			scheduler.add(TaskRequest.of("record", Triggers.at(START.plusSeconds(60))).build());
			scheduler.shutdown(true);
			assertThat(org.assertj.core.api.Assertions
				.catchThrowable(() -> scheduler.add(TaskRequest.of("record", Triggers.at(START)).build())))
				.isInstanceOf(SchedulerStateException.class);
		}
		// Pool threads end just after their pool reports termination.
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (schedulerThreads() > before && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		// At most as many as before: threads of earlier tests may still be ending.
		assertThat(schedulerThreads()).isLessThanOrEqualTo(before);
	}

	private static long schedulerThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.isAlive() && thread.getName().startsWith("asyncz-"))
			.count();
	}

	/** A memory store that counts how often it was started. */
	private static final class CountingStore extends PersistentMemoryStore {

		private final AtomicInteger starts = new AtomicInteger();

		@Override
		public void start(StoreContext context) {
			this.starts.incrementAndGet();
		}

		@Override
		public boolean persistent() {
			return false;
		}

	}

}
