package dev.asyncz.store.redis;

import java.util.List;

import dev.asyncz.store.TaskCodec;
import dev.asyncz.store.TaskStore;
import dev.asyncz.store.redis.internal.RedisKeys;
import dev.asyncz.store.redis.internal.Scores;
import dev.asyncz.test.RawTask;
import dev.asyncz.test.TaskStoreContractTests;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

/**
 * The store contract on one kind of Redis deployment, with raw access to the store's keys
 * to age claims and write what an older or broken writer would.
 */
abstract class RedisTaskStoreContractTests extends TaskStoreContractTests {

	/**
	 * The store's key prefix, of this test only.
	 * @return the prefix
	 */
	protected abstract String prefix();

	/**
	 * Commands on the deployment, routed by key.
	 * @return the commands
	 */
	protected abstract RedisClusterCommands<String, String> raw();

	/**
	 * Deletes this test's keys and closes what {@link #raw()} opened.
	 */
	protected abstract void cleanUp();

	/**
	 * The key prefixes the store under test writes tasks under: its key prefix, or one
	 * per partition.
	 * @return the prefixes
	 */
	protected List<String> taskPrefixes() {
		return List.of(prefix());
	}

	/**
	 * The key prefix a task lives under.
	 * @param id the task id
	 * @return the prefix
	 */
	protected String taskPrefix(String id) {
		return prefix();
	}

	@Override
	protected void expireLeases() {
		taskPrefixes().forEach((taskPrefix) -> RedisStoreFixture.expireLeases(raw(), taskPrefix));
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Writes the task JSON with the raw texts in place (so invalid ones make the whole
	 * document invalid) and indexes it unless it is quarantined.
	 */
	@Override
	protected void writeRaw(RawTask raw) {
		RedisKeys keys = RedisKeys.withPrefix(taskPrefix(raw.id()));
		String json = "{\"v\":" + TaskCodec.FORMAT_VERSION + ",\"id\":\"" + raw.id() + "\",\"name\":\"" + raw.id()
				+ "\",\"function\":\"" + raw.function() + "\",\"arguments\":" + raw.argumentsJson() + ",\"trigger\":"
				+ raw.triggerJson() + ",\"executor\":\"default\",\"store\":\"" + STORE_NAME + "\",\"options\":"
				+ raw.optionsJson()
				+ ((raw.nextRunTime() != null) ? ",\"nextRunTime\":\"" + raw.nextRunTime() + "\"" : "") + "}";
		raw().hset(keys.tasks(), raw.id(), json);
		raw().hincrby(keys.versions(), raw.id(), 1);
		if (raw().hexists(keys.quarantine(), raw.id())) {
			return;
		}
		if (raw.nextRunTime() != null) {
			raw().zrem(keys.paused(), raw.id());
			raw().zadd(keys.due(), Double.parseDouble(Scores.score(raw.nextRunTime())), raw.id());
		}
		else {
			raw().zrem(keys.due(), raw.id());
			raw().zadd(keys.paused(), 0, raw.id());
		}
	}

	@Override
	protected void destroyStore(TaskStore store) {
		super.destroyStore(store);
		cleanUp();
	}

}
