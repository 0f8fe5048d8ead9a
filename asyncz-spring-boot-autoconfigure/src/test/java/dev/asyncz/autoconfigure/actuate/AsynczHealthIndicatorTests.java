package dev.asyncz.autoconfigure.actuate;

import java.time.Duration;

import dev.asyncz.core.Scheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.ContextRefreshedEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a stopped scheduler counts as down.
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
