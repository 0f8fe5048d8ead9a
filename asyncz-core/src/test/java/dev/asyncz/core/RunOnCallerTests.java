package dev.asyncz.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.asyncz.executor.SchedulerExecutors;
import dev.asyncz.task.RetryPolicy;
import dev.asyncz.task.TaskContext;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A scheduler built with {@link SchedulerBuilder#runOnCaller()}: no thread of its own,
 * due runs made by {@link Scheduler#runDueTasks()} on the calling thread.
 */
class RunOnCallerTests {

	private static final Instant T0 = Instant.parse("2027-01-01T00:00:00Z");

	private final ControllableClock clock = new ControllableClock(T0);

	private final List<Thread> threads = new CopyOnWriteArrayList<>();

	@Test
	void dueRunsHappenOnTheCallingThreadWhicheverExecutorTheTaskNames() {
		try (Scheduler scheduler = Scheduler.builder()
			.clock(this.clock)
			.executor("pool", SchedulerExecutors.threadPool(2))
			.runOnCaller()
			.build()) {
			scheduler.start();
			scheduler.add(TaskRequest
				.of("record the thread", (context) -> this.threads.add(Thread.currentThread()), Triggers.at(T0))
				.executor("pool")
				.build());
			DueRuns runs = scheduler.runDueTasks();
			assertThat(runs.runs()).isEqualTo(1);
			assertThat(runs.next()).isEmpty();
			assertThat(this.threads).containsExactly(Thread.currentThread());
		}
	}

	@Test
	void nothingRunsUntilAskedEvenWhenTheClockMoves() {
		try (Scheduler scheduler = Scheduler.builder().clock(this.clock).runOnCaller().build()) {
			scheduler.start();
			scheduler.add(
					TaskRequest
						.of("record the thread", (context) -> this.threads.add(Thread.currentThread()),
								Triggers.at(T0.plusSeconds(1)))
						.build());
			this.clock.advance(Duration.ofMinutes(1));
			assertThat(this.threads).isEmpty();
			assertThat(scheduler.runDueTasks().runs()).isEqualTo(1);
		}
	}

	@Test
	void retriesDueAtTheSameInstantRunBeforeTheCallReturnsAndTheCallEnds() {
		List<Integer> attempts = new CopyOnWriteArrayList<>();
		try (Scheduler scheduler = Scheduler.builder().clock(this.clock).runOnCaller().build()) {
			scheduler.start();
			scheduler.add(TaskRequest.of("always fails", (TaskContext context) -> {
				attempts.add(context.attempt());
				throw new IllegalStateException("fails on purpose");
			}, Triggers.at(T0)).id("failing").retry(RetryPolicy.fixed(4, Duration.ZERO)).build());
			assertThat(scheduler.runDueTasks().runs()).isEqualTo(4);
			assertThat(attempts).containsExactly(1, 2, 3, 4);
			assertThat(scheduler.get("failing")).hasValueSatisfying((task) -> assertThat(task.failed()).isTrue());
		}
	}

	@Test
	void theNextDueTimeIsReported() {
		try (Scheduler scheduler = Scheduler.builder().clock(this.clock).runOnCaller().build()) {
			scheduler.start();
			scheduler.add(TaskRequest.of("nothing", (context) -> null, Triggers.every(Duration.ofHours(1))).build());
			assertThat(scheduler.runDueTasks().next()).contains(T0.plus(Duration.ofHours(1)));
		}
	}

	@Test
	void aSchedulerWithItsOwnThreadRefusesToRunDueTasksOnDemandSayingHowToBuildOne() {
		try (Scheduler scheduler = Scheduler.builder().clock(this.clock).build()) {
			scheduler.start();
			assertThatExceptionOfType(SchedulerStateException.class).isThrownBy(scheduler::runDueTasks)
				.withMessageContaining("runOnCaller()");
		}
	}

	@Test
	void aSchedulerNotYetStartedRefusesToRunDueTasks() {
		try (Scheduler scheduler = Scheduler.builder().clock(this.clock).runOnCaller().build()) {
			assertThatExceptionOfType(SchedulerStateException.class).isThrownBy(scheduler::runDueTasks)
				.withMessageContaining("not started");
		}
	}

}
