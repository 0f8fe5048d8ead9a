package dev.asyncz.autoconfigure.metrics;

import dev.asyncz.core.Scheduler;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of {@link ObservationTaskRunInterceptor}, when there is a
 * {@link Scheduler} and an {@link ObservationRegistry}. The scheduler auto-configuration
 * registers every {@link dev.asyncz.core.TaskRunInterceptor} bean with the scheduler it
 * builds.
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

}
