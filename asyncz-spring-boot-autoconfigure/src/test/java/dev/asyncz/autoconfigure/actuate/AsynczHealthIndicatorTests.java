package dev.asyncz.autoconfigure.actuate;

import java.time.Duration;

import java.util.Map;

import dev.asyncz.core.Scheduler;
import dev.asyncz.task.RetryPolicy;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.trigger.Triggers;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.ContextRefreshedEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * When a stopped scheduler counts as down, and what does not make it down.
 */
class AsynczHealthIndicatorTests {

	private final StaticApplicationContext context = new StaticApplicationContext();

	private final Scheduler scheduler = AsynczHealthContributorAutoConfigurationTests.startedScheduler(null);

	private final AsynczHealthIndicator indicator = new AsynczHealthIndicator(this.scheduler,
			RecentMisfires.attach(this.scheduler, Duration.ofMinutes(15)), this.context);

	@AfterEach
	void shutdown() {
		this.scheduler.shutdown(false);
	}

	@Test
	void stoppedSchedulerIsDownWhileTheApplicationRuns() {
		this.indicator.onApplicationEvent(new ContextRefreshedEvent(this.context));
		this.scheduler.shutdown(false);
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.DOWN);
	}

	@Test
	void stoppedSchedulerIsNotDownBeforeTheApplicationRuns() {
		this.scheduler.shutdown(false);
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void storesClosedByTheShutdownAreUnknownRatherThanDown() {
		this.scheduler.shutdown(false);
		assertThat(this.indicator.health().getDetails()).extractingByKey("stores")
			.asInstanceOf(InstanceOfAssertFactories.MAP)
			.extractingByKey("default")
			.isInstanceOfSatisfying(Map.class,
					(store) -> assertThat(store).containsEntry("status", "UNKNOWN").containsKey("error"));
	}

	@Test
	void failedTasksDoNotMakeTheSchedulerDown() {
		this.indicator.onApplicationEvent(new ContextRefreshedEvent(this.context));
		this.scheduler.add(TaskRequest.of("fail", (context) -> {
			throw new IllegalStateException("boom");
		}, Triggers.at(this.scheduler.clock().instant())).id("failed-once").retry(RetryPolicy.NONE).build());
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.scheduler.get("failed-once").map(Task::failed).orElse(false));
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void stoppedSchedulerIsNotDownOnceTheApplicationIsClosing() {
		this.indicator.onApplicationEvent(new ContextRefreshedEvent(this.context));
		this.indicator.onApplicationEvent(new ContextClosedEvent(this.context));
		this.scheduler.shutdown(false);
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void anotherContextsRefreshDoesNotCountAsTheApplicationRunning() {
		this.indicator.onApplicationEvent(new ContextRefreshedEvent(new StaticApplicationContext()));
		this.scheduler.shutdown(false);
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UP);
	}

}
