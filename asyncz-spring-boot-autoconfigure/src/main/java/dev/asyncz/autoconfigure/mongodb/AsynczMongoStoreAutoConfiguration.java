package dev.asyncz.autoconfigure.mongodb;

import com.mongodb.client.MongoClient;
import dev.asyncz.autoconfigure.AsynczAutoConfiguration;
import dev.asyncz.autoconfigure.TaskStoreFactory;
import dev.asyncz.core.Scheduler;
import dev.asyncz.store.mongodb.MongoTaskStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of stores of type {@code mongodb}
 * ({@code asyncz.stores.<name>.type=mongodb}): each connects to its {@code uri}, or else
 * shares the application's {@link MongoClient} bean (Spring Boot's
 * {@code spring.mongodb.*} settings). Needs {@code dev.asyncz:asyncz-store-mongodb} and
 * the MongoDB synchronous driver.
 */
@AutoConfiguration(before = AsynczAutoConfiguration.class,
		afterName = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration")
@ConditionalOnClass({ Scheduler.class, MongoTaskStore.class, MongoClient.class })
@ConditionalOnBooleanProperty(name = "asyncz.enabled", matchIfMissing = true)
public final class AsynczMongoStoreAutoConfiguration {

	@Bean
	TaskStoreFactory asynczMongoTaskStoreFactory(ObjectProvider<MongoClient> applicationClient,
			Environment environment) {
		return new MongoTaskStoreFactory(applicationClient, environment);
	}

}
