package dev.asyncz.store.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import dev.asyncz.event.TaskQuarantined;
import dev.asyncz.store.StoreException;
import dev.asyncz.store.TaskQuery;
import dev.asyncz.store.redis.RedisStoreFixture.Instance;
import dev.asyncz.store.redis.internal.LuaScripts.Lua;
import dev.asyncz.store.redis.internal.RedisKeys;
import dev.asyncz.task.Task;
import dev.asyncz.test.LocalServer;
import dev.asyncz.test.RequiresLocalServer;
import io.lettuce.core.KillArgs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.asyncz.store.redis.RedisStoreFixture.T0;
import static dev.asyncz.store.redis.RedisStoreFixture.await;
import static dev.asyncz.store.redis.RedisStoreFixture.oneShot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@RequiresLocalServer(LocalServer.REDIS)
class RedisTaskStoreFaultsIT {

	private final RedisStoreFixture redis = new RedisStoreFixture();

	private final RedisKeys keys = RedisKeys.withPrefix(this.redis.prefix);

	@AfterEach
	void cleanUp() {
		this.redis.close();
	}

	@Test
	void taskWithInvalidJsonIsQuarantinedKeptAndReportedWhileOthersRun() {
		Instance instance = this.redis.start("one");
		instance.store.add(oneShot("good", T0));
		instance.store.add(oneShot("bad", T0));
		this.redis.raw.hset(this.keys.tasks(), "bad", "{not json");

		assertThat(instance.store.acquireDueTasks(T0, 10)).extracting((due) -> due.task().id()).containsExactly("good");
		assertThat(instance.events).singleElement().isInstanceOfSatisfying(TaskQuarantined.class, (event) -> {
			assertThat(event.taskId()).isEqualTo("bad");
			assertThat(event.store()).isEqualTo("redis");
			assertThat(event.reason()).contains("not valid JSON");
		});
		assertThat(this.redis.raw.hget(this.keys.tasks(), "bad")).isEqualTo("{not json");
		assertThat(this.redis.raw.hexists(this.keys.quarantine(), "bad")).isTrue();
		assertThat(instance.store.count()).isEqualTo(1);
		assertThat(instance.store.get("bad")).isEmpty();
	}

	@Test
	void taskWithAnUnknownTriggerTypeIsQuarantinedWhenRead() {
		Instance instance = this.redis.start("one");
		instance.store.add(oneShot("odd", T0));
		instance.store.add(oneShot("fine", T0.plusSeconds(1)));
		String json = this.redis.raw.hget(this.keys.tasks(), "odd");
		this.redis.raw.hset(this.keys.tasks(), "odd", json.replace("\"type\":\"date\"", "\"type\":\"lunar\""));

		assertThat(instance.store.list(TaskQuery.first(10))).extracting(Task::id).containsExactly("fine");
		assertThat(instance.events).singleElement()
			.isInstanceOfSatisfying(TaskQuarantined.class, (event) -> assertThat(event.taskId()).isEqualTo("odd"));
		assertThat(instance.store.list(TaskQuery.first(10))).extracting(Task::id).containsExactly("fine");
		assertThat(instance.events).hasSize(1);
	}

	@Test
	void taskWithAnUnreadableFailureIsQuarantinedWhileOthersRun() {
		Instance instance = this.redis.start("one");
		instance.store.add(oneShot("broken", T0));
		instance.store.add(oneShot("fine", T0.plusSeconds(1)));
		String json = this.redis.raw.hget(this.keys.tasks(), "broken");
		String withBadFailure = json.substring(0, json.length() - 1) + ",\"failure\":{\"attempts\":\"many\"}}";
		this.redis.raw.hset(this.keys.tasks(), "broken", withBadFailure);

		assertThat(instance.store.acquireDueTasks(T0.plusSeconds(1), 10)).extracting((due) -> due.task().id())
			.containsExactly("fine");
		assertThat(instance.events).singleElement()
			.isInstanceOfSatisfying(TaskQuarantined.class, (event) -> assertThat(event.taskId()).isEqualTo("broken"));
		assertThat(this.redis.raw.hget(this.keys.tasks(), "broken")).isEqualTo(withBadFailure);
		assertThat(this.redis.raw.hexists(this.keys.quarantine(), "broken")).isTrue();
	}

	@Test
	void quarantinedDataOutlivesRemoveAllButNotAnExplicitRemove() {
		Instance instance = this.redis.start("one");
		instance.store.add(oneShot("bad", T0));
		this.redis.raw.hset(this.keys.tasks(), "bad", "[]");
		assertThat(instance.store.get("bad")).isEmpty();
		instance.store.removeAll();
		assertThat(this.redis.raw.hget(this.keys.tasks(), "bad")).isEqualTo("[]");
		assertThat(instance.store.remove("bad")).isTrue();
		assertThat(this.redis.raw.hexists(this.keys.tasks(), "bad")).isFalse();
		assertThat(this.redis.raw.hexists(this.keys.quarantine(), "bad")).isFalse();
	}

