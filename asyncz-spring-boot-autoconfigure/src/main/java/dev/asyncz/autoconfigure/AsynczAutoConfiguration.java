package dev.asyncz.autoconfigure;

import java.time.Clock;

import dev.asyncz.autoconfigure.internal.AsynczRuntimeHints;
import dev.asyncz.autoconfigure.internal.MemoryTaskStoreFactory;
import dev.asyncz.autoconfigure.internal.SchedulerEventPublisher;
import dev.asyncz.autoconfigure.internal.SchedulerLifecycle;
import dev.asyncz.autoconfigure.internal.SchedulerPropertiesMapper;
import dev.asyncz.autoconfigure.internal.StartupSummary;
import dev.asyncz.autoconfigure.internal.TaskMethodProcessor;
import dev.asyncz.core.Scheduler;
import dev.asyncz.core.SchedulerBuilder;
import dev.asyncz.core.TaskRunInterceptor;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the asyncz {@link Scheduler}: built from the {@code asyncz.*}
 * properties, started with the application context and stopped gracefully with it; its
 * events published as application events; {@code @ScheduledTask} and
 * {@code @TaskFunction} methods registered; every {@link TaskRunInterceptor} bean wrapped
 * around each run, in order, the first outermost; a summary logged at INFO when it
 * starts. Turned off with {@code asyncz.enabled=false}; a {@link Scheduler} bean of the
 * application's own replaces the built one (and is still started, unless already running,
 * and has its events published).
 */
@AutoConfiguration
@ConditionalOnClass(Scheduler.class)
@ConditionalOnBooleanProperty(name = "asyncz.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AsynczProperties.class)
@ImportRuntimeHints(AsynczRuntimeHints.class)
public final class AsynczAutoConfiguration {

	@Bean(destroyMethod = "")
	@ConditionalOnMissingBean
	Scheduler asynczScheduler(AsynczProperties properties, ObjectProvider<TaskStoreFactory> storeFactories,
			ObjectProvider<TaskRunInterceptor> interceptors, ObjectProvider<SchedulerBuilderCustomizer> customizers,
			@AsynczClock ObjectProvider<Clock> clock, ListableBeanFactory beanFactory, Environment environment) {
		// Not started here: the life cycle bean starts it once every bean it may call
		// exists.
		SchedulerBuilder builder = Scheduler.builder();
		new SchedulerPropertiesMapper(properties, storeFactories.orderedStream().toList(), beanFactory, environment)
			.applyTo(builder);
		clock.ifUnique(builder::clock);
		interceptors.orderedStream().forEach(builder::interceptor);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	@Bean
	TaskStoreFactory asynczMemoryTaskStoreFactory() {
		return new MemoryTaskStoreFactory();
	}

	@Bean
	@ConditionalOnMissingBean
	SchedulerLifecycle asynczSchedulerLifecycle(Scheduler scheduler, AsynczProperties properties) {
		return new SchedulerLifecycle(scheduler, properties.getStartupDelay(),
				properties.getShutdown().isAwaitTermination());
	}

	@Bean
	StartupSummary asynczStartupSummary(Scheduler scheduler, ObjectProvider<TaskMethodProcessor> processor) {
		return new StartupSummary(scheduler, processor);
	}

	@Bean
	static SchedulerEventPublisher asynczSchedulerEventPublisher() {
		return new SchedulerEventPublisher();
	}

	@Bean
	static TaskMethodProcessor asynczTaskMethodProcessor() {
		return new TaskMethodProcessor();
	}

}
