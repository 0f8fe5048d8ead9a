package dev.asyncz.autoconfigure;

import java.time.Duration;
import java.util.UUID;

import dev.asyncz.annotation.ScheduledTask;
import dev.asyncz.annotation.TaskFunction;
import dev.asyncz.autoconfigure.jdbc.AsynczJdbcStoreAutoConfiguration;
import org.assertj.core.api.AbstractCharSequenceAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The INFO block logged when the scheduler starts.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupSummaryTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				AsynczJdbcStoreAutoConfiguration.class, AsynczAutoConfiguration.class))
		.withUserConfiguration(ControllableClockConfiguration.class)
		.withBean(SchedulerBuilderCustomizer.class, () -> (builder) -> builder.instanceId("node-7"))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(),
				"spring.datasource.generate-unique-name=false");

	@Test
	void startingLogsTheInstanceStoresExecutorsAndAnnotatedMethodsInOneBlock(CapturedOutput output) {
		this.contextRunner.withBean("jobs", Jobs.class)
			.withPropertyValues("asyncz.timezone=Europe/Paris", "asyncz.stores.durable.type=jdbc",
					"asyncz.stores.durable.table-prefix=summary_", "asyncz.executors.reports.max-workers=3")
			.run((context) -> awaitSummary(output).contains("""
					asyncz scheduler started: instance node-7, zone Europe/Paris
					  store 'durable': jdbc, table summary_tasks, 0 task(s)
					  store 'default': memory, 2 task(s)
					  executor 'reports': thread-pool(3)
					  executor 'default': thread-pool(10)
					  2 @ScheduledTask task(s), 1 @TaskFunction method(s)"""));
	}

	@Test
	void theSummaryIsLoggedOncePerStart(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			awaitSummary(output);
			assertThat(output.getOut().split("asyncz scheduler started", -1)).hasSize(2);
		});
	}

	@Test
	void anUnreachableStoreIsNamedWithWhy(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("asyncz.stores.durable.type=jdbc", "asyncz.stores.durable.initialize-schema=never")
			.run((context) -> awaitSummary(output)
				.containsPattern("store 'durable': jdbc, table asyncz_tasks, NOT REACHABLE: .*(?i)asyncz_tasks"));
	}

	/** The summary is logged from a thread of its own, just after the start. */
	private static AbstractCharSequenceAssert<?, String> awaitSummary(CapturedOutput output) {
		// One log statement: once its first line is out, the whole block is.
		await().atMost(Duration.ofSeconds(30)).until(() -> output.getOut().contains("asyncz scheduler started"));
		return assertThat(output.toString());
	}

	static class Jobs {

		@ScheduledTask(id = "hourly", cron = "0 * * * *")
		@ScheduledTask(id = "often", interval = "10m")
		void report() {
		}

		@TaskFunction("send")
		void send(String text) {
		}

	}

}
