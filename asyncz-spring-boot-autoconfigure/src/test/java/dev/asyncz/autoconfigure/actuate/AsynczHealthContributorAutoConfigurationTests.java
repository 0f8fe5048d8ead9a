package dev.asyncz.autoconfigure.actuate;

import java.time.Instant;
import java.util.Map;

import dev.asyncz.core.ControllableClock;
import dev.asyncz.core.Scheduler;
import dev.asyncz.core.SchedulerBuilder;
import dev.asyncz.core.SchedulerState;
import dev.asyncz.event.TaskMissed;
import dev.asyncz.executor.SchedulerExecutors;
import dev.asyncz.store.MemoryTaskStore;
import dev.asyncz.store.StoreException;
import dev.asyncz.store.TaskStore;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;

/**
 * The {@code asyncz} health contributor and when it is there.
 */
class AsynczHealthContributorAutoConfigurationTests {

	static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AsynczHealthContributorAutoConfiguration.class));

	@Test
	void healthIndicatorIsNamedAsyncz() {
		this.contextRunner.withUserConfiguration(SchedulerConfiguration.class)
			.run((context) -> assertThat(context).hasBean("asynczHealthIndicator"));
	}

	@Test
	void noHealthIndicatorWithoutAScheduler() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(HealthIndicator.class));
	}

	@Test
	void noHealthIndicatorWhenDisabled() {
		this.contextRunner.withUserConfiguration(SchedulerConfiguration.class)
			.withPropertyValues("management.health.asyncz.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(HealthIndicator.class));
	}

	@Test
	void noHealthIndicatorWithoutSpringBootHealth() {
		this.contextRunner.withUserConfiguration(SchedulerConfiguration.class)
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
			.run((context) -> assertThat(context).doesNotHaveBean("asynczHealthIndicator"));
	}

	@Test
	void healthIsUpWithDetailsWhileTheSchedulerRuns() {
		this.contextRunner.withUserConfiguration(SchedulerConfiguration.class).run((context) -> {
			Health health = context.getBean("asynczHealthIndicator", HealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("state", SchedulerState.RUNNING)
				.containsEntry("stores", Map.of("default", Map.of("status", "UP", "quarantined", 0L)))
				.containsEntry("misfires", Map.of("count", 0L, "window", "PT15M"));
		});
	}

	@Test
	void healthIsDownWhenTheSchedulerStopsWhileTheApplicationRuns() {
		this.contextRunner.withUserConfiguration(SchedulerConfiguration.class).run((context) -> {
			context.getBean(Scheduler.class).shutdown(false);
			Health health = context.getBean("asynczHealthIndicator", HealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("state", SchedulerState.STOPPED);
		});
	}

	@Test
	void healthIsDownWhenAStoreCannotBeReached() {
		this.contextRunner.withUserConfiguration(UnreachableStoreConfiguration.class).run((context) -> {
			Health health = context.getBean("asynczHealthIndicator", HealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).extractingByKey("stores")
				.isEqualTo(Map.of("default", Map.of("status", "UP", "quarantined", 0L), "remote",
						Map.of("status", "DOWN", "error", StoreException.class.getName() + ": connection refused")));
		});
	}

	@Test
	void recentMisfiresAreCountedInTheDetails() {
		this.contextRunner.withUserConfiguration(SchedulerConfiguration.class).run((context) -> {
			RecentMisfires misfires = context.getBean(RecentMisfires.class);
			misfires.onEvent(new TaskMissed("t1", "report", "default", "default", START, START));
			misfires.onEvent(new TaskMissed("t2", "report", "default", "default", START, START));
			Health health = context.getBean("asynczHealthIndicator", HealthIndicator.class).health();
			assertThat(health.getDetails()).containsEntry("misfires", Map.of("count", 2L, "window", "PT15M"));
		});
	}

	static Scheduler startedScheduler(@Nullable TaskStore remote) {
		SchedulerBuilder builder = Scheduler.builder()
			.clock(new ControllableClock(START))
			.store("default", new MemoryTaskStore())
			.executor("default", SchedulerExecutors.of(Runnable::run, "direct"));
		if (remote != null) {
			builder.store("remote", remote);
		}
		Scheduler scheduler = builder.build();
		scheduler.start();
		return scheduler;
	}

	@Configuration(proxyBeanMethods = false)
	static class SchedulerConfiguration {

		@Bean
		Scheduler scheduler() {
			return startedScheduler(null);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UnreachableStoreConfiguration {

		@Bean
		Scheduler scheduler() {
			TaskStore unreachable = mock(TaskStore.class);
			willThrow(new StoreException("connection refused")).given(unreachable).ping();
			return startedScheduler(unreachable);
		}

	}

}
