package dev.asyncz.autoconfigure.actuate;

import dev.asyncz.core.Scheduler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Sanitizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ImportRuntimeHints;

/**
 * Auto-configuration of the {@code asyncz} Actuator endpoint, when it is available
 * (enabled and exposed) and there is a {@link Scheduler}. {@link SanitizingFunction}
 * beans apply to task arguments as they do to the environment.
 */
@AutoConfiguration(afterName = "dev.asyncz.autoconfigure.AsynczAutoConfiguration")
@ConditionalOnClass(name = { "org.springframework.boot.actuate.endpoint.annotation.Endpoint",
		"org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint" })
@ConditionalOnBean(Scheduler.class)
@ImportRuntimeHints(AsynczEndpointRuntimeHints.class)
public final class AsynczEndpointAutoConfiguration {

	// Nested so that its Actuator conditions are read only once Actuator is known to be
	// there.
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnAvailableEndpoint(AsynczEndpoint.class)
	@EnableConfigurationProperties(AsynczEndpointProperties.class)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TaskOutcomes asynczTaskOutcomes(Scheduler scheduler) {
			return TaskOutcomes.attach(scheduler, TaskOutcomes.DEFAULT_CAPACITY);
		}

		@Bean
		@ConditionalOnMissingBean
		AsynczEndpoint asynczEndpoint(Scheduler scheduler, TaskOutcomes outcomes, ApplicationEventPublisher publisher,
				AsynczEndpointProperties properties, ObjectProvider<SanitizingFunction> sanitizingFunctions) {
			Sanitizer sanitizer = new Sanitizer(sanitizingFunctions.orderedStream().toList());
			SchedulerDescriber describer = new SchedulerDescriber(scheduler, outcomes, sanitizer);
			return new AsynczEndpoint(describer, new TaskActions(scheduler, describer, publisher),
					properties.getShowValues(), properties.getRoles());
		}

		@Bean
		@ConditionalOnBean(AsynczEndpoint.class)
		@ConditionalOnMissingBean
		@ConditionalOnAvailableEndpoint(exposure = EndpointExposure.WEB)
		AsynczEndpointWebExtension asynczEndpointWebExtension(AsynczEndpoint endpoint) {
			return new AsynczEndpointWebExtension(endpoint);
		}

	}

}
