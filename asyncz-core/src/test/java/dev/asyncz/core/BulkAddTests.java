package dev.asyncz.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.asyncz.event.TaskAdded;
import dev.asyncz.event.TaskExecuted;
import dev.asyncz.store.TaskQuery;
import dev.asyncz.task.ConflictingIdException;
import dev.asyncz.task.InvalidTaskException;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link Scheduler#addAll}: many tasks in one call, each checked as a single add is, and
 * all of them added or none.
 */
class BulkAddTests {

	private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

	private static final Instant LATER = NOW.plus(Duration.ofDays(30));

	private final ControllableClock clock = new ControllableClock(NOW);

	private final EventRecorder events = new EventRecorder();

	private Scheduler scheduler;

	@BeforeEach
	void buildScheduler() {
		this.scheduler = Scheduler.builder()
			.clock(this.clock)
			.store("durable", new PersistentMemoryStore())
			.maxTasks(1_000)
			.build();
		this.scheduler.functions().register("noop", (context) -> null);
		this.scheduler.addListener(this.events);
	}

	@AfterEach
	void shutdown() {
		this.scheduler.shutdown(false);
	}

	@Test
	void addAllReturnsTheStoredTasksInTheOrderOfTheRequestsAndAnnouncesEach() {
		List<Task> added = this.scheduler
			.addAll(List.of(request("a", LATER.plusSeconds(2)), request("b", LATER.plusSeconds(1)),
					TaskRequest.of("noop", Triggers.at(LATER)).store("durable").build()));
		assertThat(added).extracting(Task::nextRunTime)
			.containsExactly(LATER.plusSeconds(2), LATER.plusSeconds(1), LATER);
		assertThat(added.get(2).id()).isNotBlank();
		assertThat(this.scheduler.list("durable", TaskQuery.first(10))).extracting(Task::id)
			.containsExactly(added.get(2).id(), "b", "a");
		assertThat(this.events.awaitCount(TaskAdded.class, (event) -> true, 3)).extracting(TaskAdded::task)
			.containsExactlyElementsOf(added);
	}

	@Test
	void anIdTwiceInOneCallIsRefusedNamingItAndAddsNothing() {
		assertThatExceptionOfType(ConflictingIdException.class)
			.isThrownBy(() -> this.scheduler
				.addAll(List.of(request("a", LATER), request("b", LATER), request("a", LATER.plusSeconds(1)))))
			.withMessageContaining("'a'")
			.satisfies((ex) -> assertThat(ex.getTaskId()).isEqualTo("a"));
		assertThat(this.scheduler.list("durable", TaskQuery.first(10))).isEmpty();
	}

	@Test
	void anIdTheStoreHoldsIsRefusedNamingItAndTheStoredTaskIsKept() {
		Task stored = this.scheduler.add(request("taken", LATER));
		assertThatExceptionOfType(ConflictingIdException.class).isThrownBy(
				() -> this.scheduler.addAll(List.of(request("new", LATER), request("taken", LATER.plusSeconds(60)))))
			.satisfies((ex) -> assertThat(ex.getTaskId()).isEqualTo("taken"));
		assertThat(this.scheduler.list("durable", TaskQuery.first(10))).containsExactly(stored);
	}

	@Test
	void anIdAnotherStoreHoldsIsRefused() {
		this.scheduler.add(TaskRequest.of("noop", Triggers.at(LATER)).id("elsewhere").build());
		assertThatExceptionOfType(ConflictingIdException.class)
			.isThrownBy(() -> this.scheduler.addAll(List.of(request("new", LATER), request("elsewhere", LATER))))
			.satisfies((ex) -> assertThat(ex.getTaskId()).isEqualTo("elsewhere"));
		assertThat(this.scheduler.list("durable", TaskQuery.first(10))).isEmpty();
	}

	@Test
	void aRequestASingleAddWouldRefuseIsRefusedTheSameWayAndNothingIsAdded() {
		assertThatExceptionOfType(InvalidTaskException.class)
			.isThrownBy(() -> this.scheduler.addAll(List.of(request("a", LATER),
					TaskRequest.of("unknown", Triggers.at(LATER)).id("b").store("durable").build())))
			.withMessageContaining("no task function named 'unknown'");
		assertThat(this.scheduler.list("durable", TaskQuery.first(10))).isEmpty();
	}

	@Test
	void requestsForTwoStoresAreRefusedNamingBoth() {
		assertThatExceptionOfType(InvalidTaskException.class)
			.isThrownBy(() -> this.scheduler
				.addAll(List.of(request("a", LATER), TaskRequest.of("noop", Triggers.at(LATER)).id("b").build())))
			.withMessageContaining("'b' goes to store 'default'")
			.withMessageContaining("store 'durable'");
		assertThat(this.scheduler.list("durable", TaskQuery.first(10))).isEmpty();
	}

	@Test
	void aRequestToReplaceAnExistingTaskIsRefused() {
		TaskRequest replacing = TaskRequest.of("noop", Triggers.at(LATER))
			.id("a")
			.store("durable")
			.replaceExisting(true)
			.build();
		assertThatExceptionOfType(InvalidTaskException.class)
			.isThrownBy(() -> this.scheduler.addAll(List.of(replacing)))
			.withMessageContaining("'a' asks to replace an existing task");
	}

	@Test
	void tasksBeyondTheMaxTasksLimitAreRefusedAndNoneIsAdded() {
		List<TaskRequest> requests = new ArrayList<>();
		for (int i = 0; i < 1_001; i++) {
			requests.add(request("t" + i, LATER));
		}
		assertThatExceptionOfType(MaxTasksExceededException.class).isThrownBy(() -> this.scheduler.addAll(requests));
		assertThat(this.scheduler.addAll(requests.subList(0, 1_000))).hasSize(1_000);
	}

	@Test
	void noRequestsAddNothing() {
		assertThat(this.scheduler.addAll(List.of())).isEmpty();
	}

	@Test
	void anEarlierTaskWakesTheRunningSchedulerWhichRunsIt() {
		this.scheduler.start();
		this.scheduler.addAll(List.of(request("late", LATER), request("soon", NOW.plusSeconds(5))));
		this.clock.advance(Duration.ofSeconds(5));
		assertThat(this.events.await(TaskExecuted.class).taskId()).isEqualTo("soon");
	}

	private static TaskRequest request(String id, Instant runTime) {
		return TaskRequest.of("noop", Triggers.at(runTime)).id(id).store("durable").build();
	}

}
