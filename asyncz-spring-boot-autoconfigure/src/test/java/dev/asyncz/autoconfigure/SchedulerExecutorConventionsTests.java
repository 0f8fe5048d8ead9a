package dev.asyncz.autoconfigure;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.asyncz.core.Scheduler;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.slf4j.MDC;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.task.TaskDecorator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code thread-pool} and {@code virtual} executors follow Spring Boot's task
 * execution conventions: {@code spring.threads.virtual.enabled} and {@link TaskDecorator}
 * beans.
 */
class SchedulerExecutorConventionsTests {

	private static final Instant T0 = ControllableClockConfiguration.T0;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AsynczAutoConfiguration.class))
		.withUserConfiguration(ControllableClockConfiguration.class);

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void virtualThreadsEnabledMakeTheUnconfiguredDefaultExecutorVirtual() {
		this.contextRunner.withPropertyValues("spring.threads.virtual.enabled=true")
			.run((context) -> assertThat(defaultExecutor(context.getBean(Scheduler.class)))
				.isEqualTo("virtual-threads"));
	}

	@Test
	@EnabledForJreRange(max = JRE.JAVA_20)
	void virtualThreadsEnabledBeforeJava21LeaveTheDefaultExecutorAPool() {
		this.contextRunner.withPropertyValues("spring.threads.virtual.enabled=true")
			.run((context) -> assertThat(defaultExecutor(context.getBean(Scheduler.class)))
				.isEqualTo("thread-pool(10)"));
	}

	@Test
	void aDefaultExecutorConfiguredAsAThreadPoolStaysAPoolWithVirtualThreadsEnabled() {
		this.contextRunner
			.withPropertyValues("spring.threads.virtual.enabled=true", "asyncz.executors.default.type=thread-pool")
			.run((context) -> assertThat(defaultExecutor(context.getBean(Scheduler.class)))
				.isEqualTo("thread-pool(10)"));
	}

	@Test
	void aDefaultExecutorGivenOnlyMaxWorkersStaysAPoolWithVirtualThreadsEnabled() {
		this.contextRunner
			.withPropertyValues("spring.threads.virtual.enabled=true", "asyncz.executors.default.max-workers=4")
			.run((context) -> assertThat(defaultExecutor(context.getBean(Scheduler.class)))
				.isEqualTo("thread-pool(4)"));
	}

	@Test
	void withoutVirtualThreadsTheUnconfiguredDefaultExecutorIsAPoolOfTen() {
		this.contextRunner.run((context) -> assertThat(defaultExecutor(context.getBean(Scheduler.class)))
			.isEqualTo("thread-pool(10)"));
	}

	@Test
	void aTaskDecoratorBeanWrapsEveryRunOfTheDefaultPool() {
		this.contextRunner.withUserConfiguration(MdcDecoratorConfiguration.class).run((context) -> {
			Scheduler scheduler = context.getBean(Scheduler.class);
			assertThat(runAndReadMdc(scheduler, "default", "first")).isEqualTo("decorated");
			assertThat(runAndReadMdc(scheduler, "default", "second")).isEqualTo("decorated");
		});
	}

	@Test
	void aTaskDecoratorBeanWrapsRunsOfANamedPool() {
		this.contextRunner.withUserConfiguration(MdcDecoratorConfiguration.class)
			.withPropertyValues("asyncz.executors.reports.type=thread-pool", "asyncz.executors.reports.max-workers=2")
			.run((context) -> assertThat(runAndReadMdc(context.getBean(Scheduler.class), "reports", "one"))
				.isEqualTo("decorated"));
	}

	@Test
	void severalTaskDecoratorBeansAreComposedAsBootComposesThemTheFirstInOrderInnermost() {
		this.contextRunner.withUserConfiguration(OrderedDecoratorsConfiguration.class)
			.run((context) -> assertThat(runAndReadMdc(context.getBean(Scheduler.class), "default", "one"))
				.isEqualTo("second>first"));
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void aTaskDecoratorBeanWrapsEveryRunOnVirtualThreads() {
		this.contextRunner.withUserConfiguration(MdcDecoratorConfiguration.class)
			.withPropertyValues("spring.threads.virtual.enabled=true")
			.run((context) -> assertThat(runAndReadMdc(context.getBean(Scheduler.class), "default", "one"))
				.isEqualTo("decorated"));
	}

	@Test
	void poolWorkersAreNamedAfterTheirExecutor() throws Exception {
		this.contextRunner.withPropertyValues("asyncz.executors.reports.max-workers=1").run((context) -> {
			CompletableFuture<String> thread = new CompletableFuture<>();
			context.getBean(Scheduler.class)
				.add(TaskRequest.of("name", (run) -> thread.complete(Thread.currentThread().getName()), Triggers.at(T0))
					.executor("reports")
					.build());
			assertThat(thread.get(30, TimeUnit.SECONDS)).startsWith("asyncz-reports-");
		});
	}

	private static String defaultExecutor(Scheduler scheduler) {
		return scheduler.executors().get("default").description();
	}

	private static String runAndReadMdc(Scheduler scheduler, String executor, String id) throws Exception {
		CompletableFuture<String> seen = new CompletableFuture<>();
		scheduler
			.add(TaskRequest.of("read-mdc", (run) -> seen.complete(String.valueOf(MDC.get("run"))), Triggers.at(T0))
				.id(id)
				.executor(executor)
				.build());
		return seen.get(30, TimeUnit.SECONDS);
	}

	/**
	 * Puts a value in the MDC around each run, as a decorator that carries a logging or
	 * tracing context does, and takes it out after.
	 */
	private static TaskDecorator mdc(String value) {
		return (runnable) -> () -> {
			String outer = MDC.get("run");
			MDC.put("run", (outer != null) ? outer + ">" + value : value);
			try {
				runnable.run();
			}
			finally {
				if (outer != null) {
					MDC.put("run", outer);
				}
				else {
					MDC.remove("run");
				}
			}
		};
	}

	@Configuration(proxyBeanMethods = false)
	static class MdcDecoratorConfiguration {

		@Bean
		TaskDecorator mdcDecorator() {
			return mdc("decorated");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OrderedDecoratorsConfiguration {

		@Bean
		@Order(2)
		TaskDecorator second() {
			return mdc("second");
		}

		@Bean
		@Order(1)
		TaskDecorator first() {
			return mdc("first");
		}

	}

}
