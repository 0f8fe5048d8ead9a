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
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Auto-configuration of stores of type {@code redis}
 * ({@code asyncz.stores.<name>.type=redis}): each connects to its {@code url}; or else
 * shares the Lettuce client of the application's {@link LettuceConnectionFactory} (a
 * single server, sentinel set or cluster, with its TLS and client options); or else,
 * without one, connects to the server of the application's Spring Data Redis connection
 * details or {@code spring.data.redis.*} properties. Needs
 * {@code dev.asyncz:asyncz-store-redis} and Lettuce.
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
		TaskStoreFactory asynczRedisTaskStoreFactory(ObjectProvider<LettuceConnectionFactory> connectionFactory,
				ObjectProvider<DataRedisConnectionDetails> connectionDetails, Environment environment) {
			RedisTaskStoreFactory.ApplicationConnection details = RedisTaskStoreFactory.ApplicationConnection
				.at((urlProperty) -> {
					// Spring Data Redis may be present with its auto-configuration
					// excluded: then only properties remain.
					DataRedisConnectionDetails available = connectionDetails.getIfAvailable();
					return (available != null) ? ConnectionDetailsRedisUris.of(available, urlProperty)
							: ApplicationRedisUris.of(environment);
				});
			return new RedisTaskStoreFactory((store, settings, partitions) -> {
				// Looked up per store, not when the scheduler's factories are made: the
				// connection factory may be the application's own bean, defined anywhere.
				LettuceConnectionFactory factory = connectionFactory.getIfUnique();
				return (factory != null) ? ApplicationLettuceConnection.store(factory, store, settings, partitions)
						: details.store(store, settings, partitions);
			});
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails")
	static class PropertiesConfiguration {

		@Bean
		TaskStoreFactory asynczRedisTaskStoreFactory(Environment environment) {
			return new RedisTaskStoreFactory(RedisTaskStoreFactory.ApplicationConnection
				.at((urlProperty) -> ApplicationRedisUris.of(environment)));
		}

	}

}
