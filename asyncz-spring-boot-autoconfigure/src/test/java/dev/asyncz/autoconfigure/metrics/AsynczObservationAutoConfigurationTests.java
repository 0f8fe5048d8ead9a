package dev.asyncz.autoconfigure.metrics;

import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When task runs are observed.
 */
class AsynczObservationAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AsynczObservationAutoConfiguration.class))
		.withUserConfiguration(AsynczMetricsAutoConfigurationTests.SchedulerConfiguration.class);

	@Test
	void interceptorWhenThereIsAnObservationRegistry() {
		this.contextRunner.withUserConfiguration(ObservationRegistryConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(ObservationTaskRunInterceptor.class));
	}

	@Test
	void noInterceptorWithoutAnObservationRegistry() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(ObservationTaskRunInterceptor.class));
	}

	@Test
	void noInterceptorWithoutMicrometerObservation() {
		this.contextRunner.withUserConfiguration(ObservationRegistryConfiguration.class)
			.withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ObservationTaskRunInterceptor.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class ObservationRegistryConfiguration {

		@Bean
		ObservationRegistry observationRegistry() {
			return ObservationRegistry.create();
		}

	}

}
