package dev.asyncz.core;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import dev.asyncz.event.AllTasksRemoved;
import dev.asyncz.event.TaskAdded;
import dev.asyncz.event.TaskModified;
import dev.asyncz.event.TaskRemoved;
import dev.asyncz.store.StoreContext;
import dev.asyncz.store.StoreException;
import dev.asyncz.store.TaskQuery;
import dev.asyncz.task.ConflictingIdException;
import dev.asyncz.task.InvalidTaskException;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskNotFoundException;
import dev.asyncz.task.TaskOptions;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.task.TaskUpdate;
import dev.asyncz.trigger.CronTrigger;
import dev.asyncz.trigger.DstGapPolicy;
import dev.asyncz.trigger.DstOverlapPolicy;
import dev.asyncz.trigger.Trigger;
import dev.asyncz.trigger.Triggers;
import dev.asyncz.trigger.ZonedTrigger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Adding, changing and removing tasks through the scheduler, and every way a request can
 * be refused.
 */
class TaskManagementTests {

	private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

	private static final Instant LATER = NOW.plus(Duration.ofDays(30));

	private final ControllableClock clock = new ControllableClock(NOW);

	private final EventRecorder events = new EventRecorder();

	private Scheduler scheduler;

	@BeforeEach
	void buildScheduler() {
		this.scheduler = Scheduler.builder()
			.clock(this.clock)
			.zone(ZoneId.of("Europe/Paris"))
			.store("durable", new PersistentMemoryStore())
			.taskDefaults(new TaskOptions(false, 3, Duration.ofSeconds(7)))
			.build();
		this.scheduler.functions().register("noop", (context) -> null);
		this.scheduler.addListener(this.events);
	}

	@AfterEach
	void shutdown() {
		this.scheduler.shutdown(false);
	}

