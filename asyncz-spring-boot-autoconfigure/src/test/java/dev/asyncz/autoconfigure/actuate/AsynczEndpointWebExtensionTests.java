package dev.asyncz.autoconfigure.actuate;

import java.time.Duration;
import java.util.Set;

import dev.asyncz.autoconfigure.actuate.AsynczEndpointWebExtension.ErrorDescriptor;
import dev.asyncz.core.Scheduler;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.Sanitizer;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP status of the endpoint's operations once the scheduler has shut down.
 */
class AsynczEndpointWebExtensionTests {

	private final Scheduler scheduler = AsynczHealthContributorAutoConfigurationTests.startedScheduler(null);

	private final SchedulerDescriber describer = new SchedulerDescriber(this.scheduler,
			TaskOutcomes.attach(this.scheduler, 10), new Sanitizer());

	private final AsynczEndpointWebExtension extension = new AsynczEndpointWebExtension(
			new AsynczEndpoint(this.describer, new TaskActions(this.scheduler, this.describer, (event) -> {
			}), Show.NEVER, Set.of()));

	@Test
	void operationsOnAShutDownSchedulerAreServiceUnavailable() {
		this.scheduler.add(TaskRequest
			.of("noop", (context) -> null,
					Triggers.at(AsynczHealthContributorAutoConfigurationTests.START.plus(Duration.ofDays(1))))
			.id("t1")
			.build());
		this.scheduler.shutdown(false);
		assertUnavailable(this.extension.act(SecurityContext.NONE, "t1", "pause"));
		assertUnavailable(this.extension.act(SecurityContext.NONE, "t1", "run"));
		assertUnavailable(this.extension.task(SecurityContext.NONE, "t1"));
	}

	private static void assertUnavailable(WebEndpointResponse<Object> response) {
		assertThat(response.getStatus()).isEqualTo(WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE);
		assertThat(response.getBody()).isInstanceOfSatisfying(ErrorDescriptor.class,
				(error) -> assertThat(error.message()).contains("shut down"));
	}

}
