package dev.asyncz.autoconfigure.actuate;

import dev.asyncz.core.Scheduler;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the {@code asyncz} health contributor, when there is a
 * {@link Scheduler} and {@code management.health.asyncz.enabled} is not {@code false}.
 */
@AutoConfiguration(afterName = "dev.asyncz.autoconfigure.AsynczAutoConfiguration")
@ConditionalOnClass(name = { "org.springframework.boot.health.contributor.HealthIndicator",
		"org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator" })
@ConditionalOnBean(Scheduler.class)
public final class AsynczHealthContributorAutoConfiguration {

	// Nested so that its health condition is read only once Spring Boot Health is known
	// to be there.
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnEnabledHealthIndicator("asyncz")
	static class HealthContributorConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RecentMisfires asynczRecentMisfires(Scheduler scheduler) {
			return RecentMisfires.attach(scheduler, RecentMisfires.DEFAULT_WINDOW);
		}

		@Bean
		@ConditionalOnMissingBean(name = "asynczHealthIndicator")
		HealthIndicator asynczHealthIndicator(Scheduler scheduler, RecentMisfires misfires,
				ApplicationContext context) {
			return new AsynczHealthIndicator(scheduler, misfires, context);
		}

	}

}
