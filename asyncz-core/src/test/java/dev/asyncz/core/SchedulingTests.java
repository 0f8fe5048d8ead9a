package dev.asyncz.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.asyncz.event.ClockJumped;
import dev.asyncz.event.SchedulerEvent;
import dev.asyncz.event.StoreError;
import dev.asyncz.event.TaskError;
import dev.asyncz.event.TaskExecuted;
import dev.asyncz.event.TaskFailed;
import dev.asyncz.event.TaskMaxInstancesReached;
import dev.asyncz.event.TaskLate;
import dev.asyncz.event.TaskMissed;
import dev.asyncz.event.TaskRemoved;
import dev.asyncz.event.TaskRetryScheduled;
import dev.asyncz.event.TaskSubmitted;
import dev.asyncz.executor.SchedulerExecutors;
import dev.asyncz.store.DueTask;
import dev.asyncz.store.StoreException;
import dev.asyncz.task.MisfirePolicy;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskContext;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the loop runs due tasks: driven by a controllable clock, never by sleeping.
 */
class SchedulingTests {

	private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");

	private final ControllableClock clock = new ControllableClock(START);

	private final EventRecorder events = new EventRecorder();

	private final AtomicInteger runs = new AtomicInteger();

	private Scheduler scheduler;

	@BeforeEach
	void buildScheduler() {
		this.scheduler = Scheduler.builder()
			.clock(this.clock)
			.maxWait(Duration.ofHours(1))
			.executor("default", SchedulerExecutors.threadPool(4))
			.build();
		this.scheduler.functions().register("count", (context) -> this.runs.incrementAndGet());
		this.scheduler.addListener(this.events);
	}

	@AfterEach
	void shutdown() {
		this.scheduler.shutdown(false);
	}

	@Test
	void taskDueLaterRunsOnlyWhenTheClockReachesIt() {
		this.scheduler.start();
		this.scheduler.add(TaskRequest.of("count", Triggers.at(START.plusSeconds(60))).id("later").build());
		this.clock.advance(Duration.ofSeconds(59));
		this.scheduler.add(TaskRequest.of("count", Triggers.at(START.plusSeconds(59))).id("probe").build());
		this.events.await(TaskExecuted.class, (event) -> event.taskId().equals("probe"));
		assertThat(this.events.all(TaskExecuted.class)).extracting(TaskExecuted::taskId).containsExactly("probe");
		this.clock.advance(Duration.ofSeconds(1));
		this.events.await(TaskExecuted.class, (event) -> event.taskId().equals("later"));
	}

	@Test
	void addingATaskDueNowWakesTheSleepingLoop() {
		this.scheduler.start();
		this.scheduler.add(TaskRequest.of("count", Triggers.at(START.plus(Duration.ofDays(30)))).build());
		this.scheduler.add(TaskRequest.of("count", Triggers.at(START)).id("now").build());
		TaskExecuted executed = this.events.await(TaskExecuted.class);
		assertThat(executed.taskId()).isEqualTo("now");
		assertThat(executed.scheduledRunTime()).isEqualTo(START);
	}

	@Test
	void oneShotTaskIsRemovedAfterItsRun() {
		this.scheduler.start();
		this.scheduler.add(TaskRequest.of("count", Triggers.at(START)).id("once").build());
		this.events.await(TaskRemoved.class, (event) -> event.taskId().equals("once"));
		assertThat(this.scheduler.get("once")).isEmpty();
		assertThat(this.runs).hasValue(1);
	}

	@Test
	void recurringTaskMovesToItsNextRunTimeAfterRunning() {
		this.scheduler.start();
		this.scheduler
			.add(TaskRequest.of("count", new EveryTrigger(START, Duration.ofMinutes(5))).id("every5").build());
		this.events.await(TaskExecuted.class);
		assertThat(this.scheduler.get("every5")).get()
			.extracting(Task::nextRunTime)
			.isEqualTo(START.plus(Duration.ofMinutes(5)));
	}

	@Test
	void oneShotLaterThanItsGraceTimeStillRunsOnceAndIsReportedLate() {
		this.scheduler.add(
				TaskRequest.of("count", Triggers.at(START)).id("late").misfireGraceTime(Duration.ofSeconds(1)).build());
		this.clock.advance(Duration.ofSeconds(10));
		this.scheduler.start();
		TaskLate late = this.events.await(TaskLate.class);
		assertThat(late.scheduledRunTime()).isEqualTo(START);
		assertThat(late.lateness()).isEqualTo(Duration.ofSeconds(10));
		this.events.await(TaskExecuted.class);
		assertThat(this.events.all(TaskRemoved.class)).hasSize(1);
		assertThat(this.events.all(TaskMissed.class)).isEmpty();
	}

