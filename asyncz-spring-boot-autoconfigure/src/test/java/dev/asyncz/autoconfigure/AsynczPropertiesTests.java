package dev.asyncz.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.asyncz.autoconfigure.internal.SchedulerPropertiesMapper;
import dev.asyncz.core.Scheduler;
import dev.asyncz.core.SchedulerBuilder;
import dev.asyncz.executor.SchedulerExecutors;
import dev.asyncz.task.TaskOptions;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.env.StandardEnvironment;

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
		SchedulerBuilder builder = Scheduler.builder();
		new SchedulerPropertiesMapper(this.properties, List.of(), new DefaultListableBeanFactory(),
				new StandardEnvironment())
			.applyTo(builder);
		Scheduler scheduler = builder.build();
		try {
			assertThat(scheduler
				.add(TaskRequest.of("noop", (context) -> null, Triggers.at(Instant.parse("2100-01-01T00:00:00Z")))
					.build())
				.options()).isEqualTo(TaskOptions.STANDARD);
		}
		finally {
			scheduler.shutdown(false);
		}
	}

	@Test
	void failedTasksAreKeptUntilRunOrDeletedLikeTheBuildersDefault() {
		assertThat(this.properties.getFailedTaskRetention()).isNull();
	}

	@Test
	void stuckTaskThresholdDefaultIsTheBuildersDefault() {
		assertThat(this.properties.getStuckTaskThreshold()).isEqualTo(SchedulerBuilder.DEFAULT_STUCK_TASK_THRESHOLD);
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

	@Test
	void transactionsAreJoinedByDefaultWhereTheBuilderHasNoneToJoin() {
		// The core builder writes at once (StoreWriteCoordinator.IMMEDIATE): it knows no
		// transactions. Within Spring, following them is the safe default.
		assertThat(this.properties.getTransactions().isEnabled()).isTrue();
	}

}
