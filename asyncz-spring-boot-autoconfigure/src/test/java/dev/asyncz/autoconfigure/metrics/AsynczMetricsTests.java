package dev.asyncz.autoconfigure.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.asyncz.core.ControllableClock;
import dev.asyncz.core.Scheduler;
import dev.asyncz.event.TaskFailed;
import dev.asyncz.event.TaskMaxInstancesReached;
import dev.asyncz.executor.SchedulerExecutors;
import dev.asyncz.store.MemoryTaskStore;
import dev.asyncz.task.MisfirePolicy;
import dev.asyncz.task.RetryPolicy;
import dev.asyncz.task.TaskFunctions;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.trigger.DateTrigger;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Meters fed by a real scheduler, driven by a controllable clock and a direct executor.
 */
class AsynczMetricsTests {

	static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

	private static final List<String> RUN_COUNTERS = List.of("asyncz.task.misfires", "asyncz.task.max-instances",
			"asyncz.task.late", "asyncz.task.retries", "asyncz.task.failures", "asyncz.task.deferred");

	private final ControllableClock clock = new ControllableClock(START);

	private final AtomicLong nanoTime = new AtomicLong();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private Scheduler scheduler;

	private AsynczMetrics metrics;

	@BeforeEach
	@SuppressWarnings("unchecked")
	void startScheduler() {
		TaskFunctions functions = new TaskFunctions();
		functions.register("report", (context) -> "reported");
		functions.register("fail", (context) -> {
			throw new IllegalStateException("boom");
		});
		this.scheduler = Scheduler.builder()
			.clock(this.clock)
			.functions(functions)
			.store("default", new MemoryTaskStore())
			.executor("default", SchedulerExecutors.of(Runnable::run, "direct"))
			.build();
		this.metrics = new AsynczMetrics(this.scheduler, Duration.ofSeconds(5), this.nanoTime::get);
		this.scheduler.addListener(this.metrics);
		this.metrics.bindTo(this.registry);
		this.scheduler.start();
	}

	@AfterEach
	void shutdown() {
		this.scheduler.shutdown(false);
	}

	@Test
	void successfulRunIsTimedWithItsFunctionStoreExecutorAndOutcome() {
		runAt(START.plusSeconds(1), "report", "r1");
		this.clock.advance(Duration.ofSeconds(1));
		Timer timer = awaitTimer("asyncz.task.executions", "outcome", "success");
		assertThat(timer.getId().getTags()).containsExactlyInAnyOrder(Tag.of("function", "report"),
				Tag.of("store", "default"), Tag.of("executor", "default"), Tag.of("outcome", "success"));
	}

	@Test
	void failedRunIsTimedWithOutcomeError() {
		runAt(START.plusSeconds(1), "fail", "f1");
		this.clock.advance(Duration.ofSeconds(1));
		Timer timer = awaitTimer("asyncz.task.executions", "outcome", "error");
		assertThat(timer.getId().getTag("function")).isEqualTo("fail");
	}

	@Test
	void lateRunRecordsHowLateItStarted() {
		this.scheduler
			.add(TaskRequest.of("report", new DateTrigger(START.plusSeconds(1))).id("late").noMisfireLimit().build());
		this.clock.advance(Duration.ofSeconds(4));
		Timer lateness = awaitTimer("asyncz.task.lateness", "function", "report");
		assertThat(lateness.max(TimeUnit.MILLISECONDS)).isEqualTo(3000);
		assertThat(lateness.getId().getTags()).extracting(Tag::getKey)
			.containsExactlyInAnyOrder("function", "store", "executor");
	}

	@Test
	void fireTimeSkippedForBeingLaterThanItsGraceTimeCountsAMisfire() {
		this.scheduler.add(TaskRequest.of("report", new DateTrigger(START.plusSeconds(1)))
			.id("missed")
			.misfireGraceTime(Duration.ofSeconds(1))
			.misfirePolicy(MisfirePolicy.SKIP_IF_LATE)
			.build());
		this.clock.advance(Duration.ofSeconds(10));
		Counter misfires = awaitCounter("asyncz.task.misfires");
		assertThat(misfires.count()).isEqualTo(1);
		assertThat(misfires.getId().getTags()).containsExactlyInAnyOrder(Tag.of("function", "report"),
				Tag.of("store", "default"));
		assertThat(this.registry.find("asyncz.task.executions").timers())
			.allSatisfy((timer) -> assertThat(timer.count()).isZero());
		assertThat(total("asyncz.task.late")).isZero();
	}

