package dev.asyncz.store.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.asyncz.store.DueTask;
import dev.asyncz.store.StoreContext;
import dev.asyncz.store.TaskCodec;
import dev.asyncz.store.TaskQuery;
import dev.asyncz.store.TaskState;
import dev.asyncz.store.WriteFormat;
import dev.asyncz.store.redis.RedisStoreFixture.Instance;
import dev.asyncz.store.redis.internal.RedisKeys;
import dev.asyncz.task.ConflictingIdException;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskFunctions;
import dev.asyncz.task.TaskNotFoundException;
import dev.asyncz.test.FullFormAssertions;
import dev.asyncz.test.LocalServer;
import dev.asyncz.test.RequiresLocalServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.asyncz.store.redis.RedisStoreFixture.T0;
import static dev.asyncz.store.redis.RedisStoreFixture.await;
import static dev.asyncz.store.redis.RedisStoreFixture.oneShot;
import static dev.asyncz.store.redis.RedisStoreFixture.paused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@RequiresLocalServer(LocalServer.REDIS)
class RedisTaskStoreIT {

	private final RedisStoreFixture redis = new RedisStoreFixture();

	private final Instance instance = this.redis.start("one");

	private final RedisTaskStore store = this.instance.store;

	@AfterEach
	void cleanUp() {
		this.redis.close();
	}

	@Test
	void addedTaskIsReadBackWithItsExactNextRunTime() {
		Task task = oneShot("exact", T0.plusNanos(123_456_789));
		this.store.add(task);
		assertThat(this.store.get("exact")).contains(task);
	}

	@Test
	void compactFormatLeavesOutStandardOptions() {
		this.store.add(oneShot("compact", T0));
		FullFormAssertions.assertCompactTask(storedJson("compact"));
	}

	@Test
	void fullFormatWritesEveryPartAndOptionEarlierVersionsRequire() {
		RedisTaskStore full = this.redis.start("full", this.redis.settings().withWriteFormat(WriteFormat.FULL)).store;
		full.add(oneShot("one", T0));
		full.addAll(List.of(oneShot("two", T0.plusSeconds(1)), oneShot("three", T0.plusSeconds(2))));
		full.update(oneShot("one", T0.plusSeconds(3)));
		for (String id : List.of("one", "two", "three")) {
			FullFormAssertions.assertFullTask(storedJson(id));
		}
	}

	@Test
	void storeWithTasksInBothFormsReadsEveryTaskWhicheverFormatTheReaderWrites() {
		Task compact = oneShot("compact", T0);
		Task full = oneShot("full", T0.plusSeconds(1));
		this.store.add(compact);
		RedisTaskStore fullWriter = this.redis.start("full",
				this.redis.settings().withWriteFormat(WriteFormat.FULL)).store;
		fullWriter.add(full);
		for (RedisTaskStore reader : List.of(this.store, fullWriter)) {
			assertThat(reader.get("compact")).contains(compact);
			assertThat(reader.get("full")).contains(full);
		}
		assertThat(this.store.acquireDueTasks(T0.plusSeconds(5), 10)).extracting((due) -> due.task().id())
			.containsExactly("compact", "full");
	}

	private String storedJson(String id) {
		return this.redis.raw.hget(RedisKeys.withPrefix(this.redis.prefix).tasks(), id);
	}

	@Test
	void addingATakenIdThrowsConflictingIdException() {
		this.store.add(oneShot("a", T0));
		assertThatExceptionOfType(ConflictingIdException.class).isThrownBy(() -> this.store.add(oneShot("a", T0)))
			.withMessageContaining("'a'");
	}

	@Test
	void updatingAnUnknownIdThrowsTaskNotFoundException() {
		assertThatExceptionOfType(TaskNotFoundException.class).isThrownBy(() -> this.store.update(oneShot("b", T0)));
	}

	@Test
	void dueTasksAreHandedOutEarliestFirstAndOnlyOnce() {
		this.store.add(oneShot("later", T0.plusSeconds(2)));
		this.store.add(oneShot("sooner", T0.plusSeconds(1)));
		this.store.add(oneShot("future", T0.plusSeconds(60)));
		List<DueTask> due = this.store.acquireDueTasks(T0.plusSeconds(5), 10);
		assertThat(due).extracting((dueTask) -> dueTask.task().id()).containsExactly("sooner", "later");
		assertThat(due).noneMatch(DueTask::recovered);
		assertThat(this.store.acquireDueTasks(T0.plusSeconds(5), 10)).isEmpty();
	}