	@Test
	void oneShotWithSkipIfLateLaterThanItsGraceTimeIsMissedNotRun() {
		this.scheduler.add(TaskRequest.of("count", Triggers.at(START))
			.id("late")
			.misfireGraceTime(Duration.ofSeconds(1))
			.misfirePolicy(MisfirePolicy.SKIP_IF_LATE)
			.build());
		this.clock.advance(Duration.ofSeconds(10));
		this.scheduler.start();
		TaskMissed missed = this.events.await(TaskMissed.class);
		assertThat(missed.scheduledRunTime()).isEqualTo(START);
		this.events.await(TaskRemoved.class);
		assertThat(this.events.all(TaskSubmitted.class)).isEmpty();
	}

	@Test
	void runWithinTheGraceTimeStillRuns() {
		this.scheduler
			.add(TaskRequest.of("count", Triggers.at(START)).misfireGraceTime(Duration.ofSeconds(30)).build());
		this.clock.advance(Duration.ofSeconds(10));
		this.scheduler.start();
		this.events.await(TaskExecuted.class);
		assertThat(this.events.all(TaskMissed.class)).isEmpty();
	}

	@Test
	void taskWithoutMisfireLimitRunsNoMatterHowLate() {
		this.scheduler.add(TaskRequest.of("count", Triggers.at(START)).noMisfireLimit().build());
		this.clock.advance(Duration.ofDays(400));
		this.scheduler.start();
		this.events.await(TaskExecuted.class);
	}

	@Test
	void coalescingTaskRunsOnceForSeveralMissedRunTimes() {
		this.scheduler.add(TaskRequest.of("count", new EveryTrigger(START, Duration.ofSeconds(1)))
			.id("coalesced")
			.coalesce(true)
			.noMisfireLimit()
			.build());
		this.clock.advance(Duration.ofSeconds(4));
		this.scheduler.start();
		TaskExecuted executed = this.events.await(TaskExecuted.class);
		assertThat(executed.scheduledRunTime()).isEqualTo(START.plusSeconds(4));
		assertThat(this.events.all(TaskSubmitted.class)).hasSize(1);
		assertThat(this.scheduler.get("coalesced")).get().extracting(Task::nextRunTime).isEqualTo(START.plusSeconds(5));
	}

	@Test
	void nonCoalescingTaskRunsOncePerMissedRunTime() {
		this.scheduler.add(TaskRequest.of("count", new EveryTrigger(START, Duration.ofSeconds(1)))
			.coalesce(false)
			.maxInstances(10)
			.noMisfireLimit()
			.build());
		this.clock.advance(Duration.ofSeconds(4));
		this.scheduler.start();
		List<TaskExecuted> executed = this.events.awaitCount(TaskExecuted.class, (event) -> true, 5);
		assertThat(executed).extracting(TaskExecuted::scheduledRunTime)
			.containsExactlyInAnyOrder(START, START.plusSeconds(1), START.plusSeconds(2), START.plusSeconds(3),
					START.plusSeconds(4));
	}