	@Test
	void scriptsAreSentAgainAfterTheServerForgetsThem() {
		Instance instance = this.redis.start("one");
		this.redis.raw.scriptFlush();
		assertThat(this.redis.raw.scriptExists(Lua.ADD.digest())).containsExactly(false);

		instance.store.add(oneShot("after-flush", T0));

		assertThat(this.redis.raw.scriptExists(Lua.ADD.digest())).containsExactly(true);
		assertThat(instance.store.acquireDueTasks(T0, 10)).hasSize(1);
	}

	@Test
	void storeCarriesOnAfterItsConnectionsAreKilled() {
		Instance instance = this.redis.start("one");
		Instance other = this.redis.start("two");
		instance.store.add(oneShot("before", T0));
		String name = "asyncz:redis:one";
		List<String> killed = connectionIds(name);
		assertThat(killed).hasSize(2);

		killed.forEach((id) -> this.redis.raw.clientKill(KillArgs.Builder.id(Long.parseLong(id))));
		this.redis.raw.scriptFlush();

		AtomicReference<RuntimeException> unexpected = new AtomicReference<>();
		await("the store answers again", () -> {
			try {
				instance.store.add(oneShot("after", T0.plusSeconds(1)));
				return true;
			}
			catch (StoreException ex) {
				return false;
			}
			catch (RuntimeException ex) {
				unexpected.set(ex);
				return true;
			}
		});
		assertThat(unexpected.get()).isNull();
		assertThat(instance.store.acquireDueTasks(T0.plusSeconds(1), 10)).extracting((due) -> due.task().id())
			.containsExactly("before", "after");
		await("both connections are back under their name", () -> connectionIds(name).size() == 2);
		assertThat(connectionIds(name)).doesNotContainAnyElementsOf(killed);
		int before = instance.wakeUps.get();
		other.store.add(oneShot("earliest", T0.minusSeconds(1)));
		await("the resubscribed store is woken", () -> instance.wakeUps.get() > before);
	}

	@Test
	void operationsDuringAnOutageThrowStoreExceptionAndWorkAgainAfterIt() throws Exception {
		try (CuttableProxy proxy = new CuttableProxy(LocalServer.REDIS.port())) {
			Instance instance = this.redis.start("one", proxy.url(),
					this.redis.settings().withCommandTimeout(Duration.ofSeconds(2)));
			instance.store.add(oneShot("kept", T0));

			proxy.cut();
			assertThatExceptionOfType(StoreException.class).isThrownBy(() -> instance.store.count())
				.withMessageContaining("'redis'");
			assertThatExceptionOfType(StoreException.class).isThrownBy(() -> instance.store.acquireDueTasks(T0, 10));

			proxy.restore();
			List<String> seen = new ArrayList<>();
			await("the store reconnects", () -> {
				try {
					instance.store.acquireDueTasks(T0, 10).forEach((due) -> seen.add(due.task().id()));
					return !seen.isEmpty();
				}
				catch (StoreException ex) {
					return false;
				}
			});
			assertThat(seen).containsExactly("kept");
		}
	}

	@Test
	void completionThatFailedDuringAnOutageIsFinishedWhenTheStoreShutsDown() throws Exception {
		try (CuttableProxy proxy = new CuttableProxy(LocalServer.REDIS.port())) {
			// Renewals (and their retries) a long way off: only the shutdown can finish
			// it.
			Instance instance = this.redis.start("one", proxy.url(),
					this.redis.settings()
						.withCommandTimeout(Duration.ofSeconds(2))
						.withLeaseDuration(Duration.ofMinutes(10)));
			instance.store.add(oneShot("finished", T0));
			Task claimed = instance.store.acquireDueTasks(T0, 10).get(0).task();

			proxy.cut();
			instance.store.complete(claimed);
			proxy.restore();
			await("the store reconnects", () -> {
				try {
					return instance.store.get("finished").isPresent();
				}
				catch (StoreException ex) {
					return false;
				}
			});

			instance.store.shutdown();
			assertThat(this.redis.start("other").store.get("finished")).isEmpty();
		}
	}

	private List<String> connectionIds(String name) {
		List<String> ids = new ArrayList<>();
		for (String line : this.redis.raw.clientList().split("\n")) {
			if (line.contains(" name=" + name + " ")) {
				ids.add(line.substring(line.indexOf("id=") + 3, line.indexOf(' ', line.indexOf("id="))));
			}
		}
		return ids;
	}

}
