package dev.asyncz.store.redis.cluster;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.asyncz.task.TaskContext;
import dev.asyncz.test.cluster.RunLog;
import dev.asyncz.test.cluster.RunRecord;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * A run log in three keys beside the store's: the hash {@code <prefix>log:runs}, whose
 * field per {@code (task id, fire time)} is set only if absent ({@code HSETNX}) and so is
 * the ground truth for "ran once", and the lists {@code <prefix>log:duplicates} and
 * {@code <prefix>log:starts}. Times are epoch microseconds.
 */
final class RedisRunLog implements RunLog {

	private final RedisClient client;

	private final StatefulRedisConnection<String, String> connection;

	private final RedisCommands<String, String> commands;

	private final String prefix;

	RedisRunLog(String url, String clientName, String prefix) {
		this.client = RedisClient.create(RedisURI.builder(RedisURI.create(url)).withClientName(clientName).build());
		this.connection = this.client.connect();
		this.commands = this.connection.sync();
		this.prefix = prefix;
	}

	static List<RunRecord> runs(RedisCommands<String, String> commands, String prefix) {
		List<RunRecord> records = new ArrayList<>();
		for (Map.Entry<String, String> entry : commands.hgetall(prefix + "log:runs").entrySet()) {
			records.add(parse(entry.getKey() + "|" + entry.getValue()));
		}
		return records;
	}

	static List<RunRecord> list(RedisCommands<String, String> commands, String key) {
		return commands.lrange(key, 0, -1).stream().map(RedisRunLog::parse).toList();
	}

	@Override
	public void started(TaskContext context, String node) {
		this.commands.rpush(this.prefix + "log:starts", entry(context, node));
	}

	@Override
	public void ran(TaskContext context, String node) {
		String field = context.taskId() + "|" + micros(context.scheduledRunTime());
		if (!this.commands.hsetnx(this.prefix + "log:runs", field, node + "|" + micros(Instant.now()))) {
			this.commands.rpush(this.prefix + "log:duplicates", entry(context, node));
			throw new IllegalStateException(
					"Task '" + context.taskId() + "' already ran for " + context.scheduledRunTime());
		}
	}

	@Override
	public void close() {
		this.connection.close();
		this.client.shutdown();
	}

	private static String entry(TaskContext context, String node) {
		return context.taskId() + "|" + micros(context.scheduledRunTime()) + "|" + node + "|" + micros(Instant.now());
	}

	private static RunRecord parse(String entry) {
		String[] parts = entry.split("\\|");
		return new RunRecord(parts[0], instant(parts[1]), parts[2], instant(parts[3]));
	}

	private static long micros(Instant instant) {
		return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
	}

	private static Instant instant(String micros) {
		return Instant.EPOCH.plus(Long.parseLong(micros), ChronoUnit.MICROS);
	}

}
