package dev.asyncz.testkit;

import java.util.UUID;

import dev.asyncz.store.TaskStore;
import dev.asyncz.store.redis.RedisTaskStore;
import dev.asyncz.store.redis.RedisTaskStoreSettings;
import dev.asyncz.test.LocalServer;
import dev.asyncz.test.RequiresLocalServer;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * Time travel over a Redis store on the local server, under a key prefix of its own that
 * is deleted afterwards.
 */
@RequiresLocalServer(LocalServer.REDIS)
class RedisStoreTimeTravelIT extends TimeTravelContract {

	private final String prefix = "asyncz-kit-it:" + UUID.randomUUID().toString().substring(0, 8) + ":";

	@Override
	TaskStore newStore() {
		return RedisTaskStore.create(LocalServer.REDIS.url(),
				RedisTaskStoreSettings.defaults().withKeyPrefix(this.prefix));
	}

	@Override
	void cleanUp() {
		RedisClient client = RedisClient.create(LocalServer.REDIS.url());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			RedisCommands<String, String> redis = connection.sync();
			ScanCursor cursor = ScanCursor.INITIAL;
			do {
				KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.matches(this.prefix + "*").limit(500));
				if (!page.getKeys().isEmpty()) {
					redis.del(page.getKeys().toArray(String[]::new));
				}
				cursor = page;
			}
			while (!cursor.isFinished());
		}
		finally {
			client.shutdown();
		}
	}

}
