package dev.asyncz.testkit;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.asyncz.core.ControllableClock;
import dev.asyncz.core.Scheduler;
import dev.asyncz.event.TaskExecuted;
import dev.asyncz.store.TaskStore;
import dev.asyncz.task.RetryPolicy;
import dev.asyncz.task.TaskContext;
import dev.asyncz.task.TaskFunctions;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link TimeTravel} does, over a store each subclass provides: every store must
 * behave the same.
 */
abstract class TimeTravelContract {

	static final Instant T0 = Instant.parse("2027-01-01T00:00:00Z");

	private final List<TaskContext> runs = new CopyOnWriteArrayList<>();

	private final List<Thread> threads = new CopyOnWriteArrayList<>();

	private final ControllableClock clock = new ControllableClock(T0);

	private Scheduler scheduler;

	TimeTravel time;

	SchedulerEventRecorder events;

	/**
	 * A new, empty store; called once per test.
	 */
	abstract TaskStore newStore();

	@BeforeEach
	void startScheduler() {
		TaskFunctions functions = new TaskFunctions();
		functions.register("tick", (context) -> {
			this.runs.add(context);
			this.threads.add(Thread.currentThread());
			return null;
		});
		functions.register("flaky", FailingFunction.failing(2, (context) -> this.runs.add(context)));
		this.scheduler = TimeTravel.configure(Scheduler.builder(), this.clock)
			.store("default", newStore())
			.functions(functions)
			.build();
		this.events = SchedulerEventRecorder.listeningTo(this.scheduler);
		this.scheduler.start();
		this.time = new TimeTravel(this.scheduler, this.clock);
	}

	/**
	 * Removes what the store left behind; called once per test, after the scheduler has
	 * shut down.
	 */
	void cleanUp() {
	}

	@AfterEach
	void stopScheduler() {
		try {
			this.scheduler.close();
		}
		finally {
			cleanUp();
		}
	}

	@Test
	void advanceRunsEveryFireTimeInOrderOnTheCallingThread() {
		add(TaskRequest.of("tick", Triggers.every(Duration.ofHours(1))).id("hourly"));
		int made = this.time.advance(Duration.ofHours(3));
		assertThat(made).isEqualTo(3);
		assertThat(this.runs).extracting(TaskContext::scheduledRunTime)
			.containsExactly(T0.plusSeconds(3600), T0.plusSeconds(7200), T0.plusSeconds(10800));
		assertThat(this.runs).extracting(TaskContext::startedAt)
			.containsExactly(T0.plusSeconds(3600), T0.plusSeconds(7200), T0.plusSeconds(10800));
		assertThat(this.threads).containsOnly(Thread.currentThread());
		assertThat(this.events).hasExecuted("hourly").times(3).and().hasNoFailures();
	}

	@Test
	void advanceToRunsWhatIsDueAtTheTargetButNothingAfterIt() {
		add(TaskRequest.of("tick", Triggers.at(T0.plusSeconds(60))).id("at-target"));
		add(TaskRequest.of("tick", Triggers.at(T0.plusSeconds(61))).id("after-target"));
		this.time.advanceTo(T0.plusSeconds(60));
		assertThat(this.time.now()).isEqualTo(T0.plusSeconds(60));
		assertThat(this.events).hasExecuted("at-target").once();
		assertThat(this.events.events(TaskExecuted.class)).extracting(TaskExecuted::taskId)
			.doesNotContain("after-target");
		assertThat(this.scheduler.get("at-target")).isEmpty();
		assertThat(this.scheduler.get("after-target")).isPresent();
	}

	@Test
	void runDueTasksRunsWhatIsDueNowWithoutMovingTheClock() {
		add(TaskRequest.of("tick", Triggers.at(T0)).id("now"));
		assertThat(this.time.runDueTasks()).isEqualTo(1);
		assertThat(this.time.now()).isEqualTo(T0);
		assertThat(this.scheduler.get("now")).isEmpty();
	}

