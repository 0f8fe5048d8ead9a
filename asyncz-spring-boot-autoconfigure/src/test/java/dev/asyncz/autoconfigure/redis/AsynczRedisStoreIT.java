package dev.asyncz.autoconfigure.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import dev.asyncz.autoconfigure.AsynczAutoConfiguration;
import dev.asyncz.core.Scheduler;
import dev.asyncz.core.internal.DefaultScheduler;
import dev.asyncz.store.WriteFormat;
import dev.asyncz.store.redis.RedisTaskStore;
import dev.asyncz.store.redis.RedisTaskStoreSettings;
import dev.asyncz.store.redis.internal.PartitionLayout;
import dev.asyncz.store.redis.internal.RedisKeys;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.test.LocalServer;
import dev.asyncz.test.RequiresLocalServer;
import dev.asyncz.trigger.Triggers;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

@RequiresLocalServer(LocalServer.REDIS)
class AsynczRedisStoreIT {

	/**
	 * A database other than 0, to see that the application's choice of database is
	 * followed.
	 */
	private static final int DATABASE = 5;

	private final String prefix = "asyncz-wiring-it:" + UUID.randomUUID().toString().substring(0, 8) + ":";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(AsynczRedisStoreAutoConfiguration.class, AsynczAutoConfiguration.class))
		.withPropertyValues("asyncz.stores.cache.type=redis", "asyncz.stores.cache.key-prefix=" + this.prefix);

	@AfterEach
	void deleteOwnKeys() {
		for (int database : new int[] { 0, DATABASE }) {
			withRedis(database, (redis) -> {
				List<String> keys = new ArrayList<>(redis.keys(this.prefix + "*"));
				keys.addAll(redis.keys("{" + this.prefix + "*"));
				if (!keys.isEmpty()) {
					redis.del(keys.toArray(String[]::new));
				}
				return null;
			});
		}
	}

	@Test
	void urlConnectsTheStoreToThatServer() {
		this.contextRunner.withPropertyValues("asyncz.stores.cache.url=" + LocalServer.REDIS.url() + "/" + DATABASE)
			.run((context) -> {
				addTask(context.getBean(Scheduler.class));
				assertThat(ownKeys(DATABASE)).isNotEmpty();
			});
	}

	@Test
	void leaseTimePollIntervalAndWriteFormatAreTheStoresSettings() {
		this.contextRunner
			.withPropertyValues("asyncz.stores.cache.url=" + LocalServer.REDIS.url(),
					"asyncz.stores.cache.lease-time=45s", "asyncz.stores.cache.poll-interval=2s",
					"asyncz.stores.cache.write-format=full")
			.run((context) -> {
				RedisTaskStoreSettings settings = ((RedisTaskStore) ((DefaultScheduler) context
					.getBean(Scheduler.class)).storeObjects().get("cache")).settings();
				assertThat(settings.keyPrefix()).isEqualTo(this.prefix);
				assertThat(settings.leaseDuration()).isEqualTo(Duration.ofSeconds(45));
				assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(2));
				assertThat(settings.writeFormat()).isEqualTo(WriteFormat.FULL);
			});
	}

	@Test
	void withoutAUrlTheStoreUsesSpringDataRedisConnectionDetails() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues(springDataRedis())
			.run((context) -> {
				addTask(context.getBean(Scheduler.class));
				assertThat(ownKeys(DATABASE)).isNotEmpty();
			});
	}

	@Test
	void withoutAUrlTheStoreReadsSpringDataRedisPropertiesWhenItsAutoConfigurationIsAbsent() {
		this.contextRunner.withPropertyValues(springDataRedis()).run((context) -> {
			addTask(context.getBean(Scheduler.class));
			assertThat(ownKeys(DATABASE)).isNotEmpty();
		});
	}

	@Test
	void withoutAUrlTheStoreReadsSpringDataRedisPropertiesWithoutSpringBootDataRedis() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.data.redis"))
			.withPropertyValues("spring.data.redis.url=" + LocalServer.REDIS.url() + "/" + DATABASE)
			.run((context) -> {
				addTask(context.getBean(Scheduler.class));
				assertThat(ownKeys(DATABASE)).isNotEmpty();
			});
	}

	@Test
	void withoutAUrlTheStoreSharesTheClientOfTheApplicationsLettuceConnectionFactory() {
		// The factory's database differs from the one the properties name: only the
		// factory's client writes there.
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues(springDataRedis())
			.withBean(LettuceConnectionFactory.class,
					() -> new LettuceConnectionFactory(
							new RedisStandaloneConfiguration("127.0.0.1", LocalServer.REDIS.port())))
			.run((context) -> {
				addTask(context.getBean(Scheduler.class));
				assertThat(ownKeys(0)).isNotEmpty();
				assertThat(ownKeys(DATABASE)).isEmpty();
			});
	}

	@Test
	@RequiresLocalServer({ LocalServer.REDIS, LocalServer.REDIS_SENTINEL })
	void withoutAUrlTheStoreReachesTheMasterThroughTheSentinelsOfTheApplicationsConnectionFactory() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues(sentinel())
			.run((context) -> {
				assertThat(context.getBean(LettuceConnectionFactory.class).isRedisSentinelAware()).isTrue();
				addTask(context.getBean(Scheduler.class));
				assertThat(ownKeys(DATABASE)).isNotEmpty();
			});
	}

	@Test
	@RequiresLocalServer({ LocalServer.REDIS, LocalServer.REDIS_SENTINEL })
	void withoutAConnectionFactoryTheStoreReachesTheMasterThroughTheSentinelsOfTheConnectionDetails() {
		this.contextRunner.withPropertyValues(sentinel())
			.withBean(DataRedisConnectionDetails.class, SentinelConnectionDetails::new)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(LettuceConnectionFactory.class);
				addTask(context.getBean(Scheduler.class));
				assertThat(ownKeys(DATABASE)).isNotEmpty();
			});
	}

	@Test
	@RequiresLocalServer(LocalServer.REDIS_CLUSTER)
	void withoutAUrlTheStoreRunsOnTheApplicationsRedisCluster() {
		String hashTagged = "{" + this.prefix + "}:";
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("spring.data.redis.cluster.nodes=127.0.0.1:7001,127.0.0.1:7002,127.0.0.1:7003",
					"asyncz.stores.cache.key-prefix=" + hashTagged)
			.run((context) -> {
				Scheduler scheduler = context.getBean(Scheduler.class);
				addTask(scheduler);
				assertThat(scheduler.get("refresh-1")).isPresent();
				RedisClusterClient client = RedisClusterClient.create(LocalServer.REDIS_CLUSTER.url());
				try (StatefulRedisClusterConnection<String, String> connection = client.connect()) {
					String tasks = hashTagged + "tasks";
					assertThat(connection.sync().hexists(tasks, "refresh-1")).isTrue();
					connection.sync().unlink(RedisKeys.withPrefix(hashTagged).scriptKeys());
					connection.sync().unlink(new PartitionLayout(hashTagged, 1).recordKey());
				}
				finally {
					client.shutdown();
				}
			});
	}

	@Test
	@RequiresLocalServer(LocalServer.REDIS_CLUSTER)
	void partitionsSpreadTheStoreOverTheApplicationsRedisClusterUnderAPrefixWithoutHashTag() {
		PartitionLayout layout = new PartitionLayout(this.prefix, 3);
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("spring.data.redis.cluster.nodes=127.0.0.1:7001,127.0.0.1:7002,127.0.0.1:7003",
					"asyncz.stores.cache.partitions=3")
			.run((context) -> {
				Scheduler scheduler = context.getBean(Scheduler.class);
				addTask(scheduler);
				assertThat(scheduler.get("refresh-1")).isPresent();
				RedisClusterClient client = RedisClusterClient.create(LocalServer.REDIS_CLUSTER.url());
				try (StatefulRedisClusterConnection<String, String> connection = client.connect()) {
					String tasks = RedisKeys.withPrefix(layout.prefix(layout.partitionOf("refresh-1"))).tasks();
					assertThat(connection.sync().hexists(tasks, "refresh-1")).isTrue();
					assertThat(connection.sync().get(layout.recordKey())).isEqualTo("3");
					for (int index = 0; index < layout.partitions(); index++) {
						for (String key : RedisKeys.withPrefix(layout.prefix(index)).scriptKeys()) {
							connection.sync().unlink(key);
						}
					}
					connection.sync().unlink(layout.recordKey());
				}
				finally {
					client.shutdown();
				}
			});
	}

	@Test
	void partitionsSpreadTheStoreOverKeysWithAHashTagEach() {
		PartitionLayout layout = new PartitionLayout(this.prefix, 2);
		this.contextRunner
			.withPropertyValues("asyncz.stores.cache.url=" + LocalServer.REDIS.url() + "/" + DATABASE,
					"asyncz.stores.cache.partitions=2")
			.run((context) -> {
				addTask(context.getBean(Scheduler.class));
				String tasks = RedisKeys.withPrefix(layout.prefix(layout.partitionOf("refresh-1"))).tasks();
				Boolean stored = withRedis(DATABASE, (redis) -> redis.hexists(tasks, "refresh-1"));
				assertThat(stored).isTrue();
			});
	}

	@Test
	void changedPartitionCountFailsStartupNamingBothCountsAndKeepsTheTasks() {
		String url = "asyncz.stores.cache.url=" + LocalServer.REDIS.url() + "/" + DATABASE;
		this.contextRunner.withPropertyValues(url, "asyncz.stores.cache.partitions=2")
			.run((context) -> addTask(context.getBean(Scheduler.class)));
		this.contextRunner.withPropertyValues(url, "asyncz.stores.cache.partitions=3").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("written with 2 partitions")
				.hasMessageContaining("configured with 3 partitions");
		});
		this.contextRunner.withPropertyValues(url, "asyncz.stores.cache.partitions=2")
			.run((context) -> assertThat(context.getBean(Scheduler.class).get("refresh-1")).isPresent());
	}

	private static String[] sentinel() {
		return new String[] { "spring.data.redis.sentinel.master=asyncz",
				"spring.data.redis.sentinel.nodes=127.0.0.1:" + LocalServer.REDIS_SENTINEL.port(),
				"spring.data.redis.database=" + DATABASE };
	}

	private static String[] springDataRedis() {
		return new String[] { "spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + LocalServer.REDIS.port(),
				"spring.data.redis.database=" + DATABASE };
	}

	private static void addTask(Scheduler scheduler) {
		scheduler.functions().register("refresh", (run) -> null);
		scheduler.add(TaskRequest.of("refresh", Triggers.at(Instant.parse("2090-01-01T00:00:00Z")))
			.id("refresh-1")
			.store("cache")
			.build());
	}

	private List<String> ownKeys(int database) {
		return withRedis(database, (redis) -> redis.keys(this.prefix + "*"));
	}

	private static <T> T withRedis(int database, Function<RedisCommands<String, String>, T> action) {
		RedisURI uri = RedisURI.create(LocalServer.REDIS.url());
		uri.setDatabase(database);
		RedisClient client = RedisClient.create(uri);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return action.apply(connection.sync());
		}
		finally {
			client.shutdown();
		}
	}

	/**
	 * The local sentinel as connection details of the application's own, with no Spring
	 * Data Redis auto-configuration to make a connection factory of them.
	 */
	static class SentinelConnectionDetails implements DataRedisConnectionDetails {

		@Override
		public Sentinel getSentinel() {
			return new Sentinel() {

				@Override
				public int getDatabase() {
					return DATABASE;
				}

				@Override
				public String getMaster() {
					return "asyncz";
				}

				@Override
				public List<Node> getNodes() {
					return List.of(new Node("127.0.0.1", LocalServer.REDIS_SENTINEL.port()));
				}

				@Override
				public @Nullable String getUsername() {
					return null;
				}

				@Override
				public @Nullable String getPassword() {
					return null;
				}

			};
		}

	}

}
