package dev.asyncz.store.redis;

import java.util.List;

import dev.asyncz.store.TaskCodec;
import dev.asyncz.store.TaskStore;
import dev.asyncz.store.redis.internal.RedisKeys;
import dev.asyncz.store.redis.internal.Scores;
import dev.asyncz.test.LocalServer;
import dev.asyncz.test.RawTask;
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

	/**
	 * {@inheritDoc}
	 * <p>
	 * Writes the task JSON with the raw texts in place (so invalid ones make the whole
	 * document invalid) and indexes it unless it is quarantined.
	 */
	@Override
	protected void writeRaw(RawTask raw) {
		RedisKeys keys = RedisKeys.withPrefix(this.redis.prefix);
		String json = "{\"v\":" + TaskCodec.FORMAT_VERSION + ",\"id\":\"" + raw.id() + "\",\"name\":\"" + raw.id()
				+ "\",\"function\":\"" + raw.function() + "\",\"arguments\":" + raw.argumentsJson() + ",\"trigger\":"
				+ raw.triggerJson() + ",\"executor\":\"default\",\"store\":\"" + STORE_NAME + "\",\"options\":"
				+ raw.optionsJson()
				+ ((raw.nextRunTime() != null) ? ",\"nextRunTime\":\"" + raw.nextRunTime() + "\"" : "") + "}";
		this.redis.raw.hset(keys.tasks(), raw.id(), json);
		this.redis.raw.hincrby(keys.versions(), raw.id(), 1);
		if (this.redis.raw.hexists(keys.quarantine(), raw.id())) {
			return;
		}
		if (raw.nextRunTime() != null) {
			this.redis.raw.zrem(keys.paused(), raw.id());
			this.redis.raw.zadd(keys.due(), Double.parseDouble(Scores.score(raw.nextRunTime())), raw.id());
		}
		else {
			this.redis.raw.zrem(keys.due(), raw.id());
			this.redis.raw.zadd(keys.paused(), 0, raw.id());
		}
	}

	@Override
	protected void destroyStore(TaskStore store) {
		super.destroyStore(store);
		this.redis.close();
	}

}