	@Test
	void runTimeWithinAMicrosecondIsKeptAtThatMicrosecondAndDueFromIt() {
		this.store.add(oneShot("sub-micro", T0.plusNanos(1_500)));
		assertThat(this.store.get("sub-micro").orElseThrow().nextRunTime()).isEqualTo(T0.plusNanos(1_000));
		assertThat(this.store.nextRunTime()).contains(T0.plusNanos(1_000));
		assertThat(this.store.acquireDueTasks(T0.plusNanos(999), 10)).isEmpty();
		assertThat(this.store.acquireDueTasks(T0.plusNanos(1_000), 10)).hasSize(1);
	}

	@Test
	void acquireHandsOutAtMostTheLimit() {
		for (int i = 0; i < 5; i++) {
			this.store.add(oneShot("t" + i, T0.plusSeconds(i)));
		}
		assertThat(this.store.acquireDueTasks(T0.plusSeconds(10), 3)).extracting((due) -> due.task().id())
			.containsExactly("t0", "t1", "t2");
	}

	@Test
	void pausedTaskIsNeverDueAndIsListedLast() {
		this.store.add(paused("sleeping", T0));
		this.store.add(oneShot("awake", T0.plusSeconds(30)));
		assertThat(this.store.acquireDueTasks(T0.plus(Duration.ofDays(365)), 10)).extracting((due) -> due.task().id())
			.containsExactly("awake");
		assertThat(this.store.list(TaskQuery.first(10))).extracting(Task::id).containsExactly("awake", "sleeping");
	}

	@Test
	void nextRunTimeIsThatOfTheEarliestUnclaimedTask() {
		assertThat(this.store.nextRunTime()).isEmpty();
		this.store.add(oneShot("a", T0.plusSeconds(5)));
		this.store.add(oneShot("b", T0.plusSeconds(9)));
		this.store.add(paused("c", T0));
		assertThat(this.store.nextRunTime()).contains(T0.plusSeconds(5));
		this.store.acquireDueTasks(T0.plusSeconds(5), 10);
		assertThat(this.store.nextRunTime()).contains(T0.plusSeconds(9));
	}

	@Test
	void updateEndsTheClaimSoTheNewRunTimeIsHandedOut() {
		Task task = oneShot("again", T0);
		this.store.add(task);
		assertThat(this.store.acquireDueTasks(T0, 10)).hasSize(1);
		this.store.update(task.withNextRunTime(T0.plusSeconds(10)));
		assertThat(this.store.acquireDueTasks(T0.plusSeconds(9), 10)).isEmpty();
		assertThat(this.store.acquireDueTasks(T0.plusSeconds(10), 10)).extracting((due) -> due.task().nextRunTime())
			.containsExactly(T0.plusSeconds(10));
	}

	@Test
	void completeRemovesTheTaskWhenUnchangedSinceItsClaim() {
		this.store.add(oneShot("done", T0));
		Task claimed = this.store.acquireDueTasks(T0, 10).get(0).task();
		this.store.complete(claimed);
		assertThat(this.store.get("done")).isEmpty();
		assertThat(this.store.count()).isZero();
	}

	@Test
	void completeKeepsATaskThatWasUpdatedSinceItsClaim() {
		this.store.add(oneShot("changed", T0));
		Task claimed = this.store.acquireDueTasks(T0, 10).get(0).task();
		Task rescheduled = claimed.withNextRunTime(T0.plusSeconds(60));
		this.store.update(rescheduled);
		this.store.complete(claimed);
		assertThat(this.store.get("changed")).contains(rescheduled);
	}

	@Test
	void completeOfAnEarlierRunKeepsATaskReclaimedForALaterRun() {
		this.store.add(oneShot("reclaimed", T0));
		Task first = this.store.acquireDueTasks(T0, 10).get(0).task();
		this.store.update(first.withNextRunTime(T0.plusSeconds(1)));
		Task second = this.store.acquireDueTasks(T0.plusSeconds(1), 10).get(0).task();
		this.store.complete(first);
		assertThat(this.store.get("reclaimed")).contains(second);
		this.store.complete(second);
		assertThat(this.store.get("reclaimed")).isEmpty();
	}

