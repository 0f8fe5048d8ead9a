package dev.asyncz.testkit.docs;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.asyncz.annotation.TaskFunction;
import dev.asyncz.core.Scheduler;
import dev.asyncz.event.TaskFailed;
import dev.asyncz.task.RetryPolicy;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.testkit.TimeTravel;
import dev.asyncz.testkit.autoconfigure.AutoConfigureTimeTravel;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The docs' example of testing an event listener (docs/testing.md).
 */
// tag::event-listener[]
@SpringBootTest(classes = EventListenerExampleTests.Application.class)
@AutoConfigureTimeTravel
class EventListenerExampleTests {

	@Autowired
	Scheduler scheduler;

	@Autowired
	TimeTravel time;

	@Autowired
	OnCallPager pager;

	@Test
	void theOnCallEngineerIsPagedWhenATaskHasUsedUpItsAttempts() {
		this.scheduler.add(TaskRequest.of("import-prices", Triggers.at(this.time.now().plus(Duration.ofHours(1))))
			.id("nightly-import")
			.retry(RetryPolicy.fixed(2, Duration.ofMinutes(1)))
			.build());
		this.time.advance(Duration.ofHours(1));
		assertThat(this.pager.pages).isEmpty();
		this.time.advance(Duration.ofMinutes(1));
		assertThat(this.pager.pages).containsExactly("nightly-import failed 2 time(s)");
	}

	@Component
	static class OnCallPager {

		final List<String> pages = new CopyOnWriteArrayList<>();

		@EventListener
		void on(TaskFailed failed) {
			this.pages.add(failed.taskId() + " failed " + failed.attempts() + " time(s)");
		}

		@TaskFunction("import-prices")
		void importPrices() {
			throw new IllegalStateException("The price feed is down");
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(OnCallPager.class)
	static class Application {

	}

}
// end::event-listener[]
