package dev.asyncz.autoconfigure.actuate;

import java.time.Duration;

import dev.asyncz.autoconfigure.actuate.AsynczEndpoint.TaskDetailsDescriptor;
import dev.asyncz.core.Scheduler;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the {@code asyncz} endpoint is there.
 */
class AsynczEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AsynczEndpointAutoConfiguration.class))
		.withUserConfiguration(AsynczHealthContributorAutoConfigurationTests.SchedulerConfiguration.class);

	@Test
	void noEndpointWhenItIsNotExposed() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(AsynczEndpoint.class)
			.doesNotHaveBean(TaskOutcomes.class));
	}

	@Test
	void endpointAndWebExtensionWhenExposedOverTheWeb() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=asyncz")
			.run((context) -> assertThat(context).hasSingleBean(AsynczEndpoint.class)
				.hasSingleBean(AsynczEndpointWebExtension.class)
				.hasSingleBean(TaskOutcomes.class));
	}

	@Test
	void endpointWithoutWebExtensionWhenExposedOverJmxOnly() {
		this.contextRunner
			.withPropertyValues("spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=asyncz")
			.run((context) -> assertThat(context).hasSingleBean(AsynczEndpoint.class)
				.doesNotHaveBean(AsynczEndpointWebExtension.class));
	}

	@Test
	void noEndpointWhenAccessIsNone() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=asyncz",
					"management.endpoint.asyncz.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(AsynczEndpoint.class));
	}

	@Test
	void noEndpointWithoutAScheduler() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(AsynczEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=asyncz")
			.run((context) -> assertThat(context).doesNotHaveBean(AsynczEndpoint.class));
	}

	@Test
	void noEndpointWithoutActuator() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=asyncz")
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.run((context) -> assertThat(context).doesNotHaveBean(AsynczEndpoint.class));
	}

	@Test
	void sanitizingFunctionsStillApplyWhenValuesAreShown() {
		this.contextRunner.withUserConfiguration(SanitizeSecondArgument.class)
			.withPropertyValues("management.endpoints.web.exposure.include=asyncz",
					"management.endpoint.asyncz.show-values=always")
			.run((context) -> {
				Scheduler scheduler = context.getBean(Scheduler.class);
				scheduler.functions().register("login", (taskContext) -> "ok");
				scheduler
					.add(TaskRequest
						.of("login",
								Triggers.every(Duration.ofHours(1))
									.startingAt(scheduler.clock().instant().plusSeconds(60)))
						.id("login-1")
						.args("alice", "hunter2")
						.build());
				TaskDetailsDescriptor task = context.getBean(AsynczEndpoint.class)
					.task(SecurityContext.NONE, "login-1");
				assertThat(task).isNotNull();
				assertThat(task.args()).containsExactly("alice", SanitizableData.SANITIZED_VALUE);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class SanitizeSecondArgument {

		@Bean
		SanitizingFunction secondArgument() {
			return (data) -> "args[1]".equals(data.getKey()) ? data.withSanitizedValue() : data;
		}

	}

}
