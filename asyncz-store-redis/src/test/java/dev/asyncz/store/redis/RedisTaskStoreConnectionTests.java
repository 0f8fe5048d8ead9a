package dev.asyncz.store.redis;

import java.time.Duration;

import dev.asyncz.AsynczException;
import dev.asyncz.core.ControllableClock;
import dev.asyncz.store.StoreException;
import dev.asyncz.store.redis.RedisStoreFixture.Instance;
import io.lettuce.core.RedisClient;
import io.lettuce.core.cluster.RedisClusterClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What a store says when it cannot be built or reach its server: which store, and where
 * it tried. Nothing listens on port 1 of the loopback address, so a connection is refused
 * at once.
 */
class RedisTaskStoreConnectionTests {

	private static final String NOWHERE = "redis://127.0.0.1:1";

	private final ControllableClock clock = new ControllableClock(RedisStoreFixture.T0);

	private final RedisTaskStoreSettings settings = RedisTaskStoreSettings.defaults()
		.withCommandTimeout(Duration.ofSeconds(2));

	/** A cluster client: it connects only when a store starts. */
	private final RedisClusterClient nowhereCluster = RedisClusterClient.create(NOWHERE);

	@AfterEach
	void shutDownClient() {
		this.nowhereCluster.shutdown();
	}

	@Test
	void storeThatCannotReachItsServerNamesTheStoreAndTheAddress() {
		RedisTaskStore store = RedisTaskStore.create(NOWHERE + "/3", this.settings);
		assertThatExceptionOfType(StoreException.class).isThrownBy(() -> Instance.started("one", store, this.clock))
			.withMessageStartingWith("Redis store 'redis' cannot connect to 127.0.0.1:1/3: ");
		store.shutdown();
	}

	@Test
	void storeOnAClientThatCannotReachItsServerNamesTheAddressItWasGiven() {
		RedisClient client = RedisClient.create(NOWHERE);
		try {
			RedisTaskStore store = RedisTaskStore.create(client, "the application's Redis at 127.0.0.1:1",
					this.settings);
			assertThatExceptionOfType(StoreException.class).isThrownBy(() -> Instance.started("one", store, this.clock))
				.withMessageStartingWith(
						"Redis store 'redis' cannot connect to the application's Redis at 127.0.0.1:1: ");
		}
		finally {
			client.shutdown();
		}
	}

	@Test
	void storeOnAClusterThatCannotBeReachedNamesTheStoreAndTheAddress() {
		RedisTaskStore store = RedisTaskStore.create(this.nowhereCluster, "Redis Cluster [127.0.0.1:1]",
				this.settings.withKeyPrefix("{asyncz}:"));
		assertThatExceptionOfType(StoreException.class).isThrownBy(() -> Instance.started("one", store, this.clock))
			.withMessageStartingWith("Redis store 'redis' cannot connect to Redis Cluster [127.0.0.1:1]: ");
	}

	@Test
	void storeOnAClusterRefusesAKeyPrefixWithoutAHashTag() {
		assertThatExceptionOfType(AsynczException.class)
			.isThrownBy(() -> RedisTaskStore.create(this.nowhereCluster, "Redis Cluster [127.0.0.1:1]", this.settings))
			.withMessageContaining("one hash slot")
			.withMessageContaining("{asyncz}:");
	}

	@Test
	void storeOnAClusterAcceptsAKeyPrefixWithAHashTag() {
		RedisTaskStore store = RedisTaskStore.create(this.nowhereCluster, "Redis Cluster [127.0.0.1:1]",
				this.settings.withKeyPrefix("app:{asyncz}:"));
		assertThat(store.settings().keyPrefix()).isEqualTo("app:{asyncz}:");
	}

}
