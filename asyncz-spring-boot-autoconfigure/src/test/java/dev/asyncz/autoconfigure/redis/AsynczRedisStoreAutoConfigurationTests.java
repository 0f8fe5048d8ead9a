package dev.asyncz.autoconfigure.redis;

import java.util.List;

import dev.asyncz.autoconfigure.AsynczAutoConfiguration;
import dev.asyncz.autoconfigure.InvalidAsynczPropertyException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.NestedExceptionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The redis store auto-configuration where it refuses to build a store; building one
 * needs the server ({@link AsynczRedisStoreIT}).
 */
class AsynczRedisStoreAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(AsynczRedisStoreAutoConfiguration.class, AsynczAutoConfiguration.class))
		.withPropertyValues("asyncz.stores.cache.type=redis");

	@Test
	void withoutLettuceRedisStoreFailsSayingToAddIt() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.lettuce")).run((context) -> {
			InvalidAsynczPropertyException failure = propertyFailure(context);
			assertThat(failure.getProperty()).isEqualTo("asyncz.stores.cache.type");
			assertThat(failure.getMessage()).contains("'redis'", "io.lettuce:lettuce-core");
			assertThat(failure.getAction()).contains("Add the dependency io.lettuce:lettuce-core")
				.doesNotContain("asyncz-store-redis");
		});
	}

	@Test
	void withoutTheRedisStoreModuleRedisStoreFailsSayingToAddItAndLettuce() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.lettuce", "dev.asyncz.store.redis"))
			.run((context) -> assertThat(propertyFailure(context).getAction())
				.contains("dev.asyncz:asyncz-store-redis and io.lettuce:lettuce-core"));
	}

	@Test
	void otherStoreTypeMistakesMentionWhatRedisNeeds() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.lettuce"))
			.withPropertyValues("asyncz.stores.cache.type=mongo")
			.run((context) -> assertThat(propertyFailure(context).getAction())
				.contains("redis (add io.lettuce:lettuce-core)"));
	}

	@Test
	void urlThatIsNotARedisUrlFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("asyncz.stores.cache.url=http://localhost:6379").run((context) -> {
			InvalidAsynczPropertyException failure = propertyFailure(context);
			assertThat(failure.getProperty()).isEqualTo("asyncz.stores.cache.url");
			assertThat(failure.getMessage()).contains("'http://localhost:6379'", "not a Redis URL");
			assertThat(failure.getAction()).contains("redis://");
		});
	}

	@Test
	void emptyKeyPrefixFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("asyncz.stores.cache.key-prefix=")
			.run((context) -> assertThat(propertyFailure(context).getProperty())
				.isEqualTo("asyncz.stores.cache.key-prefix"));
	}

	@Test
	void keyOfAnotherStoreTypeFailsNamingItAndTheKeysOfARedisStore() {
		this.contextRunner.withPropertyValues("asyncz.stores.cache.table-prefix=jobs_").run((context) -> {
			InvalidAsynczPropertyException failure = propertyFailure(context);
			assertThat(failure.getProperty()).isEqualTo("asyncz.stores.cache.table-prefix");
			assertThat(failure.getAction()).contains("key-prefix", "url", "asyncz.stores.cache.type");
		});
	}

	@Test
	void partitionCountOutOfRangeFailsNamingThePropertyAndTheRange() {
		this.contextRunner
			.withPropertyValues("asyncz.stores.cache.url=redis://127.0.0.1:1/0", "asyncz.stores.cache.partitions=0")
			.run((context) -> {
				InvalidAsynczPropertyException failure = propertyFailure(context);
				assertThat(failure.getProperty()).isEqualTo("asyncz.stores.cache.partitions");
				assertThat(failure.getMessage()).contains("'0'", "between 1 and 64");
				assertThat(failure.getAction()).contains("from 1 to 64");
			});
	}

	@Test
	void partitionCountOutOfRangeOnTheApplicationsRedisFailsNamingTheProperty() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("spring.data.redis.cluster.nodes=127.0.0.1:7001", "asyncz.stores.cache.partitions=65")
			.run((context) -> assertThat(propertyFailure(context).getProperty())
				.isEqualTo("asyncz.stores.cache.partitions"));
	}

	@Test
	void nonPositiveLeaseTimeFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("asyncz.stores.cache.lease-time=0s")
			.run((context) -> assertThat(propertyFailure(context).getProperty())
				.isEqualTo("asyncz.stores.cache.lease-time"));
	}

	@Test
	void storeOnTheApplicationsRedisClusterWithAKeyPrefixWithoutHashTagFailsNamingTheKeyPrefix() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("spring.data.redis.cluster.nodes=127.0.0.1:7001,127.0.0.1:7002")
			.run((context) -> {
				InvalidAsynczPropertyException failure = propertyFailure(context);
				assertThat(failure.getProperty()).isEqualTo("asyncz.stores.cache.key-prefix");
				assertThat(failure.getMessage()).contains("'asyncz:'", "one hash slot");
				assertThat(failure.getAction()).contains("{asyncz}:", "Redis Cluster [127.0.0.1:7001, 127.0.0.1:7002]");
			});
	}

	@Test
	void applicationRedisClusterWithoutALettuceConnectionFactoryFailsAskingForLettuceOrAUrl() {
		this.contextRunner.withBean(DataRedisConnectionDetails.class, ClusterConnectionDetails::new).run((context) -> {
			InvalidAsynczPropertyException failure = propertyFailure(context);
			assertThat(failure.getProperty()).isEqualTo("asyncz.stores.cache.url");
			assertThat(failure.getMessage()).contains("cluster", "Lettuce connection factory");
			assertThat(failure.getAction()).contains("spring.data.redis.client-type=lettuce",
					"asyncz.stores.cache.url");
		});
	}

	@Test
	void unreachableApplicationRedisFailsStartupNamingTheStoreAndTheAddress() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=1",
					"spring.data.redis.timeout=2s")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("Connection refused");
				assertThat(context.getStartupFailure()).cause()
					.hasMessageStartingWith(
							"Redis store 'cache' cannot connect to the application's Redis (127.0.0.1:1/0): ");
			});
	}

	@Test
	void unreachableStoreUrlFailsStartupNamingTheStoreAndTheAddress() {
		this.contextRunner.withPropertyValues("asyncz.stores.cache.url=redis://127.0.0.1:1/2").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).cause()
				.hasMessageStartingWith("Redis store 'cache' cannot connect to 127.0.0.1:1/2: ");
		});
	}

	private static InvalidAsynczPropertyException propertyFailure(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		assertThat(context.getStartupFailure()).rootCause().isInstanceOf(InvalidAsynczPropertyException.class);
		return (InvalidAsynczPropertyException) NestedExceptionUtils.getRootCause(context.getStartupFailure());
	}

	/**
	 * Connection details of a cluster, as a Docker Compose service might give, with no
	 * Spring Data Redis auto-configuration to make a connection factory of them.
	 */
	static class ClusterConnectionDetails implements DataRedisConnectionDetails {

		@Override
		public Cluster getCluster() {
			return () -> List.of(new Node("127.0.0.1", 7001));
		}

	}

}
