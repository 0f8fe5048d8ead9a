package dev.asyncz.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.asyncz.event.TaskExecuted;
import dev.asyncz.executor.SchedulerExecutors;
import dev.asyncz.task.InvalidTaskException;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tasks that run when the scheduler starts or shuts down rather than at a time.
 */
class LifecycleTaskTests {

	private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");

	private final ControllableClock clock = new ControllableClock(START);

	private final EventRecorder events = new EventRecorder();

	private final List<String> calls = new CopyOnWriteArrayList<>();

	private Scheduler scheduler;

	@BeforeEach
	void buildScheduler() {
		this.scheduler = Scheduler.builder()
			.clock(this.clock)
			.maxWait(Duration.ofHours(1))
			.executor("default", SchedulerExecutors.threadPool(2))
			.store("durable", new PersistentMemoryStore())
			.build();
		this.scheduler.functions().register("record", (context) -> this.calls.add(context.taskId()));
		this.scheduler.addListener(this.events);
	}

	@AfterEach
	void shutdown() {
		this.scheduler.shutdown(false);
	}

	@Test
	void startTaskRunsOnceWhenTheSchedulerStartsAndIsThenGone() {
		this.scheduler.add(TaskRequest.of("record", Triggers.onStart()).id("warm-up").build());
		assertThat(this.scheduler.get("warm-up")).hasValueSatisfying((task) -> assertThat(task.paused()).isTrue());
		this.scheduler.start();
		this.events.await(TaskExecuted.class, (event) -> event.taskId().equals("warm-up"));
		this.clock.advance(Duration.ofDays(1));
		assertThat(this.calls).containsExactly("warm-up");
		assertThat(this.scheduler.get("warm-up")).isEmpty();
	}

	@Test
	void startTaskAddedToARunningSchedulerRunsAtOnce() {
		this.scheduler.start();
		this.scheduler.add(TaskRequest.of("record", Triggers.onStart()).id("late-comer").build());
		this.events.await(TaskExecuted.class, (event) -> event.taskId().equals("late-comer"));
		assertThat(this.calls).containsExactly("late-comer");
	}

	@Test
	void shutdownTaskRunsWhenTheSchedulerShutsDownBeforeItsExecutorStops() {
		this.scheduler.add(TaskRequest.of("record", Triggers.onShutdown()).id("flush").build());
		this.scheduler.start();
		this.clock.advance(Duration.ofDays(1));
		assertThat(this.calls).isEmpty();
		this.scheduler.shutdown(true);
		assertThat(this.calls).containsExactly("flush");
		assertThat(this.events.all(TaskExecuted.class)).extracting(TaskExecuted::taskId).containsExactly("flush");
	}

	@Test
	void shutdownTaskOfASchedulerThatNeverStartedDoesNotRun() {
		this.scheduler.add(TaskRequest.of("record", Triggers.onShutdown()).id("flush").build());
		this.scheduler.shutdown(true);
		assertThat(this.calls).isEmpty();
	}

	@Test
	void lifecycleTaskCannotLiveInAPersistentStore() {
		assertThatExceptionOfType(InvalidTaskException.class)
			.isThrownBy(() -> this.scheduler
				.add(TaskRequest.of("record", Triggers.onShutdown()).id("flush").store("durable").build()))
			.withMessageContaining("only in a memory store")
			.withMessageContaining("'durable'");
	}

	@Test
	void resumingAWaitingLifecycleTaskKeepsIt() {
		this.scheduler.add(TaskRequest.of("record", Triggers.onShutdown()).id("flush").build());
		assertThat(this.scheduler.resumeTask("flush")).isPresent();
		assertThat(this.scheduler.get("flush")).isPresent();
	}

}
