package dev.asyncz.store.redis;

import dev.asyncz.test.LocalServer;
import dev.asyncz.test.RequiresLocalServer;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.IntegerOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.asyncz.store.redis.RedisStoreFixture.T0;
import static dev.asyncz.store.redis.RedisStoreFixture.oneShot;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures what one-shot tasks cost in Redis memory, so a change that bloats the layout
 * shows.
 */
@RequiresLocalServer(LocalServer.REDIS)
class RedisTaskStoreMemoryIT {

	private static final int TASKS = 10_000;

	private final RedisStoreFixture redis = new RedisStoreFixture();

	@AfterEach
	void cleanUp() {
		this.redis.close();
	}

	@Test
	void tenThousandOneShotTasksTakeLessThanAKilobyteEach() {
		RedisTaskStore store = this.redis.start("one").store;
		for (int i = 0; i < TASKS; i++) {
			store.add(oneShot(String.format("task-%07d", i), T0.plusSeconds(i)));
		}
		String json = this.redis.raw.hget(this.redis.prefix + "tasks", "task-0000000");
		long total = 0;
		StringBuilder report = new StringBuilder();
		for (String key : this.redis.keys()) {
			long bytes = memoryUsage(key);
			total += bytes;
			report.append(String.format("  %-40s %,12d bytes%n", key.substring(this.redis.prefix.length()), bytes));
		}
		double perTask = (double) total / TASKS;
		System.out.printf(
				"Redis memory for %,d one-shot tasks (12-char ids, %d-byte JSON): %,d bytes, %.0f bytes/task%n%s",
				TASKS, json.length(), total, perTask, report);
		assertThat(perTask).isLessThan(1024);
	}

	private long memoryUsage(String key) {
		CommandArgs<String, String> args = new CommandArgs<>(StringCodec.UTF8).add("USAGE")
			.addKey(key)
			.add("SAMPLES")
			.add(0);
		return this.redis.raw.dispatch(CommandType.MEMORY, new IntegerOutput<>(StringCodec.UTF8), args);
	}

}