	@Test
	void oneShotLaterThanItsGraceTimeRunsAndCountsALateRun() {
		// The default misfire policy runs a trigger's final fire time however late.
		this.scheduler.add(TaskRequest.of("report", new DateTrigger(START.plusSeconds(1)))
			.id("late")
			.misfireGraceTime(Duration.ofSeconds(1))
			.build());
		this.clock.advance(Duration.ofSeconds(10));
		Counter late = awaitCounter("asyncz.task.late");
		assertThat(late.count()).isEqualTo(1);
		assertThat(late.getId().getTags()).containsExactlyInAnyOrder(Tag.of("function", "report"),
				Tag.of("store", "default"));
		awaitTimer("asyncz.task.executions", "outcome", "success");
		assertThat(total("asyncz.task.misfires")).isZero();
	}

	@Test
	void failedRunWithARetryLeftCountsARetry() {
		this.scheduler.add(TaskRequest.of("fail", new DateTrigger(START.plusSeconds(1)))
			.id("retried")
			.retry(RetryPolicy.fixed(2, Duration.ofMinutes(1)))
			.build());
		this.clock.advance(Duration.ofSeconds(1));
		Counter retries = awaitCounter("asyncz.task.retries");
		assertThat(retries.count()).isEqualTo(1);
		assertThat(retries.getId().getTags()).containsExactlyInAnyOrder(Tag.of("function", "fail"),
				Tag.of("store", "default"));
		assertThat(total("asyncz.task.failures")).isZero();
	}

	@Test
	void lastAttemptOfAOneShotCountsAFailureKeptInTheFailedState() {
		this.scheduler.add(TaskRequest.of("fail", new DateTrigger(START.plusSeconds(1)))
			.id("failed")
			.retry(RetryPolicy.NONE)
			.build());
		this.clock.advance(Duration.ofSeconds(1));
		Counter failures = awaitCounter("asyncz.task.failures");
		assertThat(failures.count()).isEqualTo(1);
		assertThat(failures.getId().getTags()).containsExactlyInAnyOrder(Tag.of("function", "fail"),
				Tag.of("store", "default"), Tag.of("kept", "true"));
		assertThat(total("asyncz.task.retries")).isZero();
	}

	@Test
	void failureOfATaskThatGoesOnIsCountedAsNotKept() {
		this.metrics.onEvent(
				new TaskFailed("daily", "report", "default", "default", START, 3, "java.io.IOException", null, false));
		assertThat(this.registry.get("asyncz.task.failures")
			.tags("function", "report", "store", "default", "kept", "false")
			.counter()
			.count()).isEqualTo(1);
	}

	@Test
	void maxInstancesReachedIsCounted() {
		this.metrics.onEvent(new TaskMaxInstancesReached("busy", "report", "default", "default", START, 1));
		assertThat(this.registry.get("asyncz.task.max-instances")
			.tags("function", "report", "store", "default")
			.counter()
			.count()).isEqualTo(1);
	}

	@Test
	void tasksGaugeShowsEachStoresCountReadAtMostOncePerCacheTime() {
		runAt(START.plusSeconds(60), "report", "a");
		assertThat(tasksGauge("default")).isEqualTo(1);
		runAt(START.plusSeconds(60), "report", "b");
		assertThat(tasksGauge("default")).isEqualTo(1);
		this.nanoTime.addAndGet(Duration.ofSeconds(5).toNanos());
		assertThat(tasksGauge("default")).isEqualTo(2);
	}

	@Test
	void executorGaugesShowActiveRunsAndNothingForWhatTheExecutorCannotTell() {
		assertThat(this.registry.get("asyncz.executor.active").tag("executor", "default").gauge().value()).isZero();
		assertThat(this.registry.get("asyncz.executor.queued").tag("executor", "default").gauge().value()).isNaN();
	}

	@Test
	void storesAddedLaterGetAGaugeThatGoesWithThem() {
		this.scheduler.addStore("extra", new MemoryTaskStore());
		assertThat(tasksGauge("extra")).isZero();
		this.scheduler.removeStore("extra");
		assertThat(this.registry.find("asyncz.tasks").tag("store", "extra").gauge()).isNull();
	}

	@Test
	void everyStoreHasAQuarantinedGaugeThatGoesWithIt() {
		this.scheduler.addStore("extra", new MemoryTaskStore());
		assertThat(this.registry.get("asyncz.tasks.quarantined").tag("store", "extra").gauge().value()).isZero();
		this.scheduler.removeStore("extra");
		assertThat(this.registry.find("asyncz.tasks.quarantined").tag("store", "extra").gauge()).isNull();
	}

