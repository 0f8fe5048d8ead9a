package dev.asyncz.benchmarks.durable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.asyncz.core.Scheduler;
import dev.asyncz.store.redis.RedisTaskStore;
import dev.asyncz.store.redis.RedisTaskStoreSettings;
import dev.asyncz.store.redis.internal.RedisKeys;
import dev.asyncz.store.redis.internal.Scores;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.IntegerOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;

/**
 * asyncz with its Redis store under the benchmark's own key prefix, poll interval as
 * shared. Seeded with {@link RedisTaskStore#add}, one script call per task, on
 * {@value Parallel#SEED_THREADS} threads. Cleaning up deletes only keys under the prefix
 * (never {@code FLUSHDB}).
 */
final class AsynczRedisSubject implements Subject {

	private final DurableSettings settings;

	private final RedisTaskStoreSettings storeSettings;

	private final RedisKeys keys;

	private final RedisClient client;

	private final StatefulRedisConnection<String, String> connection;

	private final RedisCommands<String, String> redis;

	AsynczRedisSubject(DurableSettings settings) {
		this.settings = settings;
		this.storeSettings = RedisTaskStoreSettings.defaults()
			.withKeyPrefix(settings.prefix() + "redis:")
			.withPollInterval(settings.pollInterval());
		this.keys = RedisKeys.withPrefix(this.storeSettings.keyPrefix());
		this.client = RedisClient.create(settings.redisUrl());
		this.connection = this.client.connect();
		this.redis = this.connection.sync();
	}

	@Override
	public void createSchema() {
		// Redis needs no schema; the store's keys appear with the first task.
	}

	@Override
	public void clear() {
		List<String> keys = ownKeys();
		if (!keys.isEmpty()) {
			this.redis.del(keys.toArray(String[]::new));
		}
	}

	@Override
	public void dropSchema() {
		clear();
	}

	@Override
	public void seed(String idPrefix, List<Instant> runTimes) {
		AsynczSchedulers.seed(RedisTaskStore.create(this.settings.redisUrl(), this.storeSettings), idPrefix, runTimes);
	}

	@Override
	public long pending(Instant horizon) {
		// Claimed tasks leave the due set until they are completed.
		return this.redis.zcount(this.keys.due(), "-inf", Scores.dueUntil(horizon))
				+ this.redis.zcard(this.keys.claims());
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * The sum of {@code MEMORY USAGE … SAMPLES 0} (every element counted) over the
	 * store's keys.
	 */
	@Override
	public Footprint footprint() {
		long bytes = 0;
		for (String key : ownKeys()) {
			CommandArgs<String, String> args = new CommandArgs<>(StringCodec.UTF8).add("USAGE")
				.addKey(key)
				.add("SAMPLES")
				.add(0);
			Long usage = this.redis.dispatch(CommandType.MEMORY, new IntegerOutput<>(StringCodec.UTF8), args);
			bytes += (usage != null) ? usage : 0;
		}
		return new Footprint(bytes, this.redis.hlen(this.keys.tasks()));
	}

	@Override
	public Instance start(String instanceName, Recorder recorder, boolean clustered) {
		Scheduler scheduler = AsynczSchedulers.start(this.settings,
				RedisTaskStore.create(this.settings.redisUrl(), this.storeSettings), instanceName, recorder);
		return new AsynczSchedulers.Running(scheduler, () -> {
		});
	}

	@Override
	public void close() {
		this.connection.close();
		this.client.shutdown();
	}

	private List<String> ownKeys() {
		List<String> keys = new ArrayList<>();
		ScanArgs match = ScanArgs.Builder.matches(this.storeSettings.keyPrefix() + "*").limit(1000);
		ScanCursor cursor = ScanCursor.INITIAL;
		do {
			KeyScanCursor<String> page = this.redis.scan(cursor, match);
			keys.addAll(page.getKeys());
			cursor = page;
		}
		while (!cursor.isFinished());
		return keys;
	}

}
