package dev.asyncz.store.redis.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.asyncz.store.TaskStore;
import dev.asyncz.store.redis.RedisTaskStore;
import dev.asyncz.test.LocalServer;
import dev.asyncz.test.RequiresLocalServer;
import dev.asyncz.test.cluster.ClusterScenarios;
import dev.asyncz.test.cluster.RunRecord;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scheduler nodes in separate JVMs sharing one Redis key prefix. A node loses its
 * connections by {@code CLIENT KILL} of the connections carrying its name; the shared
 * server is never restarted and only keys with this test's prefix are deleted.
 */
@RequiresLocalServer(LocalServer.REDIS)
class RedisClusterNodesIT extends ClusterScenarios {

	private final String prefix = "asyncz-cluster:" + this.suffix + ":";

	private RedisClient client;

	private StatefulRedisConnection<String, String> connection;

	private RedisCommands<String, String> raw;

	@Override
	protected Class<?> nodeMainClass() {
		return RedisClusterNode.class;
	}

	@Override
	protected Map<String, String> storeArguments() {
		return Map.of("url", LocalServer.REDIS.url(), "prefix", this.prefix);
	}

	@Override
	protected TaskStore createStore() {
		return RedisTaskStore.create(LocalServer.REDIS.url(),
				RedisClusterNode.settings(this.prefix, Duration.ofSeconds(30)));
	}

	@Override
	protected void prepare() {
		this.client = RedisClient.create(LocalServer.REDIS.url());
		this.connection = this.client.connect();
		this.raw = this.connection.sync();
	}

	@Override
	protected void cleanUp() {
		try {
			List<String> keys = new ArrayList<>();
			ScanArgs args = ScanArgs.Builder.matches(this.prefix + "*").limit(500);
			KeyScanCursor<String> cursor = this.raw.scan(args);
			keys.addAll(cursor.getKeys());
			while (!cursor.isFinished()) {
				cursor = this.raw.scan(ScanCursor.of(cursor.getCursor()), args);
				keys.addAll(cursor.getKeys());
			}
			if (!keys.isEmpty()) {
				this.raw.unlink(keys.toArray(String[]::new));
			}
		}
		finally {
			this.connection.close();
			this.client.shutdown();
		}
	}

	@Override
	protected List<RunRecord> runs() {
		return RedisRunLog.runs(this.raw, this.prefix);
	}

	@Override
	protected List<RunRecord> duplicates() {
		return RedisRunLog.list(this.raw, this.prefix + "log:duplicates");
	}

	@Override
	protected List<RunRecord> starts() {
		return RedisRunLog.list(this.raw, this.prefix + "log:starts");
	}

	@Override
	protected void cutConnections(String node) {
		String name = "name=asyncz:default:" + node;
		int killed = 0;
		for (String client : this.raw.clientList().split("\n")) {
			List<String> fields = List.of(client.trim().split(" "));
			if (fields.contains(name)) {
				String id = fields.get(0).substring("id=".length());
				killed += this.raw.clientKill(KillArgs.Builder.id(Long.parseLong(id))).intValue();
			}
		}
		assertThat(killed).as("connections of %s killed", node).isPositive();
	}

}
