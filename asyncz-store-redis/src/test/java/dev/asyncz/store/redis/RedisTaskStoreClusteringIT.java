package dev.asyncz.store.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.asyncz.store.DueTask;
import dev.asyncz.store.redis.RedisStoreFixture.Instance;
import dev.asyncz.task.Task;
import dev.asyncz.test.LocalServer;
import dev.asyncz.test.RequiresLocalServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.asyncz.store.redis.RedisStoreFixture.T0;
import static dev.asyncz.store.redis.RedisStoreFixture.await;
import static dev.asyncz.store.redis.RedisStoreFixture.oneShot;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several application instances, each with its own store and connections, sharing one
 * Redis.
 */
@RequiresLocalServer(LocalServer.REDIS)
class RedisTaskStoreClusteringIT {

	private static final int TASKS = 10_000;

	private final RedisStoreFixture redis = new RedisStoreFixture();

	@AfterEach
	void cleanUp() {
		this.redis.close();
	}

	@Test
	void twoInstancesClaimEachOfTenThousandDueTasksExactlyOnce() throws Exception {
		Instance one = this.redis.start("one");
		Instance two = this.redis.start("two");
		for (int i = 0; i < TASKS; i++) {
			one.store.add(oneShot(String.format("task-%07d", i), T0.plusMillis(i % 1000)));
		}
		Set<String> claimed = ConcurrentHashMap.newKeySet();
		List<String> claimedTwice = new ArrayList<>();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> runs = new ArrayList<>();
			for (Instance instance : List.of(one, two)) {
				runs.add(pool.submit(() -> {
					start.await();
					int runsHere = 0;
					List<DueTask> batch;
					while (!(batch = instance.store.acquireDueTasks(T0.plusSeconds(1), 50)).isEmpty()) {
						for (DueTask due : batch) {
							if (!claimed.add(due.task().id())) {
								synchronized (claimedTwice) {
									claimedTwice.add(due.task().id());
								}
							}
							instance.store.complete(due.task());
							runsHere++;
						}
					}
					return runsHere;
				}));
			}
			start.countDown();
			int total = 0;
			for (Future<Integer> run : runs) {
				int runsHere = run.get(5, TimeUnit.MINUTES);
				assertThat(runsHere).as("each instance did part of the work").isPositive();
				total += runsHere;
			}
			assertThat(total).isEqualTo(TASKS);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(claimedTwice).isEmpty();
		assertThat(claimed).hasSize(TASKS);
		assertThat(one.store.count()).isZero();
	}

	@Test
	void runOfAnInstanceThatDiedIsRecoveredByAnotherOnceItsLeaseExpires() {
		RedisTaskStoreSettings shortLease = this.redis.settings().withLeaseDuration(Duration.ofMillis(300));
		Instance dying = this.redis.start("dying", shortLease);
		Instance survivor = this.redis.start("survivor", shortLease);
		Task task = oneShot("orphan", T0);
		dying.store.add(task);
		assertThat(dying.store.acquireDueTasks(T0, 10)).containsExactly(new DueTask(task, false));
		dying.store.shutdown();

		List<DueTask> recovered = new ArrayList<>();
		await("the survivor recovers the run", () -> {
			recovered.addAll(survivor.store.acquireDueTasks(T0, 10));
			return !recovered.isEmpty();
		});
		assertThat(recovered).containsExactly(new DueTask(task, true));
		survivor.store.complete(task);
		assertThat(survivor.store.count()).isZero();
	}

	@Test
	void releaseByAnInstanceWhoseLeaseExpiredLeavesTheRecoveredRunToItsNewHolder() {
		Instance stalled = this.redis.start("stalled");
		Instance survivor = this.redis.start("survivor");
		Task task = oneShot("stalled-run", T0);
		stalled.store.add(task);
		Task claimed = stalled.store.acquireDueTasks(T0, 10).get(0).task();
		// Expire the lease by hand, as if the holder had stalled for longer than the
		// lease; its renewal is a third of the default lease away.
		this.redis.raw.zadd(this.redis.prefix + "claims", 0, task.id());
		assertThat(survivor.store.acquireDueTasks(T0, 10)).containsExactly(new DueTask(task, true));

		assertThat(stalled.store.release(claimed, claimed.withNextRunTime(T0.plusSeconds(60)))).isFalse();
		assertThat(survivor.store.get(task.id())).contains(task);
		Task next = task.withNextRunTime(T0.plusSeconds(120));
		assertThat(survivor.store.release(task, next)).isTrue();
		assertThat(survivor.store.get(task.id())).contains(next);
	}

	@Test
	void liveInstanceKeepsItsClaimsPastTheLeaseDurationByRenewingThem() throws Exception {
		RedisTaskStoreSettings shortLease = this.redis.settings().withLeaseDuration(Duration.ofMillis(1500));
		Instance running = this.redis.start("running", shortLease);
		Instance other = this.redis.start("other", shortLease);
		running.store.add(oneShot("long-run", T0));
		assertThat(running.store.acquireDueTasks(T0, 10)).hasSize(1);
		long waitUntil = System.nanoTime() + Duration.ofMillis(4500).toNanos();
		while (System.nanoTime() < waitUntil) {
			assertThat(other.store.acquireDueTasks(T0, 10)).isEmpty();
			Thread.sleep(100);
		}
		running.store.complete(oneShot("long-run", T0));
		assertThat(other.store.count()).isZero();
	}

}
