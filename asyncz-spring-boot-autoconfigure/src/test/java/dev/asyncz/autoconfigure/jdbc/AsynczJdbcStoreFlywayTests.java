package dev.asyncz.autoconfigure.jdbc;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

import dev.asyncz.autoconfigure.AsynczAutoConfiguration;
import dev.asyncz.autoconfigure.SchedulerBuilderCustomizer;
import dev.asyncz.core.Scheduler;
import dev.asyncz.core.SchedulerState;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A jdbc store whose tables a Flyway migration creates, from the versioned script the
 * store's jar ships for Flyway users: the migration runs before the scheduler is built
 * and started.
 */
class AsynczJdbcStoreFlywayTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AsynczAutoConfiguration.class, AsynczJdbcStoreAutoConfiguration.class,
				FlywayAutoConfiguration.class, DataSourceAutoConfiguration.class))
		.withUserConfiguration(MigrationConfiguration.class)
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(),
				"spring.datasource.generate-unique-name=false",
				"spring.flyway.locations=classpath:dev/asyncz/store/jdbc/schema/h2", "asyncz.stores.durable.type=jdbc",
				"asyncz.stores.durable.initialize-schema=never");

	@Test
	void aFlywayMigrationCreatesTheTablesBeforeTheSchedulerIsBuilt() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(MigrationConfiguration.class).tablesWhenSchedulerBuilt).singleElement()
				.satisfies((tables) -> assertThat(tables).contains("ASYNCZ_TASKS"));
			assertThat(new JdbcTemplate(context.getBean(DataSource.class)).queryForList(
					"SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL", String.class))
				.containsExactly("1");
		});
	}

	@Test
	void theStoreIsReachableOnceTheSchedulerRuns() {
		this.contextRunner.run((context) -> {
			Scheduler scheduler = context.getBean(Scheduler.class);
			assertThat(scheduler.state()).isEqualTo(SchedulerState.RUNNING);
			assertThat(scheduler.stores().get("durable").reachable()).isTrue();
		});
	}

	@Test
	void theAutoConfigurationIsOrderedAfterDataSourceFlywayAndLiquibase() {
		AutoConfiguration annotation = AnnotationUtils.findAnnotation(AsynczJdbcStoreAutoConfiguration.class,
				AutoConfiguration.class);
		assertThat(annotation.afterName()).containsExactlyInAnyOrder(DataSourceAutoConfiguration.class.getName(),
				FlywayAutoConfiguration.class.getName(),
				"org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration");
	}

	private static List<String> tables(DataSource dataSource) {
		return new JdbcTemplate(dataSource).queryForList(
				"SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC'", String.class);
	}

	@Configuration(proxyBeanMethods = false)
	static class MigrationConfiguration {

		final List<List<String>> tablesWhenSchedulerBuilt = new CopyOnWriteArrayList<>();

		@Bean
		SchedulerBuilderCustomizer recordTables(DataSource dataSource) {
			return (builder) -> this.tablesWhenSchedulerBuilt.add(tables(dataSource));
		}

	}

}
