package dev.asyncz.store.redis;

import java.util.List;

import dev.asyncz.store.TaskStore;
import dev.asyncz.store.redis.internal.RedisKeys;
import dev.asyncz.test.LocalServer;
import dev.asyncz.test.RequiresLocalServer;
import dev.asyncz.test.TaskStoreContractTests;
import io.lettuce.core.ZAddArgs;

@RequiresLocalServer(LocalServer.REDIS)
class RedisTaskStoreContractIT extends TaskStoreContractTests {

	private final RedisStoreFixture redis = new RedisStoreFixture();

	@Override
	protected TaskStore createStore() {
		return RedisTaskStore.create(LocalServer.REDIS.url(), this.redis.settings());
	}

	@Override
	protected void expireLeases() {
		String claims = RedisKeys.withPrefix(this.redis.prefix).claims();
		List<String> claimed = this.redis.raw.zrange(claims, 0, -1);
		claimed.forEach((id) -> this.redis.raw.zadd(claims, ZAddArgs.Builder.xx(), 0, id));
	}

	@Override
	protected void destroyStore(TaskStore store) {
		super.destroyStore(store);
		this.redis.close();
	}

}
