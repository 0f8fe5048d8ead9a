package dev.asyncz.autoconfigure.jdbc;

import dev.asyncz.autoconfigure.AsynczAutoConfiguration;
import dev.asyncz.autoconfigure.TaskStoreFactory;
import dev.asyncz.core.Scheduler;
import dev.asyncz.store.jdbc.JdbcTaskStore;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.jdbc.EmbeddedDatabaseConnection;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of stores of type {@code jdbc}
 * ({@code asyncz.stores.<name>.type=jdbc}): each uses the DataSource bean named by
 * {@code data-source}, or the application's DataSource, and creates its tables as
 * {@code initialize-schema} says. Needs {@code dev.asyncz:asyncz-store-jdbc} and Spring
 * Boot's JDBC support.
 * <p>
 * Ordered after the DataSource, Flyway and Liquibase auto-configurations (named, since
 * Flyway and Liquibase are optional), so that their beans are defined before the
 * scheduler's; the scheduler bean also waits for the database initialisation they run
 * (see {@code SchedulerDependsOnDatabaseInitializationDetector}), so tables a migration
 * creates exist before the store reads them.
 */
@AutoConfiguration(before = AsynczAutoConfiguration.class,
		afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
				"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
				"org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration" })
@ConditionalOnClass({ Scheduler.class, JdbcTaskStore.class, EmbeddedDatabaseConnection.class })
@ConditionalOnBooleanProperty(name = "asyncz.enabled", matchIfMissing = true)
public final class AsynczJdbcStoreAutoConfiguration {

	@Bean
	TaskStoreFactory asynczJdbcTaskStoreFactory() {
		return new JdbcTaskStoreFactory();
	}

}
