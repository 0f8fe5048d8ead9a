package dev.asyncz.autoconfigure.metrics;

import java.time.Instant;

import dev.asyncz.core.ControllableClock;
import dev.asyncz.core.Scheduler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the scheduler's meters are there.
 */
class AsynczMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class, AsynczMetricsAutoConfiguration.class));

	@Test
	void metricsAreBoundToTheMeterRegistry() {
		this.contextRunner.withUserConfiguration(SchedulerConfiguration.class, MeterRegistryConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(AsynczMetrics.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.find("asyncz.tasks").tag("store", "default").gauge()).isNotNull();
				assertThat(registry.find("asyncz.executor.active").tag("executor", "default").gauge()).isNotNull();
			});
	}

	@Test
	void noMetricsWithoutAMeterRegistry() {
		this.contextRunner.withUserConfiguration(SchedulerConfiguration.class)
			.run((context) -> assertThat(context).doesNotHaveBean(AsynczMetrics.class));
	}

	@Test
	void noMetricsWithoutAScheduler() {
		this.contextRunner.withUserConfiguration(MeterRegistryConfiguration.class)
			.run((context) -> assertThat(context).doesNotHaveBean(AsynczMetrics.class));
	}

	@Test
	void noMetricsWithoutMicrometer() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(AsynczMetricsAutoConfiguration.class))
			.withUserConfiguration(SchedulerConfiguration.class)
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(AsynczMetrics.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class SchedulerConfiguration {

		@Bean
		Scheduler scheduler() {
			return Scheduler.builder().clock(new ControllableClock(Instant.parse("2030-01-01T00:00:00Z"))).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MeterRegistryConfiguration {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
