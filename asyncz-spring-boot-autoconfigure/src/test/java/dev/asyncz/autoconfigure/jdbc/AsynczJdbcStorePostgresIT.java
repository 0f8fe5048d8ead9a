package dev.asyncz.autoconfigure.jdbc;

import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;

import dev.asyncz.autoconfigure.AsynczAutoConfiguration;
import dev.asyncz.core.Scheduler;
import dev.asyncz.core.internal.DefaultScheduler;
import dev.asyncz.store.jdbc.JdbcDialect;
import dev.asyncz.store.jdbc.JdbcTaskStore;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.test.LocalServer;
import dev.asyncz.test.RequiresLocalServer;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

@RequiresLocalServer(LocalServer.POSTGRESQL)
class AsynczJdbcStorePostgresIT {

	private static final String PREFIX = "asyncz_wiring_it_";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				AsynczJdbcStoreAutoConfiguration.class, AsynczAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=" + LocalServer.POSTGRESQL.url(), "asyncz.stores.durable.type=jdbc",
				"asyncz.stores.durable.table-prefix=" + PREFIX, "asyncz.stores.durable.initialize-schema=always");

	@AfterEach
	void dropOwnTables() {
		new JdbcTemplate(new DriverManagerDataSource(LocalServer.POSTGRESQL.url()))
			.execute("DROP TABLE IF EXISTS " + PREFIX + "tasks");
	}

	@Test
	void taskAddedThroughTheSchedulerBeanIsARowOfTheStoresTable() {
		this.contextRunner.run((context) -> {
			Scheduler scheduler = context.getBean(Scheduler.class);
			assertThat(((JdbcTaskStore) ((DefaultScheduler) scheduler).storeObjects().get("durable")).dialect())
				.isEqualTo(JdbcDialect.POSTGRESQL);
			scheduler.functions().register("send-invoice", (run) -> null);
			scheduler.add(TaskRequest.of("send-invoice", Triggers.at(Instant.parse("2090-01-01T00:00:00Z")))
				.id("invoice-42")
				.args("customer-7")
				.store("durable")
				.build());
			Map<String, Object> row = new JdbcTemplate(context.getBean(DataSource.class))
				.queryForMap("SELECT id, function_name FROM " + PREFIX + "tasks");
			assertThat(row).containsEntry("id", "invoice-42").containsEntry("function_name", "send-invoice");
		});
	}

	@Test
	void initializeSchemaEmbeddedLeavesPostgresqlAlone() {
		this.contextRunner.withPropertyValues("asyncz.stores.durable.initialize-schema=embedded").run((context) -> {
			Integer tables = new JdbcTemplate(context.getBean(DataSource.class)).queryForObject(
					"SELECT count(*) FROM information_schema.tables WHERE table_name = ?", Integer.class,
					PREFIX + "tasks");
			assertThat(tables).isZero();
		});
	}

}
