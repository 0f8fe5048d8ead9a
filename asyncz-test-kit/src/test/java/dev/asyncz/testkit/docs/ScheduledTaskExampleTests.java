package dev.asyncz.testkit.docs;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.asyncz.annotation.ScheduledTask;
import dev.asyncz.testkit.SchedulerEventRecorder;
import dev.asyncz.testkit.TimeTravel;
import dev.asyncz.testkit.autoconfigure.AutoConfigureTimeTravel;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Component;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The docs' example of testing a {@code @ScheduledTask} (docs/testing.md).
 */
// tag::scheduled-task[]
@SpringBootTest(classes = ScheduledTaskExampleTests.Application.class,
		properties = "asyncz.time-travel.start=2027-03-01T12:00:00Z")
@AutoConfigureTimeTravel
class ScheduledTaskExampleTests {

	@Autowired
	TimeTravel time;

	@Autowired
	SchedulerEventRecorder events;

	@Autowired
	Cleanup cleanup;

	@Test
	void theCleanupRunsEveryNightAtThreeParisTime() {
		this.time.advance(Duration.ofDays(3));
		assertThat(this.events).hasExecuted("nightly-cleanup").times(3);
		assertThat(this.cleanup.runs).hasValue(3);
	}

	@Component
	static class Cleanup {

		final AtomicInteger runs = new AtomicInteger();

		@ScheduledTask(id = "nightly-cleanup", cron = "0 3 * * *", zone = "Europe/Paris")
		void removeExpiredSessions() {
			this.runs.incrementAndGet();
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Cleanup.class)
	static class Application {

	}

}
// end::scheduled-task[]