	@Test
	void storeUsedFromSeveralThreadsAtFirstIsStartedBeforeAnyOfThemUsesIt() throws Exception {
		CountDownLatch starting = new CountDownLatch(1);
		CountDownLatch finishStart = new CountDownLatch(1);
		this.scheduler.addStore("slow", new PersistentMemoryStore() {

			private volatile boolean started;

			@Override
			public void start(StoreContext context) {
				starting.countDown();
				await(finishStart);
				this.started = true;
			}

			@Override
			public void add(Task task) {
				if (!this.started) {
					throw new IllegalStateException("used before it was started");
				}
				super.add(task);
			}

		});
		CompletableFuture<Task> first = CompletableFuture
			.supplyAsync(() -> this.scheduler.add(TaskRequest.of("noop", Triggers.at(LATER)).store("slow").build()));
		await(starting);
		FutureTask<Task> second = new FutureTask<>(
				() -> this.scheduler.add(TaskRequest.of("noop", Triggers.at(LATER)).store("slow").build()));
		Thread thread = new Thread(second);
		thread.start();
		while (thread.isAlive() && thread.getState() != Thread.State.BLOCKED) {
			Thread.onSpinWait();
		}
		finishStart.countDown();
		assertThat(first.get(30, TimeUnit.SECONDS).store()).isEqualTo("slow");
		assertThat(second.get(30, TimeUnit.SECONDS).store()).isEqualTo("slow");
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void addedTaskGetsAGeneratedIdAndTheSchedulerDefaults() {
		Task task = this.scheduler.add(TaskRequest.of("noop", Triggers.at(LATER)).build());
		assertThat(task.id()).hasSize(32);
		assertThat(task.name()).isEqualTo(task.id());
		assertThat(task.store()).isEqualTo("default");
		assertThat(task.executor()).isEqualTo("default");
		assertThat(task.options().coalesce()).isFalse();
		assertThat(task.options().maxInstances()).isEqualTo(3);
		assertThat(task.options().misfireGraceTime()).isEqualTo(Duration.ofSeconds(7));
		assertThat(task.nextRunTime()).isEqualTo(LATER);
		assertThat(this.events.all(TaskAdded.class)).extracting(TaskAdded::task).containsExactly(task);
	}

	@Test
	void taskCanBeAddedBeforeTheSchedulerStarts() {
		this.scheduler.add(TaskRequest.of("noop", Triggers.at(LATER)).id("early").build());
		assertThat(this.scheduler.get("early")).isPresent();
	}

	@Test
	void duplicateIdIsRefused() {
		this.scheduler.add(TaskRequest.of("noop", Triggers.at(LATER)).id("dup").build());
		assertThatExceptionOfType(ConflictingIdException.class)
			.isThrownBy(() -> this.scheduler.add(TaskRequest.of("noop", Triggers.at(LATER)).id("dup").build()))
			.withMessageContaining("'dup'")
			.withMessageContaining("replaceExisting");
	}

	@Test
	void duplicateIdInAnotherStoreIsRefusedToo() {
		this.scheduler.add(TaskRequest.of("noop", Triggers.at(LATER)).id("dup").build());
		assertThatExceptionOfType(ConflictingIdException.class).isThrownBy(() -> this.scheduler
			.add(TaskRequest.of("noop", Triggers.at(LATER)).id("dup").store("durable").build()));
	}

	@Test
	void replaceExistingOverwritesTheTask() {
		this.scheduler.add(TaskRequest.of("noop", Triggers.at(LATER)).id("same").build());
		Task replaced = this.scheduler
			.add(TaskRequest.of("noop", Triggers.at(LATER.plusSeconds(1))).id("same").replaceExisting(true).build());
		assertThat(this.scheduler.get("same")).contains(replaced);
		assertThat(this.events.all(TaskModified.class)).hasSize(1);
	}

	@Test
	void replacingATaskIntoAnotherStoreMovesIt() {
		this.scheduler.add(TaskRequest.of("noop", Triggers.at(LATER)).id("moving").build());
		this.scheduler.add(
				TaskRequest.of("noop", Triggers.at(LATER)).id("moving").store("durable").replaceExisting(true).build());
		assertThat(this.scheduler.get("moving")).get().extracting(Task::store).isEqualTo("durable");
		assertThat(this.scheduler.list("default", TaskQuery.first(10))).isEmpty();
	}

	@Test
	void replacingATaskIntoAStoreThatFailsToAddItKeepsTheTaskWhereItWas() {
		this.scheduler.addStore("broken", new PersistentMemoryStore() {

			@Override
			public void add(Task task) {
				throw new StoreException("the database went away");
			}

		});
		this.scheduler.add(TaskRequest.of("noop", Triggers.at(LATER)).id("kept").build());
		assertThatExceptionOfType(StoreException.class).isThrownBy(() -> this.scheduler
			.add(TaskRequest.of("noop", Triggers.at(LATER)).id("kept").store("broken").replaceExisting(true).build()));
		assertThat(this.scheduler.get("kept")).get().extracting(Task::store).isEqualTo("default");
	}

	@Test
	void unknownFunctionIsRefusedNamingTheRegisteredOnes() {
		assertThatExceptionOfType(InvalidTaskException.class)
			.isThrownBy(() -> this.scheduler.add(TaskRequest.of("missing", Triggers.at(LATER)).id("t").build()))
			.withMessage("Task 't': no task function named 'missing'; registered functions: [noop]");
	}

	@Test
	void unknownStoreIsRefusedNamingTheStores() {
		assertThatExceptionOfType(InvalidTaskException.class)
			.isThrownBy(
					() -> this.scheduler.add(TaskRequest.of("noop", Triggers.at(LATER)).id("t").store("nope").build()))
			.withMessage("Task 't': no store named 'nope'; stores: [durable, default]");
	}

	@Test
	void unknownExecutorIsRefusedNamingTheExecutors() {
		assertThatExceptionOfType(InvalidTaskException.class).isThrownBy(
				() -> this.scheduler.add(TaskRequest.of("noop", Triggers.at(LATER)).id("t").executor("nope").build()))
			.withMessage("Task 't': no executor named 'nope'; executors: [default]");
	}

	@Test
	void callableCannotGoIntoAPersistentStore() {
		assertThatExceptionOfType(InvalidTaskException.class)
			.isThrownBy(() -> this.scheduler
				.add(TaskRequest.of("lambda", (context) -> null, Triggers.at(LATER)).id("t").store("durable").build()))
			.withMessageContaining("store 'durable' is persistent and can only call registered functions");
	}

	@Test
	void callableIsAcceptedByAMemoryStore() {
		Task task = this.scheduler.add(TaskRequest.of("lambda", (context) -> null, Triggers.at(LATER)).build());
		assertThat(task.callable()).isNotNull();
	}

	@Test
	void argumentThatCannotBeJsonIsRefusedByAPersistentStore() {
		assertThatExceptionOfType(InvalidTaskException.class).isThrownBy(() -> this.scheduler
			.add(TaskRequest.of("noop", Triggers.at(LATER)).id("t").store("durable").args("ok", new Object()).build()))
			.withMessageContaining("Task 't': positional argument 1 of type java.lang.Object cannot be stored as JSON");
		assertThat(this.scheduler.get("t")).isEmpty();
	}

	@Test
	void triggerThatNeverFiresIsRefused() {
		Trigger never = new Trigger() {
			@Override
			public Optional<Instant> firstFireTime(Instant now) {
				return Optional.empty();
			}

			@Override
			public Optional<Instant> nextFireTimeAfter(Instant previous) {
				return Optional.empty();
			}

			@Override
			public String describe() {
				return "never";
			}
		};
		assertThatExceptionOfType(InvalidTaskException.class)
			.isThrownBy(() -> this.scheduler.add(TaskRequest.of("noop", never).id("t").build()))
			.withMessage("Task 't': its trigger (never) will never fire");
	}

	@Test
	void triggerWithoutAZoneTakesTheSchedulerZone() {
		Task task = this.scheduler.add(TaskRequest.of("noop", new ZoneProbe(null)).build());
		assertThat(((ZoneProbe) task.trigger()).zone()).isEqualTo(ZoneId.of("Europe/Paris"));
	}

	@Test
	void triggerWithAZoneKeepsIt() {
		Task task = this.scheduler.add(TaskRequest.of("noop", new ZoneProbe(ZoneId.of("Asia/Tokyo"))).build());
		assertThat(((ZoneProbe) task.trigger()).zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
	}

	@Test
	void maxTasksLimitIsEnforced() {
		Scheduler small = Scheduler.builder().clock(this.clock).maxTasks(2).build();
		small.functions().register("noop", (context) -> null);
		small.add(TaskRequest.of("noop", Triggers.at(LATER)).build());
		small.add(TaskRequest.of("noop", Triggers.at(LATER)).build());
		assertThatExceptionOfType(MaxTasksExceededException.class)
			.isThrownBy(() -> small.add(TaskRequest.of("noop", Triggers.at(LATER)).build()))
			.withMessageContaining("limit of 2 tasks");
	}

	@Test
	void replacingATaskAtTheMaxTasksLimitReplacesIt() {
		Scheduler small = Scheduler.builder().clock(this.clock).maxTasks(2).build();
		small.functions().register("noop", (context) -> null);
		small.add(TaskRequest.of("noop", Triggers.at(LATER)).id("a").build());
		small.add(TaskRequest.of("noop", Triggers.at(LATER)).id("b").build());
		Task replaced = small
			.add(TaskRequest.of("noop", Triggers.at(LATER.plusSeconds(60))).id("a").replaceExisting(true).build());
		assertThat(replaced.nextRunTime()).isEqualTo(LATER.plusSeconds(60));
		assertThat(small.get("a")).get().extracting(Task::nextRunTime).isEqualTo(LATER.plusSeconds(60));
	}

	@Test
	void blankIdIsRefusedNamingIt() {
		assertThatExceptionOfType(InvalidTaskException.class)
			.isThrownBy(() -> this.scheduler.add(TaskRequest.of("noop", Triggers.at(LATER)).id("  ").build()))
			.withMessageContaining("must not be blank");
		assertThat(this.scheduler.list("default", TaskQuery.first(10))).isEmpty();
	}

	@Test
	void pausedTaskHasNoNextRunTimeAndResumesFromNow() {
		this.scheduler.add(TaskRequest.of("noop", new EveryTrigger(NOW, Duration.ofHours(1))).id("hourly").build());
		assertThat(this.scheduler.pauseTask("hourly").nextRunTime()).isNull();
		this.clock.advance(Duration.ofMinutes(150));
		assertThat(this.scheduler.resumeTask("hourly")).get()
			.extracting(Task::nextRunTime)
			.isEqualTo(NOW.plus(Duration.ofHours(3)));
	}

	@Test
	void resumingAFinishedOneShotRemovesIt() {
		this.scheduler.add(TaskRequest.of("noop", Triggers.at(NOW.plusSeconds(1))).id("once").paused(true).build());
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(this.scheduler.resumeTask("once")).get().extracting(Task::nextRunTime).isEqualTo(NOW.plusSeconds(1));
	}

	@Test
	void rescheduleReplacesTheTriggerAndNextRunTime() {
		this.scheduler.add(TaskRequest.of("noop", Triggers.at(LATER)).id("moving").build());
		Task moved = this.scheduler.reschedule("moving", Triggers.at(LATER.plusSeconds(60)));
		assertThat(moved.nextRunTime()).isEqualTo(LATER.plusSeconds(60));
		assertThat(this.scheduler.get("moving")).contains(moved);
	}

	@Test
	void updateChangesOnlyWhatItSets() {
		Task original = this.scheduler.add(TaskRequest.of("noop", Triggers.at(LATER)).id("u").args(1).build());
		Task updated = this.scheduler.update("u", TaskUpdate.create().name("renamed").maxInstances(5));
		assertThat(updated.name()).isEqualTo("renamed");
		assertThat(updated.options().maxInstances()).isEqualTo(5);
		assertThat(updated.args()).isEqualTo(original.args());
		assertThat(updated.nextRunTime()).isEqualTo(original.nextRunTime());
	}

	@Test
	void updateToAnUnknownExecutorIsRefused() {
		this.scheduler.add(TaskRequest.of("noop", Triggers.at(LATER)).id("u").build());
		assertThatExceptionOfType(InvalidTaskException.class)
			.isThrownBy(() -> this.scheduler.update("u", TaskUpdate.create().executor("ghost")))
			.withMessageContaining("no executor named 'ghost'");
	}

	@Test
	void operationsOnAMissingTaskNameIt() {
		assertThatExceptionOfType(TaskNotFoundException.class).isThrownBy(() -> this.scheduler.delete("ghost"))
			.withMessage("No task with id 'ghost'");
		assertThatExceptionOfType(TaskNotFoundException.class).isThrownBy(() -> this.scheduler.pauseTask("ghost"));
		assertThatExceptionOfType(TaskNotFoundException.class).isThrownBy(() -> this.scheduler.runNow("ghost"));
	}

	@Test
	void deleteRemovesTheTaskWithAnEvent() {
		this.scheduler.add(TaskRequest.of("noop", Triggers.at(LATER)).id("gone").build());
		this.scheduler.delete("gone");
		assertThat(this.scheduler.get("gone")).isEmpty();
		assertThat(this.events.all(TaskRemoved.class)).extracting(TaskRemoved::taskId).containsExactly("gone");
	}

	@Test
	void deleteAllOfOneStoreLeavesTheOthers() {
		this.scheduler.add(TaskRequest.of("noop", Triggers.at(LATER)).id("a").build());
		this.scheduler.add(TaskRequest.of("noop", Triggers.at(LATER)).id("b").store("durable").build());
		this.scheduler.deleteAll("default");
		assertThat(this.scheduler.get("a")).isEmpty();
		assertThat(this.scheduler.get("b")).isPresent();
		assertThat(this.events.all(AllTasksRemoved.class)).extracting(AllTasksRemoved::store)
			.containsExactly("default");
	}

	@Test
	void listPagesTasksByNextRunTimeWithPausedLast() {
		this.scheduler.add(TaskRequest.of("noop", Triggers.at(LATER.plusSeconds(2))).id("c").build());
		this.scheduler.add(TaskRequest.of("noop", Triggers.at(LATER)).id("a").build());
		this.scheduler.add(TaskRequest.of("noop", Triggers.at(LATER)).id("p").paused(true).build());
		this.scheduler.add(TaskRequest.of("noop", Triggers.at(LATER.plusSeconds(1))).id("b").build());
		assertThat(this.scheduler.list("default", TaskQuery.first(10))).extracting(Task::id)
			.containsExactly("a", "b", "c", "p");
		assertThat(this.scheduler.list("default", new TaskQuery(null, null, 1, 2))).extracting(Task::id)
			.containsExactly("b", "c");
	}

	@Test
	void startingTwiceIsRefused() {
		this.scheduler.start();
		assertThatExceptionOfType(SchedulerStateException.class).isThrownBy(this.scheduler::start)
			.withMessageContaining("already started");
	}

	@Test
	void shutDownSchedulerCannotStartAgain() {
		this.scheduler.start();
		this.scheduler.shutdown(true);
		assertThat(this.scheduler.state()).isEqualTo(SchedulerState.STOPPED);
		assertThatExceptionOfType(SchedulerStateException.class).isThrownBy(this.scheduler::start)
			.withMessageContaining("shut down");
	}

	@Test
	void pauseAndResumeMoveTheState() {
		this.scheduler.start();
		this.scheduler.pause();
		assertThat(this.scheduler.state()).isEqualTo(SchedulerState.PAUSED);
		this.scheduler.resume();
		assertThat(this.scheduler.state()).isEqualTo(SchedulerState.RUNNING);
	}

	private record ZoneProbe(@Nullable ZoneId zone) implements ZonedTrigger {

		@Override
		public ZonedTrigger inZone(ZoneId zone) {
			return new ZoneProbe(zone);
		}

		@Override
		public Optional<Instant> firstFireTime(Instant now) {
			return Optional.of(now.plusSeconds(60));
		}

		@Override
		public Optional<Instant> nextFireTimeAfter(Instant previous) {
			return Optional.empty();
		}

		@Override
		public String describe() {
			return "probe";
		}

	}

	@Test
	void previewListsTheNextFireTimesFromTheNextRunTimeAndChangesNothing() {
		Task task = this.scheduler.add(TaskRequest.of("noop", Triggers.cron("0 9 * * *")).id("daily").build());
		assertThat(this.scheduler.preview("daily", 3)).containsExactly(Instant.parse("2026-06-02T07:00:00Z"),
				Instant.parse("2026-06-03T07:00:00Z"), Instant.parse("2026-06-04T07:00:00Z"));
		assertThat(this.scheduler.get("daily")).contains(task);
	}

	@Test
	void previewOfAPausedTaskStartsNow() {
		this.scheduler.add(TaskRequest.of("noop", Triggers.cron("0 9 * * *")).id("daily").paused(true).build());
		assertThat(this.scheduler.preview("daily", 1)).containsExactly(Instant.parse("2026-06-02T07:00:00Z"));
	}

	@Test
	void previewOfATriggerUsesTheSchedulersZoneBeforeAnyTaskIsAdded() {
		assertThat(this.scheduler.preview(Triggers.cron("30 8 * * *"), 2))
			.containsExactly(Instant.parse("2026-06-02T06:30:00Z"), Instant.parse("2026-06-03T06:30:00Z"));
		assertThat(this.scheduler.get("anything")).isEmpty();
	}

	@Test
	void previewOfAnUnknownTaskFailsNamingIt() {
		assertThatExceptionOfType(TaskNotFoundException.class).isThrownBy(() -> this.scheduler.preview("ghost", 5))
			.withMessageContaining("ghost");
	}

	@Test
	void schedulerWideDstPolicyReplacesTheOriginPolicyOfACronTrigger() {
		try (Scheduler wide = Scheduler.builder()
			.clock(this.clock)
			.dstPolicy(DstGapPolicy.SKIP, DstOverlapPolicy.FIRST)
			.build()) {
			wide.functions().register("noop", (context) -> null);
			Task task = wide.add(TaskRequest.of("noop", Triggers.cron("30 2 * * *")).id("nightly").build());
			assertThat(task.trigger()).isInstanceOfSatisfying(CronTrigger.class, (cron) -> {
				assertThat(cron.gapPolicy()).isEqualTo(DstGapPolicy.SKIP);
				assertThat(cron.overlapPolicy()).isEqualTo(DstOverlapPolicy.FIRST);
			});
		}
	}

	@Test
	void aTriggersOwnDstPolicyWinsOverTheSchedulerWideOne() {
		try (Scheduler wide = Scheduler.builder()
			.clock(this.clock)
			.dstPolicy(DstGapPolicy.SKIP, DstOverlapPolicy.FIRST)
			.build()) {
			wide.functions().register("noop", (context) -> null);
			CronTrigger own = Triggers.cron("30 2 * * *")
				.withDstPolicy(DstGapPolicy.RUN_AT_END_OF_GAP, DstOverlapPolicy.BOTH);
			Task task = wide.add(TaskRequest.of("noop", own).id("nightly").build());
			assertThat(((CronTrigger) task.trigger()).gapPolicy()).isEqualTo(DstGapPolicy.RUN_AT_END_OF_GAP);
		}
	}

}