	@Test
	void claimedTasksAreStillListedInRunTimeOrder() {
		this.store.add(oneShot("a", T0.plusSeconds(1)));
		this.store.add(oneShot("b", T0.plusSeconds(2)));
		this.store.add(oneShot("c", T0.plusSeconds(3)));
		this.store.add(paused("d", T0));
		this.store.acquireDueTasks(T0.plusSeconds(2), 1);
		assertThat(this.store.list(TaskQuery.first(10))).extracting(Task::id).containsExactly("a", "b", "c", "d");
		assertThat(this.store.list(new TaskQuery(null, null, 1, 2))).extracting(Task::id).containsExactly("b", "c");
		assertThat(this.store.count()).isEqualTo(4);
	}

	@Test
	void listPagesFiltersByFunctionAndState() {
		for (int i = 0; i < 25; i++) {
			Task task = oneShot(String.format("t%02d", i), T0.plusSeconds(i)).toBuilder()
				.function((i % 2 == 0) ? "even" : "odd")
				.build();
			this.store.add((i >= 20) ? task.withNextRunTime(null) : task);
		}
		RedisTaskStore small = this.redis.start("two", this.redis.settings().withBatchSize(3)).store;
		assertThat(small.list(new TaskQuery("even", null, 2, 4))).extracting(Task::id)
			.containsExactly("t04", "t06", "t08", "t10");
		assertThat(small.list(new TaskQuery("even", TaskState.PAUSED, 0, 10))).extracting(Task::id)
			.containsExactly("t20", "t22", "t24");
		assertThat(small.list(new TaskQuery(null, TaskState.SCHEDULED, 18, 10))).extracting(Task::id)
			.containsExactly("t18", "t19");
		assertThat(small.list(new TaskQuery(null, null, 19, 3))).extracting(Task::id)
			.containsExactly("t19", "t20", "t21");
	}

	@Test
	void removedTaskIsGoneFromEveryIndex() {
		this.store.add(oneShot("gone", T0));
		this.store.add(paused("gone-too", T0));
		assertThat(this.store.remove("gone")).isTrue();
		assertThat(this.store.remove("gone-too")).isTrue();
		assertThat(this.store.remove("never")).isFalse();
		assertThat(this.store.acquireDueTasks(T0, 10)).isEmpty();
		assertThat(this.store.list(TaskQuery.first(10))).isEmpty();
		assertThat(this.store.count()).isZero();
	}

	@Test
	void removeAllDeletesOnlyThisStoresKeys() {
		String neighbour = this.redis.prefix + "tasks-of-someone-else";
		this.redis.raw.set(neighbour, "keep me");
		RedisTaskStore other = this.redis.start("other",
				this.redis.settings().withKeyPrefix(this.redis.prefix + "x:")).store;
		other.add(oneShot("kept", T0));
		this.store.add(oneShot("a", T0));
		this.store.add(paused("b", T0));
		this.store.acquireDueTasks(T0, 1);
		this.store.removeAll();
		assertThat(this.store.count()).isZero();
		assertThat(this.store.list(TaskQuery.first(10))).isEmpty();
		assertThat(other.get("kept")).isPresent();
		assertThat(this.redis.raw.get(neighbour)).isEqualTo("keep me");
	}

	@Test
	void addingAnEarlierTaskWakesTheOtherInstances() {
		Instance other = this.redis.start("two");
		this.store.add(oneShot("late", T0.plusSeconds(60)));
		await("the other instance is woken", () -> other.wakeUps.get() >= 1);
		int before = other.wakeUps.get();
		this.store.add(oneShot("earlier", T0.plusSeconds(30)));
		await("the other instance is woken again", () -> other.wakeUps.get() > before);
	}

	@Test
	void anInstanceIsNotWokenByItsOwnWrites() {
		this.store.add(oneShot("mine", T0));
		Instance other = this.redis.start("two");
		other.store.add(oneShot("theirs", T0.minusSeconds(1)));
		await("this instance is woken by the other", () -> this.instance.wakeUps.get() == 1);
		assertThat(other.wakeUps.get()).isZero();
	}

	@Test
	void storeBuiltOnTheCallersClientLeavesTheClientRunning() {
		RedisTaskStore onClient = RedisTaskStore.create(this.redis.client, this.redis.settings());
		onClient.start(new StoreContext("redis", "client-owner", this.redis.clock, new TaskFunctions(), new TaskCodec(),
				(event) -> {
				}, () -> {
				}));
		onClient.add(oneShot("shared", T0));
		onClient.shutdown();
		assertThat(this.store.get("shared")).isPresent();
		assertThat(this.redis.raw.ping()).isEqualTo("PONG");
	}

}
