package dev.asyncz.autoconfigure.metrics;

import dev.asyncz.core.Scheduler;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of {@link ObservationTaskRunInterceptor}, when there is a
 * {@link Scheduler} and an {@link ObservationRegistry}. The scheduler auto-configuration
 * registers every {@link dev.asyncz.core.TaskRunInterceptor} bean with the scheduler it
 * builds.
 *
 * <p>
 * The observation is the tracing view of a run (a span, the current observation inside
 * the function). Run metrics come from {@link AsynczMetrics} alone: with Micrometer on
 * the class path, a meter filter denies the timer and long task timer that a meter
 * observation handler would make from the default observation
 * ({@value DefaultTaskExecutionObservationConvention#NAME} and its {@code .active}),
 * which would time every run a second time next to {@code asyncz.task.executions}.
 */
@AutoConfiguration(afterName = { "dev.asyncz.autoconfigure.AsynczAutoConfiguration",
		"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBean({ Scheduler.class, ObservationRegistry.class })
public final class AsynczObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ObservationTaskRunInterceptor asynczObservationTaskRunInterceptor(ObservationRegistry registry,
			ObjectProvider<TaskExecutionObservationConvention> convention) {
		return new ObservationTaskRunInterceptor(registry, convention.getIfAvailable());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterFilter.class)
	static class ObservationMetersConfiguration {

		@Bean
		MeterFilter asynczObservationMeterFilter() {
			String name = DefaultTaskExecutionObservationConvention.NAME;
			return MeterFilter.deny((id) -> id.getName().equals(name) || id.getName().equals(name + ".active"));
		}

	}

}
