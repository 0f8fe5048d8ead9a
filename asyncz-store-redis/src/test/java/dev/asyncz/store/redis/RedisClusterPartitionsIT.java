package dev.asyncz.store.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.asyncz.AsynczException;
import dev.asyncz.core.ControllableClock;
import dev.asyncz.core.Scheduler;
import dev.asyncz.event.SchedulerEvent;
import dev.asyncz.event.TaskExecuted;
import dev.asyncz.executor.SchedulerExecutors;
import dev.asyncz.store.StoreContext;
import dev.asyncz.store.TaskCodec;
import dev.asyncz.store.TaskStore;
import dev.asyncz.store.redis.internal.PartitionLayout;
import dev.asyncz.store.redis.internal.RedisKeys;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskFunctions;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.test.LocalServer;
import dev.asyncz.test.RequiresLocalServer;
import dev.asyncz.trigger.Triggers;
import io.lettuce.core.cluster.SlotHash;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.asyncz.store.redis.RedisStoreFixture.T0;
import static dev.asyncz.store.redis.RedisStoreFixture.await;
import static dev.asyncz.store.redis.RedisStoreFixture.oneShot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What spreading a store over partitions adds on a Redis Cluster of three masters: the
 * tasks really lie on several masters, schedulers sharing the store still run each fire
 * time once, and a changed partition count never hides a task.
 */
@RequiresLocalServer(LocalServer.REDIS_CLUSTER)
class RedisClusterPartitionsIT {

	private final RedisClusterFixture cluster = new RedisClusterFixture();

	private final List<Scheduler> schedulers = new ArrayList<>();

	@AfterEach
	void cleanUp() {
		try {
			this.schedulers.forEach((scheduler) -> scheduler.shutdown(true));
		}
		finally {
			this.cluster.close();
		}
	}

	@Test
	void tasksOfAStoreWithAPartitionPerMasterLieOnEveryMaster() {
		String prefix = prefixWithAPartitionOnEachMaster(3);
		PartitionedRedisTaskStore store = this.cluster.partitioned(prefix, 3);
		start(store, "one");
		for (int i = 0; i < 60; i++) {
			store.add(oneShot("task-" + i, T0.plusSeconds(i)));
		}
		Set<String> mastersHoldingTasks = new HashSet<>();
		for (int index = 0; index < store.partitions(); index++) {
			String tasks = RedisKeys.withPrefix(store.partitionPrefix(index)).tasks();
			if (this.cluster.raw.hlen(tasks) > 0) {
				mastersHoldingTasks.add(masterOf(tasks));
			}
		}
		assertThat(mastersHoldingTasks).hasSize(3);
		assertThat(store.count()).isEqualTo(60);
	}

	@Test
	void everyTaskIsInThePartitionItsIdNames() {
		PartitionedRedisTaskStore store = this.cluster.partitioned(4);
		start(store, "one");
		List<String> ids = IntStream.range(0, 40).mapToObj((i) -> "task-" + i).toList();
		ids.forEach((id) -> store.add(oneShot(id, T0)));
		for (String id : ids) {
			String tasks = RedisKeys.withPrefix(store.partitionPrefix(store.partitionOf(id))).tasks();
			assertThat(this.cluster.raw.hexists(tasks, id)).as(id).isTrue();
		}
	}

	@Test
	void twoSchedulersSharingAPartitionedStoreRunEachFireTimeOnce() {
		ControllableClock clock = new ControllableClock(T0);
		List<SchedulerEvent> events = new CopyOnWriteArrayList<>();
		Scheduler one = scheduler("one", this.cluster.partitioned(3), clock, events);
		scheduler("two", this.cluster.partitioned(3), clock, events);
		int tasks = 12;
		int fireTimes = 6;
		for (int i = 0; i < tasks; i++) {
			one.add(TaskRequest.of("noop", Triggers.every(Duration.ofSeconds(1)).startingAt(T0))
				.id("every-second-" + i)
				.coalesce(false)
				.noMisfireLimit()
				.build());
		}
		for (int step = 1; step < fireTimes; step++) {
			int expected = tasks * step;
			await(expected + " runs", () -> executed(events).size() >= expected);
			clock.advance(Duration.ofSeconds(1));
		}
		await(tasks * fireTimes + " runs", () -> executed(events).size() >= tasks * fireTimes);
		Map<String, Long> runsPerFireTime = executed(events).stream()
			.collect(
					Collectors.groupingBy((run) -> run.taskId() + "@" + run.scheduledRunTime(), Collectors.counting()));
		assertThat(runsPerFireTime).hasSize(tasks * fireTimes).allSatisfy((fireTime, runs) -> assertThat(runs).isOne());
	}