	@Test
	void everyRunCounterExistsAtZeroForEachStoreAndRegisteredFunctionOnceBound() {
		for (String name : RUN_COUNTERS) {
			for (String function : List.of("report", "fail")) {
				assertThat(this.registry.get(name).tags("function", function, "store", "default").counters())
					.as("%s for %s", name, function)
					.isNotEmpty()
					.allSatisfy((counter) -> assertThat(counter.count()).isZero());
			}
		}
		assertThat(this.registry.get("asyncz.task.failures").tag("function", "report").counters())
			.extracting((counter) -> counter.getId().getTag("kept"))
			.containsExactlyInAnyOrder("true", "false");
	}

	@Test
	void runTimersExistAtZeroForEachRegisteredFunctionOnTheDefaultExecutorOnceBound() {
		for (String function : List.of("report", "fail")) {
			Tags tags = Tags.of("function", function, "store", "default", "executor", "default");
			assertThat(this.registry.get("asyncz.task.executions").tags(tags).timers())
				.extracting((timer) -> timer.getId().getTag("outcome"))
				.containsExactlyInAnyOrder("success", "error");
			assertThat(this.registry.get("asyncz.task.executions").tags(tags).timers())
				.allSatisfy((timer) -> assertThat(timer.count()).isZero());
			assertThat(this.registry.get("asyncz.task.lateness").tags(tags).timer().count()).isZero();
		}
	}

	@Test
	void taskOnAnotherExecutorHasItsRunTimersAtZeroOnceAdded() {
		this.scheduler.addExecutor("blocking", SchedulerExecutors.of(Runnable::run, "blocking"));
		this.scheduler.add(TaskRequest.of("report", new DateTrigger(START.plusSeconds(60)))
			.id("on-blocking")
			.executor("blocking")
			.build());
		Tags tags = Tags.of("function", "report", "store", "default", "executor", "blocking");
		assertThat(this.registry.get("asyncz.task.executions").tags(tags).timers()).hasSize(2)
			.allSatisfy((timer) -> assertThat(timer.count()).isZero());
		assertThat(this.registry.get("asyncz.task.lateness").tags(tags).timer().count()).isZero();
	}

	@Test
	void storeAddedLaterHasItsRunCountersAtZero() {
		this.scheduler.addStore("extra", new MemoryTaskStore());
		for (String name : RUN_COUNTERS) {
			assertThat(this.registry.get(name).tags("function", "report", "store", "extra").counter().count()).isZero();
		}
	}

	@Test
	void functionRegisteredAfterBindingHasItsRunCountersOnceATaskCallsIt() {
		this.scheduler.functions().register("cleanup", (context) -> null);
		runAt(START.plusSeconds(60), "cleanup", "c1");
		for (String name : RUN_COUNTERS) {
			assertThat(this.registry.get(name).tags("function", "cleanup", "store", "default").counter().count())
				.isZero();
		}
	}

	@Test
	void taskCallingAJavaCallableGetsNoZeroCounters() {
		this.scheduler.add(TaskRequest.of("inline", (context) -> null, new DateTrigger(START.plusSeconds(60)))
			.id("inline-1")
			.build());
		assertThat(this.registry.find("asyncz.task.misfires").tag("function", "inline").counters()).isEmpty();
	}

	@Test
	void noMeterIsTaggedWithATaskId() {
		runAt(START.plusSeconds(1), "report", "task-id-1");
		runAt(START.plusSeconds(1), "fail", "task-id-2");
		this.clock.advance(Duration.ofSeconds(1));
		awaitTimer("asyncz.task.executions", "outcome", "error");
		awaitTimer("asyncz.task.executions", "outcome", "success");
		assertThat(this.registry.getMeters()).flatExtracting((meter) -> meter.getId().getTags())
			.extracting(Tag::getValue)
			.doesNotContain("task-id-1", "task-id-2");
	}

	private void runAt(Instant when, String function, String id) {
		this.scheduler.add(TaskRequest.of(function, new DateTrigger(when)).id(id).build());
	}

	/**
	 * The timer that recorded a run: the others with these tags exist at zero.
	 */
	private Timer awaitTimer(String name, String tagKey, String tagValue) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> this.registry.find(name)
				.tag(tagKey, tagValue)
				.timers()
				.stream()
				.filter((t) -> t.count() > 0)
				.findFirst(), Optional::isPresent)
			.orElseThrow();
	}

	private Counter awaitCounter(String name) {
		await().atMost(Duration.ofSeconds(30)).until(() -> total(name) > 0);
		return this.registry.get(name).counters().stream().filter((counter) -> counter.count() > 0).findFirst().get();
	}

	private double total(String name) {
		return this.registry.find(name).counters().stream().mapToDouble(Counter::count).sum();
	}

	private double tasksGauge(String store) {
		return this.registry.get("asyncz.tasks").tag("store", store).gauge().value();
	}

}