	@Test
	void runNowRunsATaskAheadOfItsTimeAndKeepsItsSchedule() {
		add(TaskRequest.of("tick", Triggers.every(Duration.ofDays(1))).id("daily"));
		assertThat(this.time.runNow("daily")).isEqualTo(1);
		assertThat(this.events).hasExecuted("daily").once();
		assertThat(this.scheduler.get("daily"))
			.hasValueSatisfying((task) -> assertThat(task.nextRunTime()).isEqualTo(T0.plus(Duration.ofDays(1))));
	}

	@Test
	void aFunctionFailingTwiceSucceedsOnItsThirdAttemptAfterTheRetryDelays() {
		add(TaskRequest.of("flaky", Triggers.at(T0.plusSeconds(10)))
			.id("flaky-once")
			.retry(RetryPolicy.fixed(3, Duration.ofSeconds(30))));
		this.time.advance(Duration.ofSeconds(10));
		assertThat(this.events).hasFailed("flaky-once").once().and().hasRetried("flaky-once").once();
		this.time.advance(Duration.ofMinutes(1));
		assertThat(this.events).hasFailed("flaky-once")
			.times(2)
			.and()
			.hasRetried("flaky-once")
			.times(2)
			.and()
			.hasExecuted("flaky-once")
			.once();
		assertThat(this.runs).singleElement().satisfies((run) -> {
			assertThat(run.attempt()).isEqualTo(3);
			assertThat(run.startedAt()).isEqualTo(T0.plusSeconds(70));
		});
		assertThat(this.scheduler.get("flaky-once")).isEmpty();
	}

	@Test
	void aOneShotDueDuringADowntimeRunsOnceTheApplicationIsBack() {
		add(TaskRequest.of("tick", Triggers.at(T0.plus(Duration.ofHours(2)))).id("while-down"));
		this.time.advance(Duration.ofHours(1));
		assertThat(this.runs).isEmpty();
		assertThat(this.time.downtime(Duration.ofHours(5))).isEqualTo(1);
		assertThat(this.runs).singleElement().satisfies((run) -> {
			assertThat(run.scheduledRunTime()).isEqualTo(T0.plus(Duration.ofHours(2)));
			assertThat(run.startedAt()).isEqualTo(T0.plus(Duration.ofHours(6)));
		});
	}

	@Test
	void anHourlyTaskMissesTheFireTimesOfADowntimeBeyondItsGraceTime() {
		add(TaskRequest.of("tick", Triggers.every(Duration.ofHours(1))).id("hourly"));
		this.time.downtime(Duration.ofHours(5).plusMinutes(30));
		this.time.advance(Duration.ofMinutes(30));
		assertThat(this.events).hasMissed("hourly");
		assertThat(this.runs).extracting(TaskContext::startedAt).last().isEqualTo(T0.plus(Duration.ofHours(6)));
	}

	@Test
	void aDailyCronAtNineParisTimeKeepsToNineAcrossTheSpringDstChange() {
		ZoneId paris = ZoneId.of("Europe/Paris");
		ZoneOffsetTransition change = DstDays.springForward(paris, 2027);
		add(TaskRequest.of("tick", Triggers.cron("0 9 * * *", paris)).id("nine"));
		this.time.advanceTo(DstDays.startOfDay(change, paris).minus(Duration.ofDays(1)));
		this.runs.clear();
		this.time.advance(Duration.ofDays(2));
		assertThat(this.runs).extracting((run) -> run.scheduledRunTime().atZone(paris).toLocalTime().toString())
			.containsExactly("09:00", "09:00");
		assertThat(this.runs).extracting(TaskContext::scheduledRunTime)
			.containsExactly(
					change.getDateTimeBefore()
						.toLocalDate()
						.minusDays(1)
						.atTime(8, 0)
						.toInstant(java.time.ZoneOffset.UTC),
					change.getDateTimeBefore().toLocalDate().atTime(7, 0).toInstant(java.time.ZoneOffset.UTC));
	}

	private void add(TaskRequest.Builder request) {
		this.scheduler.add(request.build());
	}

}
