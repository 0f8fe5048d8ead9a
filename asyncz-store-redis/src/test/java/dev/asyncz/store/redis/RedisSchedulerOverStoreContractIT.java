package dev.asyncz.store.redis;

import dev.asyncz.store.TaskStore;
import dev.asyncz.test.LocalServer;
import dev.asyncz.test.RequiresLocalServer;
import dev.asyncz.test.SchedulerOverStoreContractTests;

/**
 * A scheduler over the Redis store keeps its promises about runs. Each test uses keys of
 * its own prefix and deletes only those.
 */
@RequiresLocalServer(LocalServer.REDIS)
class RedisSchedulerOverStoreContractIT extends SchedulerOverStoreContractTests {

	private final RedisStoreFixture redis = new RedisStoreFixture();

	@Override
	protected TaskStore createStore() {
		return RedisTaskStore.create(LocalServer.REDIS.url(), this.redis.settings());
	}

	@Override
	protected void expireLeases() {
		this.redis.expireLeases();
	}

	@Override
	protected void cleanUp() {
		this.redis.close();
	}

}
