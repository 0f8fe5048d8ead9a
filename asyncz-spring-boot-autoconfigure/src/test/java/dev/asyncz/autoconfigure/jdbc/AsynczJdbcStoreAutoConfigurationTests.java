package dev.asyncz.autoconfigure.jdbc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

import dev.asyncz.autoconfigure.AsynczAutoConfiguration;
import dev.asyncz.autoconfigure.InvalidAsynczPropertyException;
import dev.asyncz.core.Scheduler;
import dev.asyncz.core.internal.DefaultScheduler;
import dev.asyncz.store.WriteFormat;
import dev.asyncz.store.jdbc.JdbcTaskStore;
import dev.asyncz.store.jdbc.JdbcTaskStoreSettings;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class AsynczJdbcStoreAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				AsynczJdbcStoreAutoConfiguration.class, AsynczAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(),
				"spring.datasource.generate-unique-name=false", "asyncz.stores.durable.type=jdbc");

	@Test
	void jdbcStoreCreatesItsTablesOnAnEmbeddedDatabase() {
		this.contextRunner.run((context) -> {
			assertThat(((DefaultScheduler) context.getBean(Scheduler.class)).storeObjects().get("durable"))
				.isInstanceOf(JdbcTaskStore.class);
			assertThat(tables(context.getBean(DataSource.class))).contains("ASYNCZ_TASKS");
		});
	}

	@Test
	void taskAddedToAJdbcStoreIsARowOfItsTable() {
		this.contextRunner.run((context) -> {
			Scheduler scheduler = context.getBean(Scheduler.class);
			scheduler.functions().register("noop", (run) -> null);
			scheduler.add(TaskRequest.of("noop", Triggers.at(Instant.parse("2090-01-01T00:00:00Z")))
				.id("row")
				.store("durable")
				.build());
			assertThat(new JdbcTemplate(context.getBean(DataSource.class)).queryForList("SELECT id FROM asyncz_tasks",
					String.class))
				.containsExactly("row");
		});
	}

	@Test
	void initializeSchemaNeverLeavesTheDatabaseAlone() {
		this.contextRunner.withPropertyValues("asyncz.stores.durable.initialize-schema=never")
			.run((context) -> assertThat(tables(context.getBean(DataSource.class))).doesNotContain("ASYNCZ_TASKS"));
	}

	@Test
	void initializeSchemaEmbeddedLeavesAFileDatabaseAlone() {
		this.contextRunner.withPropertyValues("spring.datasource.url=jdbc:h2:file:./target/h2-" + UUID.randomUUID())
			.run((context) -> assertThat(tables(context.getBean(DataSource.class))).doesNotContain("ASYNCZ_TASKS"));
	}

	@Test
	void tablesAreNamedWithTheTablePrefix() {
		this.contextRunner.withPropertyValues("asyncz.stores.durable.table-prefix=jobs_")
			.run((context) -> assertThat(tables(context.getBean(DataSource.class))).contains("JOBS_TASKS")
				.doesNotContain("ASYNCZ_TASKS"));
	}

	@Test
	void leaseTimeAndPollIntervalAreTheStoresSettings() {
		this.contextRunner
			.withPropertyValues("asyncz.stores.durable.lease-time=2m", "asyncz.stores.durable.poll-interval=0s")
			.run((context) -> {
				JdbcTaskStoreSettings settings = ((JdbcTaskStore) ((DefaultScheduler) context.getBean(Scheduler.class))
					.storeObjects()
					.get("durable")).settings();
				assertThat(settings.leaseDuration()).isEqualTo(Duration.ofMinutes(2));
				assertThat(settings.pollInterval()).isZero();
			});
	}

	@Test
	void storeWritesCompactRowsUnlessWriteFormatSaysFull() {
		this.contextRunner
			.run((context) -> assertThat(jdbcStore(context).settings().writeFormat()).isEqualTo(WriteFormat.COMPACT));
		this.contextRunner.withPropertyValues("asyncz.stores.durable.write-format=full")
			.run((context) -> assertThat(jdbcStore(context).settings().writeFormat()).isEqualTo(WriteFormat.FULL));
	}

	@Test
	void writeFormatOutsideItsValuesFailsListingThem() {
		this.contextRunner.withPropertyValues("asyncz.stores.durable.write-format=legacy").run((context) -> {
			InvalidAsynczPropertyException failure = propertyFailure(context);
			assertThat(failure.getProperty()).isEqualTo("asyncz.stores.durable.write-format");
			assertThat(failure.getMessage()).contains("'legacy'");
			assertThat(failure.getAction()).contains("compact, full");
		});
	}

	private static JdbcTaskStore jdbcStore(AssertableApplicationContext context) {
		return (JdbcTaskStore) ((DefaultScheduler) context.getBean(Scheduler.class)).storeObjects().get("durable");
	}

	@Test
	void invalidTablePrefixFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("asyncz.stores.durable.table-prefix=drop table;").run((context) -> {
			InvalidAsynczPropertyException failure = propertyFailure(context);
			assertThat(failure.getProperty()).isEqualTo("asyncz.stores.durable.table-prefix");
			assertThat(failure.getMessage()).contains("'drop table;'");
			assertThat(failure.getAction()).contains("a letter, then letters, digits or underscores");
		});
	}

	@Test
	void misspeltKeyFailsNamingItAndTheKeysOfAJdbcStore() {
		this.contextRunner.withPropertyValues("asyncz.stores.durable.tabel-prefix=jobs_").run((context) -> {
			InvalidAsynczPropertyException failure = propertyFailure(context);
			assertThat(failure.getProperty()).isEqualTo("asyncz.stores.durable.tabel-prefix");
			assertThat(failure.getMessage()).contains("'jobs_'", "a store of type jdbc has no such key");
			assertThat(failure.getAction()).contains("data-source", "initialize-schema", "lease-time", "poll-interval",
					"table-prefix");
		});
	}

	@Test
	void initializeSchemaOutsideItsValuesFailsListingThem() {
		this.contextRunner.withPropertyValues("asyncz.stores.durable.initialize-schema=sometimes").run((context) -> {
			InvalidAsynczPropertyException failure = propertyFailure(context);
			assertThat(failure.getProperty()).isEqualTo("asyncz.stores.durable.initialize-schema");
			assertThat(failure.getMessage()).contains("'sometimes'");
			assertThat(failure.getAction()).contains("embedded, always, never");
		});
	}

	@Test
	void leaseTimeUnderASecondFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("asyncz.stores.durable.lease-time=10ms")
			.run((context) -> assertThat(propertyFailure(context).getProperty())
				.isEqualTo("asyncz.stores.durable.lease-time"));
	}

	@Test
	void withoutADataSourceJdbcStoreFailsSayingToAddOne() {
		withoutDataSourceAutoConfiguration().run((context) -> {
			InvalidAsynczPropertyException failure = propertyFailure(context);
			assertThat(failure.getProperty()).isEqualTo("asyncz.stores.durable.data-source");
			assertThat(failure.getMessage()).contains("needs a DataSource");
			assertThat(failure.getAction()).contains("Add a DataSource", "spring.datasource.url",
					"asyncz.stores.durable.data-source");
		});
	}

	@Test
	void dataSourceNamesTheDataSourceBeanToUse() {
		this.contextRunner.withUserConfiguration(TwoDataSourcesConfiguration.class)
			.withPropertyValues("asyncz.stores.durable.data-source=tasksDataSource")
			.run((context) -> {
				assertThat(tables(context.getBean("tasksDataSource", DataSource.class))).contains("ASYNCZ_TASKS");
				assertThat(tables(context.getBean("mainDataSource", DataSource.class))).doesNotContain("ASYNCZ_TASKS");
			});
	}

	@Test
	void withoutADataSourceNameJdbcStoreUsesThePrimaryDataSource() {
		this.contextRunner.withUserConfiguration(TwoDataSourcesConfiguration.class)
			.run((context) -> assertThat(tables(context.getBean("mainDataSource", DataSource.class)))
				.contains("ASYNCZ_TASKS"));
	}

	@Test
	void dataSourceThatDoesNotExistFailsListingTheDataSourceBeans() {
		this.contextRunner.withUserConfiguration(TwoDataSourcesConfiguration.class)
			.withPropertyValues("asyncz.stores.durable.data-source=nope")
			.run((context) -> {
				InvalidAsynczPropertyException failure = propertyFailure(context);
				assertThat(failure.getProperty()).isEqualTo("asyncz.stores.durable.data-source");
				assertThat(failure.getMessage()).contains("'nope'", "no DataSource bean of that name");
				assertThat(failure.getAction()).contains("mainDataSource", "tasksDataSource");
			});
	}

	@Test
	void schedulerIsBuiltAfterTheApplicationsDatabaseInitialization() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataSourceInitializationAutoConfiguration.class))
			.withPropertyValues(
					"spring.sql.init.schema-locations=classpath:dev/asyncz/autoconfigure/jdbc/application-schema.sql")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeanFactory().getBeanDefinition("asynczScheduler").getDependsOn())
					.contains("dataSourceScriptDatabaseInitializer");
			});
	}

	@Test
	void withoutSpringBootJdbcJdbcStoreFailsNamingTheDependency() {
		withoutDataSourceAutoConfiguration().withClassLoader(new FilteredClassLoader("org.springframework.boot.jdbc"))
			.run((context) -> {
				InvalidAsynczPropertyException failure = propertyFailure(context);
				assertThat(failure.getProperty()).isEqualTo("asyncz.stores.durable.type");
				assertThat(failure.getAction()).contains("org.springframework.boot:spring-boot-jdbc")
					.doesNotContain("asyncz-store-jdbc");
			});
	}

	private static ApplicationContextRunner withoutDataSourceAutoConfiguration() {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(AsynczJdbcStoreAutoConfiguration.class, AsynczAutoConfiguration.class))
			.withPropertyValues("asyncz.stores.durable.type=jdbc");
	}

	private static List<String> tables(DataSource dataSource) {
		return new JdbcTemplate(dataSource).queryForList(
				"SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC'", String.class);
	}

	private static InvalidAsynczPropertyException propertyFailure(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		assertThat(context.getStartupFailure()).rootCause().isInstanceOf(InvalidAsynczPropertyException.class);
		return (InvalidAsynczPropertyException) NestedExceptionUtils.getRootCause(context.getStartupFailure());
	}

	@Configuration(proxyBeanMethods = false)
	static class TwoDataSourcesConfiguration {

		@Bean
		@Primary
		DataSource mainDataSource() {
			return h2();
		}

		@Bean
		DataSource tasksDataSource() {
			return h2();
		}

		private static DataSource h2() {
			return DataSourceBuilder.create().url("jdbc:h2:mem:" + UUID.randomUUID()).build();
		}

	}

}
