package dev.asyncz.dashboard;

import dev.asyncz.autoconfigure.InvalidAsynczPropertyException;
import dev.asyncz.autoconfigure.actuate.SchedulerDescriber;
import dev.asyncz.autoconfigure.actuate.TaskActions;
import dev.asyncz.autoconfigure.actuate.TaskOutcomes;
import dev.asyncz.core.Scheduler;
import dev.asyncz.dashboard.internal.DashboardController;
import dev.asyncz.dashboard.internal.DashboardController.DashboardSettings;
import dev.asyncz.dashboard.internal.RunHistory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Sanitizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Auto-configuration of the dashboard: in a servlet web application with a
 * {@link Scheduler}, when {@code asyncz.dashboard.enabled=true}. The page is at
 * {@code asyncz.dashboard.path} (default {@code /asyncz}), its JSON API under
 * {@code <path>/api}, its script and style under {@code <path>/static}. It is read-only
 * unless {@code asyncz.dashboard.writes-enabled=true}. When Spring Security is present
 * its filter chain guards these paths like any other.
 */
@AutoConfiguration(afterName = { "dev.asyncz.autoconfigure.AsynczAutoConfiguration",
		"dev.asyncz.autoconfigure.actuate.AsynczEndpointAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty("asyncz.dashboard.enabled")
@ConditionalOnBean(Scheduler.class)
@EnableConfigurationProperties(AsynczDashboardProperties.class)
public final class AsynczDashboardAutoConfiguration {

	static final String STATIC_LOCATION = "classpath:/dev/asyncz/dashboard/static/";

	@Bean(destroyMethod = "close")
	RunHistory asynczDashboardRunHistory(Scheduler scheduler, AsynczDashboardProperties properties) {
		if (properties.getRunHistorySize() < 1) {
			throw new InvalidAsynczPropertyException("asyncz.dashboard.run-history-size",
					String.valueOf(properties.getRunHistorySize()), "must be at least 1",
					"Set asyncz.dashboard.run-history-size to how many recent runs to remember, such as 1000");
		}
		return RunHistory.attach(scheduler, properties.getRunHistorySize());
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	TaskOutcomes asynczDashboardTaskOutcomes(Scheduler scheduler) {
		return TaskOutcomes.attach(scheduler, TaskOutcomes.DEFAULT_CAPACITY);
	}

	@Bean
	DashboardController asynczDashboardController(Scheduler scheduler, ApplicationEventPublisher publisher,
			RunHistory asynczDashboardRunHistory, TaskOutcomes outcomes, AsynczDashboardProperties properties,
			ObjectProvider<SanitizingFunction> sanitizingFunctions) {
		requireValidPath(properties.getPath());
		Sanitizer sanitizer = new Sanitizer(sanitizingFunctions.orderedStream().toList());
		SchedulerDescriber describer = new SchedulerDescriber(scheduler, outcomes, sanitizer);
		return new DashboardController(scheduler, describer, new TaskActions(scheduler, describer, publisher),
				asynczDashboardRunHistory, new DashboardSettings(properties.isWritesEnabled(),
						properties.getShowValues(), properties.getRoles(), properties.getPollInterval()));
	}

	@Bean
	WebMvcConfigurer asynczDashboardResources(AsynczDashboardProperties properties) {
		String path = properties.getPath();
		return new WebMvcConfigurer() {

			@Override
			public void addResourceHandlers(ResourceHandlerRegistry registry) {
				registry.addResourceHandler(path + "/static/**").addResourceLocations(STATIC_LOCATION);
			}

		};
	}

	private static void requireValidPath(String path) {
		if (!path.startsWith("/") || path.endsWith("/") || path.contains("*") || path.contains("{")) {
			throw new InvalidAsynczPropertyException("asyncz.dashboard.path", path,
					"must start with '/', not end with '/' and hold no pattern",
					"Set asyncz.dashboard.path to a plain path such as /asyncz or /ops/scheduler");
		}
	}

}