	@Test
	void runLongerThanTheIntervalDelaysTheNextFireTimeUntilItEndsThenRunsOnceForWhatItMissed() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		this.scheduler.functions().register("block", (context) -> release.await(20, TimeUnit.SECONDS));
		this.scheduler.start();
		this.scheduler.add(TaskRequest.of("block", new EveryTrigger(START, Duration.ofSeconds(1))).id("long").build());
		this.events.await(TaskSubmitted.class);
		this.clock.advance(Duration.ofSeconds(3));
		assertThat(this.scheduler.get("long")).get().extracting(Task::nextRunTime).isEqualTo(START);
		assertThat(this.events.all(TaskSubmitted.class)).hasSize(1);
		release.countDown();
		TaskSubmitted next = this.events.awaitCount(TaskSubmitted.class, (event) -> true, 2).get(1);
		assertThat(next.scheduledRunTime()).isEqualTo(START.plusSeconds(3));
		assertThat(this.events.all(TaskMaxInstancesReached.class)).isEmpty();
	}

	@Test
	void runBeyondMaxInstancesIsSkippedWithAnEvent() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		this.scheduler.functions().register("block", (context) -> release.await(20, TimeUnit.SECONDS));
		this.scheduler.start();
		this.scheduler
			.add(TaskRequest.of("block", new EveryTrigger(START, Duration.ofSeconds(1))).maxInstances(2).build());
		this.events.await(TaskSubmitted.class);
		this.clock.advance(Duration.ofSeconds(1));
		this.events.awaitCount(TaskSubmitted.class, (event) -> true, 2);
		this.clock.advance(Duration.ofSeconds(1));
		TaskMaxInstancesReached skipped = this.events.await(TaskMaxInstancesReached.class);
		assertThat(skipped.scheduledRunTime()).isEqualTo(START.plusSeconds(2));
		assertThat(skipped.maxInstances()).isEqualTo(2);
		release.countDown();
	}

	@Test
	void functionReturningAStageCountsAsRunningUntilTheStageCompletes() {
		CompletableFuture<String> pending = new CompletableFuture<>();
		this.scheduler.functions().register("async", (context) -> pending);
		this.scheduler.start();
		this.scheduler.add(TaskRequest.of("async", new EveryTrigger(START, Duration.ofSeconds(1))).id("async").build());
		this.events.await(TaskSubmitted.class);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.scheduler.get("async")).get().extracting(Task::nextRunTime).isEqualTo(START);
		assertThat(this.events.all(TaskExecuted.class)).isEmpty();
		pending.complete("done");
		this.events.await(TaskExecuted.class);
		this.events.awaitCount(TaskSubmitted.class, (event) -> true, 2);
	}

	@Test
	void failingFunctionPublishesAnErrorAndKeepsItsSchedule() {
		IllegalStateException failure = new IllegalStateException("boom");
		this.scheduler.functions().register("fail", (context) -> {
			throw failure;
		});
		this.scheduler.start();
		this.scheduler
			.add(TaskRequest.of("fail", new EveryTrigger(START, Duration.ofSeconds(1))).id("failing").build());
		TaskError error = this.events.await(TaskError.class);
		assertThat(error.exception()).isSameAs(failure);
		// The default retry (after 10 s) would come after the next fire time: none.
		assertThat(this.events.await(TaskFailed.class).kept()).isFalse();
		assertThat(this.scheduler.get("failing")).get().extracting(Task::nextRunTime).isEqualTo(START.plusSeconds(1));
	}

	@Test
	void failedStageIsReportedAsAnError() {
		this.scheduler.functions()
			.register("async-fail", (context) -> CompletableFuture.failedFuture(new IllegalStateException("later")));
		this.scheduler.start();
		this.scheduler.add(TaskRequest.of("async-fail", Triggers.at(START)).build());
		assertThat(this.events.await(TaskError.class).exception()).hasMessage("later");
	}

	@Test
	void pausedTaskIsNotRunWhenDue() {
		this.scheduler.add(TaskRequest.of("count", Triggers.at(START)).id("held").paused(true).build());
		this.scheduler.add(TaskRequest.of("count", Triggers.at(START)).id("probe").build());
		this.scheduler.start();
		this.events.await(TaskExecuted.class);
		assertThat(this.events.all(TaskSubmitted.class)).extracting(TaskSubmitted::taskId).containsExactly("probe");
		assertThat(this.scheduler.get("held")).get().matches(Task::paused);
	}

	@Test
	void pausedSchedulerHoldsDueTasksUntilResumed() {
		this.scheduler.start(true);
		this.scheduler.add(TaskRequest.of("count", Triggers.at(START)).misfireGraceTime(Duration.ofMinutes(1)).build());
		this.clock.advance(Duration.ofSeconds(5));
		assertThat(this.events.all(TaskSubmitted.class)).isEmpty();
		this.scheduler.resume();
		this.events.await(TaskExecuted.class);
	}

	@Test
	void wallClockSetForwardIsReportedAndDueTasksRun() {
		this.scheduler.start();
		this.scheduler.add(TaskRequest.of("count", Triggers.at(START.plus(Duration.ofHours(2))))
			.misfireGraceTime(Duration.ofHours(1))
			.build());
		this.clock.set(START.plus(Duration.ofHours(2)).plusSeconds(30));
		ClockJumped jumped = this.events.await(ClockJumped.class);
		assertThat(jumped.jump()).isGreaterThan(Duration.ofHours(2));
		this.events.await(TaskExecuted.class);
	}

	@Test
	void wallClockSetBackIsReportedAndAnIntervalKeepsTheWaitItHadLeft() {
		this.scheduler.start();
		this.scheduler
			.add(TaskRequest.of("count", Triggers.every(Duration.ofHours(1)).startingAt(START)).id("hourly").build());
		this.events.await(TaskExecuted.class);
		this.clock.set(START.minus(Duration.ofHours(3)));
		ClockJumped jumped = this.events.await(ClockJumped.class);
		assertThat(jumped.jump()).isNegative();
		assertThat(this.events.all(TaskSubmitted.class)).hasSize(1);
		assertThat(this.scheduler.get("hourly")).get()
			.extracting(Task::nextRunTime)
			.isEqualTo(START.minus(Duration.ofHours(2)));
	}

	@Test
	void clockSetCenturiesAheadDoesNotEnumerateEveryMissedRunTime() {
		this.scheduler.add(TaskRequest.of("count", new EveryTrigger(START, Duration.ofSeconds(1)))
			.id("per-second")
			.misfireGraceTime(Duration.ofSeconds(1))
			.build());
		Instant future = Instant.parse("2200-01-01T00:00:00Z");
		this.clock.set(future);
		this.scheduler.start();
		this.events.await(TaskExecuted.class);
		assertThat(this.events.all(TaskMissed.class)).hasSizeLessThanOrEqualTo(1000);
		assertThat(this.scheduler.get("per-second")).get()
			.extracting(Task::nextRunTime)
			.matches((next) -> next.isAfter(future) && next.isBefore(future.plusSeconds(5)));
	}

	@Test
	void listenerThatThrowsDoesNotStopTasks() {
		this.scheduler.addListener((event) -> {
			throw new IllegalStateException("listener bug");
		});
		this.scheduler.start();
		this.scheduler.add(TaskRequest.of("count", Triggers.at(START)).build());
		this.events.await(TaskExecuted.class);
		assertThat(this.runs).hasValue(1);
	}

	@Test
	void listenerReceivesOnlyTheTypesItAskedFor() {
		EventRecorder executedOnly = new EventRecorder();
		this.scheduler.addListener(executedOnly, TaskExecuted.class);
		this.scheduler.start();
		this.scheduler.add(TaskRequest.of("count", Triggers.at(START)).build());
		executedOnly.await(TaskExecuted.class);
		this.events.await(TaskRemoved.class);
		assertThat(executedOnly.all(SchedulerEvent.class)).allMatch(TaskExecuted.class::isInstance);
	}

	@Test
	void executorThatRefusesARunIsReportedAsAnErrorAndTheRunIsRetried() {
		this.scheduler.addExecutor("refusing", SchedulerExecutors.of((runnable) -> {
			throw new RejectedExecutionException("full");
		}, "refusing"));
		this.scheduler.start();
		this.scheduler.add(TaskRequest.of("count", Triggers.at(START)).executor("refusing").id("refused").build());
		assertThat(this.events.await(TaskError.class).exception()).hasMessage("full");
		TaskRetryScheduled retry = this.events.await(TaskRetryScheduled.class);
		assertThat(retry.errorType()).isEqualTo(RejectedExecutionException.class.getName());
		assertThat(this.scheduler.get("refused")).get().extracting(Task::retryPending).isEqualTo(true);
	}

	@Test
	void runNowRunsATaskAndKeepsItsSchedule() {
		this.scheduler.start();
		this.scheduler.add(TaskRequest.of("count", new EveryTrigger(START.plus(Duration.ofDays(1)), Duration.ofDays(1)))
			.id("daily")
			.build());
		this.scheduler.runNow("daily");
		this.events.await(TaskExecuted.class);
		assertThat(this.scheduler.get("daily")).get()
			.extracting(Task::nextRunTime)
			.isEqualTo(START.plus(Duration.ofDays(1)));
	}

	@Test
	void runNowOfAOneShotRunsItOnceNowInsteadOfAtItsTime() {
		this.scheduler.start();
		this.scheduler.add(TaskRequest.of("count", Triggers.at(START.plus(Duration.ofDays(1)))).id("reminder").build());
		this.scheduler.runNow("reminder");
		TaskExecuted run = this.events.await(TaskExecuted.class);
		this.events.await(TaskRemoved.class);
		assertThat(run.scheduledRunTime()).isEqualTo(START);
		assertThat(this.scheduler.get("reminder")).isEmpty();
		this.clock.advance(Duration.ofDays(2));
		this.scheduler.add(TaskRequest.of("count", Triggers.at(START.plus(Duration.ofDays(2)))).id("probe").build());
		this.events.await(TaskExecuted.class, (event) -> event.taskId().equals("probe"));
		assertThat(this.runs).hasValue(2);
	}

	@Test
	void taskContextCarriesArgumentsAndTheScheduledTime() {
		CompletableFuture<TaskContext> seen = new CompletableFuture<>();
		this.scheduler.functions().register("greet", seen::complete);
		this.scheduler.start();
		this.scheduler.add(TaskRequest.of("greet", Triggers.at(START))
			.id("greeting")
			.args("Ada", 36)
			.kwargs(Map.of("lang", "en"))
			.build());
		TaskContext context = seen.join();
		assertThat(context.taskId()).isEqualTo("greeting");
		assertThat(context.args()).containsExactly("Ada", 36);
		assertThat(context.kwargs()).containsEntry("lang", "en");
		assertThat(context.scheduledRunTime()).isEqualTo(START);
	}

	@Test
	void gracefulShutdownWaitsForRunningTasks() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		AtomicInteger finished = new AtomicInteger();
		this.scheduler.functions().register("slow", (context) -> {
			started.countDown();
			Thread.sleep(300);
			return finished.incrementAndGet();
		});
		this.scheduler.start();
		this.scheduler.add(TaskRequest.of("slow", Triggers.at(START)).build());
		assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();
		this.scheduler.shutdown(true);
		assertThat(finished).hasValue(1);
	}

	@Test
	void failingStoreIsReportedWhileOtherStoresGoOn() {
		this.scheduler.addStore("broken", new PersistentMemoryStore() {
			@Override
			public List<DueTask> acquireDueTasks(Instant now, int limit) {
				throw new StoreException("database is down");
			}
		});
		this.scheduler.start();
		this.scheduler.add(TaskRequest.of("count", Triggers.at(START)).build());
		StoreError error = this.events.await(StoreError.class);
		assertThat(error.store()).isEqualTo("broken");
		assertThat(error.exception()).hasMessage("database is down");
		this.events.await(TaskExecuted.class);
	}

	@Test
	void storeFailureForOneDueTaskLeavesTheOtherTasksOfTheBatchHandled() {
		this.scheduler.addStore("flaky", new PersistentMemoryStore() {
			@Override
			public boolean release(Task claimed, Task next) {
				if (claimed.id().equals("failing")) {
					throw new StoreException("connection lost");
				}
				return super.release(claimed, next);
			}
		});
		this.scheduler.add(TaskRequest.of("count", new EveryTrigger(START, Duration.ofSeconds(1)))
			.id("failing")
			.store("flaky")
			.noMisfireLimit()
			.build());
		this.scheduler
			.add(TaskRequest.of("count", Triggers.at(START.plusMillis(500))).id("after").store("flaky").build());
		this.clock.advance(Duration.ofMillis(600));
		this.scheduler.start();
		assertThat(this.events.await(StoreError.class).exception()).hasMessage("connection lost");
		this.events.await(TaskExecuted.class, (event) -> event.taskId().equals("after"));
	}

	@Test
	void interceptorsWrapEveryRunOutermostFirst() {
		List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
		Scheduler intercepted = Scheduler.builder().clock(this.clock).interceptor((task, context, next) -> {
			calls.add("outer:" + task.id());
			return next.proceed();
		}).interceptor((task, context, next) -> {
			calls.add("inner:" + context.scheduledRunTime());
			return next.proceed();
		}).build();
		try {
			intercepted.functions().register("record", (context) -> calls.add("function"));
			EventRecorder recorder = new EventRecorder();
			intercepted.addListener(recorder);
			intercepted.start();
			intercepted.add(TaskRequest.of("record", Triggers.at(START)).id("wrapped").build());
			recorder.await(TaskExecuted.class);
			assertThat(calls).containsExactly("outer:wrapped", "inner:" + START, "function");
		}
		finally {
			intercepted.shutdown(false);
		}
	}

}
