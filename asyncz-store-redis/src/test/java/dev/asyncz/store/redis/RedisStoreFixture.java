package dev.asyncz.store.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import dev.asyncz.core.ControllableClock;
import dev.asyncz.event.SchedulerEvent;
import dev.asyncz.store.StoreContext;
import dev.asyncz.store.TaskCodec;
import dev.asyncz.task.Task;
import dev.asyncz.store.redis.internal.RedisKeys;
import dev.asyncz.task.TaskFunctions;
import dev.asyncz.test.LocalServer;
import dev.asyncz.trigger.Triggers;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ZAddArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

import static org.assertj.core.api.Assertions.fail;

/**
 * Stores on the local Redis under a key prefix of their own, a raw connection to look
 * behind them, and cleanup that deletes only keys with that prefix.
 */
final class RedisStoreFixture implements AutoCloseable {

	static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

	final String prefix = "asyncz-it:" + UUID.randomUUID().toString().substring(0, 8) + ":";

	final ControllableClock clock = new ControllableClock(T0);

	final RedisClient client = RedisClient.create(LocalServer.REDIS.url());

	private final StatefulRedisConnection<String, String> connection = this.client.connect();

	final RedisCommands<String, String> raw = this.connection.sync();

	private final List<Instance> instances = new ArrayList<>();

	RedisTaskStoreSettings settings() {
		return RedisTaskStoreSettings.defaults().withKeyPrefix(this.prefix);
	}

	Instance start(String instanceId) {
		return start(instanceId, settings());
	}

	Instance start(String instanceId, RedisTaskStoreSettings settings) {
		return start(instanceId, LocalServer.REDIS.url(), settings);
	}

	Instance start(String instanceId, String url, RedisTaskStoreSettings settings) {
		Instance instance = Instance.started(instanceId, RedisTaskStore.create(url, settings), this.clock);
		this.instances.add(instance);
		return instance;
	}

	static Task oneShot(String id, Instant at) {
		return Task.builder().id(id).function("noop").trigger(Triggers.at(at)).nextRunTime(at).build();
	}

	static Task paused(String id, Instant at) {
		return oneShot(id, at).withNextRunTime(null);
	}

	/**
	 * Waits (up to a generous timeout, as the machine may be loaded) until the condition
	 * holds.
	 */
	static void await(String what, BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				fail("Timed out waiting until " + what);
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				fail("Interrupted waiting until " + what);
			}
		}
	}

	/**
	 * The keys of this fixture's prefix, also those of partitions under it
	 * ({@code {<prefix>0}:…}).
	 * @return the keys
	 */
	List<String> keys() {
		List<String> keys = new ArrayList<>();
		for (String pattern : List.of(this.prefix + "*", "{" + this.prefix + "*")) {
			ScanArgs args = ScanArgs.Builder.matches(pattern).limit(500);
			KeyScanCursor<String> cursor = this.raw.scan(args);
			keys.addAll(cursor.getKeys());
			while (!cursor.isFinished()) {
				cursor = this.raw.scan(ScanCursor.of(cursor.getCursor()), args);
				keys.addAll(cursor.getKeys());
			}
		}
		return keys;
	}

	/**
	 * Makes the lease of every claim under a store's key prefix run out, as if its holder
	 * had died.
	 * @param raw a connection to the server
	 * @param taskPrefix the key prefix the tasks live under
	 */
	static void expireLeases(RedisClusterCommands<String, String> raw, String taskPrefix) {
		String claims = RedisKeys.withPrefix(taskPrefix).claims();
		raw.zrange(claims, 0, -1).forEach((id) -> raw.zadd(claims, ZAddArgs.Builder.xx(), 0, id));
	}

	/**
	 * Makes the lease of every claim of the stores under this fixture's prefix run out.
	 */
	void expireLeases() {
		expireLeases(this.raw, this.prefix);
	}

	@Override
	public void close() {
		this.instances.forEach((instance) -> instance.store.shutdown());
		List<String> keys = keys();
		if (!keys.isEmpty()) {
			this.raw.unlink(keys.toArray(String[]::new));
		}
		this.connection.close();
		this.client.shutdown();
	}

	/**
	 * One started store, as one application instance would have it.
	 */
	static final class Instance {

		final String id;

		final RedisTaskStore store;

		final List<SchedulerEvent> events = new CopyOnWriteArrayList<>();

		final AtomicInteger wakeUps = new AtomicInteger();

		Instance(String id, RedisTaskStore store) {
			this.id = id;
			this.store = store;
		}

		/**
		 * Starts a store as an instance of the application would.
		 * @param id the instance id
		 * @param store the store, not started
		 * @param clock the scheduler's clock
		 * @return the instance, with its store started
		 */
		static Instance started(String id, RedisTaskStore store, ControllableClock clock) {
			Instance instance = new Instance(id, store);
			store.start(new StoreContext("redis", id, clock, new TaskFunctions(), new TaskCodec(), instance.events::add,
					instance.wakeUps::incrementAndGet));
			return instance;
		}

	}

}
