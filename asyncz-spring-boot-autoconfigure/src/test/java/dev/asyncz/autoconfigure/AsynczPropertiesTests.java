package dev.asyncz.autoconfigure;

import java.time.Duration;

import dev.asyncz.core.Scheduler;
import dev.asyncz.executor.SchedulerExecutors;
import dev.asyncz.task.TaskOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AsynczPropertiesTests {

	private final AsynczProperties properties = new AsynczProperties();

	private final Scheduler builtWithDefaults = Scheduler.builder().build();

	@Test
	void timezoneDefaultIsTheBuildersDefault() {
		assertThat(this.properties.getTimezone()).isEqualTo(this.builtWithDefaults.zone());
	}

	@Test
	void maxWaitDefaultIsTheBuildersDefault() {
		assertThat(this.properties.getMaxWait()).isEqualTo(this.builtWithDefaults.maxWait());
	}

	@Test
	void maxTasksDefaultIsNoLimitLikeTheBuilder() {
		assertThat(this.properties.getMaxTasks()).isNull();
	}

	@Test
	void taskDefaultsAreTheStandardTaskDefaults() {
		AsynczProperties.TaskDefaults defaults = this.properties.getTaskDefaults();
		assertThat(new TaskOptions(defaults.isCoalesce(), defaults.getMaxInstances(), defaults.getMisfireGraceTime()))
			.isEqualTo(TaskOptions.STANDARD);
	}

	@Test
	void executorDefaultIsTheBuildersDefaultThreadPool() {
		AsynczProperties.Executor executor = new AsynczProperties.Executor();
		assertThat(executor.getType()).isEqualTo("thread-pool");
		assertThat(SchedulerExecutors.threadPool(executor.getMaxWorkers()).describe())
			.isEqualTo(this.builtWithDefaults.executors().get("default").description());
	}

	@Test
	void storeDefaultIsMemoryLikeTheBuildersDefault() {
		assertThat(new AsynczProperties.Store().getType()).isEqualTo("memory");
		assertThat(this.builtWithDefaults.stores().get("default").persistent()).isFalse();
	}

	@Test
	void shutdownWaitsThirtySecondsForRunningTasksLikeTheBuilder() {
		assertThat(this.properties.getShutdown().isAwaitTermination()).isTrue();
		assertThat(this.properties.getShutdown().getAwaitTerminationPeriod()).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void startupDelayDefaultIsNone() {
		assertThat(this.properties.getStartupDelay()).isZero();
	}

}
