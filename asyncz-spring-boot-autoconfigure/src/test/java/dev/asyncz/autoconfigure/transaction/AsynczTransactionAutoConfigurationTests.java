package dev.asyncz.autoconfigure.transaction;

import java.time.Instant;
import java.util.UUID;

import dev.asyncz.autoconfigure.AsynczAutoConfiguration;
import dev.asyncz.autoconfigure.jdbc.AsynczJdbcStoreAutoConfiguration;
import dev.asyncz.core.Scheduler;
import dev.asyncz.store.jdbc.TransactionConnections;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class AsynczTransactionAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, AsynczJdbcStoreAutoConfiguration.class,
				AsynczTransactionAutoConfiguration.class, AsynczAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(),
				"spring.datasource.generate-unique-name=false", "asyncz.stores.durable.type=jdbc",
				"asyncz.stores.durable.initialize-schema=always");

	@Test
	void jdbcStoreOnTheApplicationsDataSourceJoinsItsTransactionsByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(TransactionConnections.class);
			addInRolledBackTransaction(context);
			assertThat(context.getBean(Scheduler.class).get("invoice")).isEmpty();
		});
	}

	@Test
	void withTransactionsDisabledATaskAddedInARolledBackTransactionIsKept() {
		this.contextRunner.withPropertyValues("asyncz.transactions.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(TransactionConnections.class);
			addInRolledBackTransaction(context);
			assertThat(context.getBean(Scheduler.class).get("invoice")).isPresent();
		});
	}

	@Test
	void withoutSpringTxOnTheClassPathTasksAreWrittenAtOnce() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(AsynczTransactionAutoConfiguration.class, AsynczAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("org.springframework.transaction", "org.springframework.jdbc"))
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(AsynczTransactionAutoConfiguration.class);
				Scheduler scheduler = context.getBean(Scheduler.class);
				scheduler.functions().register("send-invoice", (run) -> null);
				scheduler.add(TaskRequest.of("send-invoice", Triggers.at(Instant.parse("2090-01-01T00:00:00Z")))
					.id("invoice")
					.build());
				assertThat(scheduler.get("invoice")).isPresent();
			});
	}

	private static void addInRolledBackTransaction(AssertableApplicationContext context) {
		Scheduler scheduler = context.getBean(Scheduler.class);
		scheduler.functions().register("send-invoice", (run) -> null);
		new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).executeWithoutResult((status) -> {
			scheduler.add(TaskRequest.of("send-invoice", Triggers.at(Instant.parse("2090-01-01T00:00:00Z")))
				.id("invoice")
				.store("durable")
				.build());
			status.setRollbackOnly();
		});
	}

}
