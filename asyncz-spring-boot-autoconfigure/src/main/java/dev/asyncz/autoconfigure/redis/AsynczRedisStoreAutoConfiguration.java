package dev.asyncz.autoconfigure.redis;

import dev.asyncz.autoconfigure.AsynczAutoConfiguration;
import dev.asyncz.autoconfigure.TaskStoreFactory;
import dev.asyncz.core.Scheduler;
import dev.asyncz.store.redis.RedisTaskStore;
import io.lettuce.core.RedisClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of stores of type {@code redis}
 * ({@code asyncz.stores.<name>.type=redis}): each connects to its {@code url}, or else to
 * the server of the application's Spring Data Redis settings
 * ({@code spring.data.redis.*}). Needs {@code dev.asyncz:asyncz-store-redis} and Lettuce.
 */
@AutoConfiguration(before = AsynczAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass({ Scheduler.class, RedisTaskStore.class, RedisClient.class })
@ConditionalOnBooleanProperty(name = "asyncz.enabled", matchIfMissing = true)
public final class AsynczRedisStoreAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(DataRedisConnectionDetails.class)
	static class SpringDataRedisConfiguration {

		@Bean
		TaskStoreFactory asynczRedisTaskStoreFactory(ObjectProvider<DataRedisConnectionDetails> connectionDetails,
				Environment environment) {
			// Spring Data Redis may be present with its auto-configuration excluded: then
			// only properties remain.
			return new RedisTaskStoreFactory((urlProperty) -> {
				DataRedisConnectionDetails details = connectionDetails.getIfAvailable();
				return (details != null) ? ConnectionDetailsRedisUris.of(details, urlProperty)
						: ApplicationRedisUris.of(environment);
			});
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails")
	static class PropertiesConfiguration {

		@Bean
		TaskStoreFactory asynczRedisTaskStoreFactory(Environment environment) {
			return new RedisTaskStoreFactory((urlProperty) -> ApplicationRedisUris.of(environment));
		}

	}

}
