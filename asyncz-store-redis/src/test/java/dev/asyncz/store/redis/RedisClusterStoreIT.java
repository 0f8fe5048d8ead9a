package dev.asyncz.store.redis;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.asyncz.store.DueTask;
import dev.asyncz.store.redis.RedisStoreFixture.Instance;
import dev.asyncz.store.redis.internal.RedisKeys;
import dev.asyncz.test.LocalServer;
import dev.asyncz.test.RequiresLocalServer;
import io.lettuce.core.cluster.SlotHash;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.asyncz.store.redis.RedisStoreFixture.T0;
import static dev.asyncz.store.redis.RedisStoreFixture.await;
import static dev.asyncz.store.redis.RedisStoreFixture.oneShot;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What only a Redis Cluster adds: the store's keys in one slot, and wake-ups between
 * instances over the cluster's pub/sub.
 */
@RequiresLocalServer(LocalServer.REDIS_CLUSTER)
class RedisClusterStoreIT {

	private final RedisClusterFixture cluster = new RedisClusterFixture();

	@AfterEach
	void cleanUp() {
		this.cluster.close();
	}

	@Test
	void everyKeyOfTheStoreLiesInTheSlotOfItsHashTag() {
		Instance one = this.cluster.start("one");
		one.store.add(oneShot("a", T0));
		one.store.add(oneShot("b", T0.plusSeconds(1)).withNextRunTime(null));
		List<DueTask> claimed = one.store.acquireDueTasks(T0, 10);
		assertThat(claimed).hasSize(1);
		RedisKeys keys = RedisKeys.withPrefix(this.cluster.prefix);
		Set<Integer> slots = Arrays.stream(keys.scriptKeys())
			.filter((key) -> this.cluster.raw.exists(key) == 1)
			.map(SlotHash::getSlot)
			.collect(Collectors.toSet());
		assertThat(slots).containsExactly(SlotHash.getSlot(this.cluster.prefix));
		assertThat(
				this.cluster.raw.exists(keys.tasks(), keys.versions(), keys.paused(), keys.claims(), keys.claimInfo()))
			.isEqualTo(5);
	}

	@Test
	void addingAnEarlierTaskWakesTheOtherInstances() {
		Instance one = this.cluster.start("one");
		Instance other = this.cluster.start("two");
		one.store.add(oneShot("late", T0.plusSeconds(60)));
		await("the other instance is woken", () -> other.wakeUps.get() >= 1);
		int before = other.wakeUps.get();
		one.store.add(oneShot("earlier", T0.plusSeconds(30)));
		await("the other instance is woken again", () -> other.wakeUps.get() > before);
		assertThat(one.wakeUps.get()).isZero();
	}

}