	@Test
	void startingWithAnotherPartitionCountThanTheStoredTasksIsRefusedNamingBothCounts() {
		PartitionedRedisTaskStore three = this.cluster.partitioned(3);
		start(three, "one");
		Task task = oneShot("kept", T0);
		three.add(task);
		three.shutdown();

		assertThatExceptionOfType(AsynczException.class)
			.isThrownBy(() -> start(this.cluster.partitioned(this.cluster.partitionedPrefix, 5), "two"))
			.withMessageContaining("written with 3 partitions")
			.withMessageContaining("configured with 5 partitions")
			.withMessageContaining("Set partitions to 3 again");

		PartitionedRedisTaskStore again = this.cluster.partitioned(3);
		start(again, "three");
		assertThat(again.get("kept")).contains(task);
	}

	@Test
	void aSinglePartitionStoreOnTheDataOfAPartitionedOneIsRefused() {
		PartitionedRedisTaskStore partitioned = this.cluster.partitioned(this.cluster.prefix, 3);
		start(partitioned, "one");
		Task task = oneShot("kept", T0);
		partitioned.add(task);
		partitioned.shutdown();

		assertThatExceptionOfType(AsynczException.class).isThrownBy(() -> start(this.cluster.store(), "two"))
			.withMessageContaining("written with 3 partitions")
			.withMessageContaining("configured with 1 partition:");
		PartitionedRedisTaskStore again = this.cluster.partitioned(this.cluster.prefix, 3);
		start(again, "three");
		assertThat(again.get("kept")).contains(task);
	}

	@Test
	void aPartitionedStoreOnDataOfAnEarlierVersionWithoutARecordedCountIsRefused() {
		RedisTaskStore single = this.cluster.store();
		start(single, "one");
		Task task = oneShot("kept", T0);
		single.add(task);
		single.shutdown();
		// As an earlier version left it: one partition, no recorded count.
		this.cluster.raw.unlink(new PartitionLayout(this.cluster.prefix, 1).recordKey());

		assertThatExceptionOfType(AsynczException.class)
			.isThrownBy(() -> start(this.cluster.partitioned(this.cluster.prefix, 3), "two"))
			.withMessageContaining("written with 1 partition ")
			.withMessageContaining("configured with 3 partitions");
		RedisTaskStore again = this.cluster.store();
		start(again, "three");
		assertThat(again.get("kept")).contains(task);
	}

	@Test
	void aNewPartitionCountIsRecordedOnceTheDataOfTheOldOneIsEmpty() {
		PartitionedRedisTaskStore three = this.cluster.partitioned(3);
		start(three, "one");
		three.add(oneShot("short-lived", T0));
		three.remove("short-lived");
		three.shutdown();

		PartitionedRedisTaskStore five = this.cluster.partitioned(5);
		start(five, "two");
		five.add(oneShot("new", T0));
		assertThat(this.cluster.raw.get(new PartitionLayout(this.cluster.partitionedPrefix, 5).recordKey()))
			.isEqualTo("5");
		assertThat(five.get("new")).isPresent();
	}

	private Scheduler scheduler(String instanceId, TaskStore store, ControllableClock clock,
			List<SchedulerEvent> events) {
		Scheduler scheduler = Scheduler.builder()
			.clock(clock)
			.instanceId(instanceId)
			.store("default", store)
			.executor("default", SchedulerExecutors.threadPool(4))
			.build();
		scheduler.functions().register("noop", (context) -> null);
		scheduler.addListener(events::add);
		this.schedulers.add(scheduler);
		scheduler.start();
		return scheduler;
	}

	private static List<TaskExecuted> executed(List<SchedulerEvent> events) {
		return events.stream().filter(TaskExecuted.class::isInstance).map(TaskExecuted.class::cast).toList();
	}

	private void start(TaskStore store, String instanceId) {
		store.start(new StoreContext("redis", instanceId, this.cluster.clock, new TaskFunctions(), new TaskCodec(),
				(event) -> {
				}, () -> {
				}));
	}

	/**
	 * A fresh key prefix whose first partitions' hash tags fall on different masters, so
	 * the test does not depend on where random prefixes happen to hash.
	 */
	private String prefixWithAPartitionOnEachMaster(int partitions) {
		for (int attempt = 0; attempt < 1000; attempt++) {
			String candidate = RedisClusterFixture.newPartitionedPrefix();
			PartitionLayout layout = new PartitionLayout(candidate, partitions);
			Set<String> masters = IntStream.range(0, partitions)
				.mapToObj((index) -> masterOf(RedisKeys.withPrefix(layout.prefix(index)).tasks()))
				.collect(Collectors.toSet());
			if (masters.size() == partitions) {
				return candidate;
			}
		}
		throw new AssertionError("No key prefix put " + partitions + " partitions on different masters");
	}

	private String masterOf(String key) {
		return this.cluster.client.getPartitions().getPartitionBySlot(SlotHash.getSlot(key)).getNodeId();
	}

}
