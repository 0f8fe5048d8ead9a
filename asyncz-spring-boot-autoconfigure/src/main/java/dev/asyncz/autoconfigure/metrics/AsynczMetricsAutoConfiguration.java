package dev.asyncz.autoconfigure.metrics;

import dev.asyncz.core.Scheduler;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of {@link AsynczMetrics}, when there is a {@link Scheduler} and a
 * {@link MeterRegistry}.
 */
@AutoConfiguration(afterName = { "dev.asyncz.autoconfigure.AsynczAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ Scheduler.class, MeterRegistry.class })
public final class AsynczMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	AsynczMetrics asynczMetrics(Scheduler scheduler) {
		return AsynczMetrics.attach(scheduler, AsynczMetrics.DEFAULT_COUNT_CACHE_TIME);
	}

}
