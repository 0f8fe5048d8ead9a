package dev.asyncz.store.redis;

import dev.asyncz.store.redis.RedisStoreFixture.Instance;
import dev.asyncz.store.redis.internal.RedisKeys;
import dev.asyncz.test.LocalServer;
import dev.asyncz.test.RequiresLocalServer;
import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.asyncz.store.redis.RedisStoreFixture.T0;
import static dev.asyncz.store.redis.RedisStoreFixture.oneShot;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store reaching its server through a Redis Sentinel: the local sentinel watches the
 * local Redis as master {@code asyncz}, so what the store writes must land there.
 */
@RequiresLocalServer({ LocalServer.REDIS, LocalServer.REDIS_SENTINEL })
class RedisSentinelStoreIT {

	private final RedisStoreFixture redis = new RedisStoreFixture();

	@AfterEach
	void cleanUp() {
		this.redis.close();
	}

	@Test
	void storeWithASentinelUrlWritesToTheMasterTheSentinelNames() {
		Instance instance = this.redis.start("one", LocalServer.REDIS_SENTINEL.url(), this.redis.settings());
		instance.store.add(oneShot("a", T0));
		assertThat(this.redis.raw.hexists(RedisKeys.withPrefix(this.redis.prefix).tasks(), "a")).isTrue();
	}

	@Test
	void storeOnAClientConfiguredForTheSentinelWritesToTheMaster() {
		RedisClient client = RedisClient.create(LocalServer.REDIS_SENTINEL.url());
		try {
			Instance instance = Instance.started("one",
					RedisTaskStore.create(client, "sentinel master asyncz", this.redis.settings()), this.redis.clock);
			instance.store.add(oneShot("a", T0));
			assertThat(this.redis.raw.hexists(RedisKeys.withPrefix(this.redis.prefix).tasks(), "a")).isTrue();
			instance.store.shutdown();
		}
		finally {
			client.shutdown();
		}
	}

}
