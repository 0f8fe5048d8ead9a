package dev.asyncz.autoconfigure.actuate;

import dev.asyncz.core.Scheduler;
import dev.asyncz.store.QuarantinedTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.Sanitizer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link SchedulerDescriber} shows of a quarantined task with and without
 * {@code show-values}.
 */
class SchedulerDescriberTests {

	private final Scheduler scheduler = AsynczHealthContributorAutoConfigurationTests.startedScheduler(null);

	private final SchedulerDescriber describer = new SchedulerDescriber(this.scheduler,
			TaskOutcomes.attach(this.scheduler, 10), new Sanitizer());

	private final QuarantinedTask quarantined = new QuarantinedTask("t1", "durable",
			"arguments is not valid JSON: Unrecognized token 'hunter2'", 42, null);

	@AfterEach
	void shutDown() {
		this.scheduler.shutdown(false);
	}

	@Test
	void quarantineReasonIsSanitisedWhenValuesAreNotShown() {
		assertThat(this.describer.describe(this.quarantined, false).reason()).isEqualTo("******");
	}

	@Test
	void quarantineReasonIsShownAsStoredWhenValuesAreShown() {
		assertThat(this.describer.describe(this.quarantined, true).reason())
			.isEqualTo("arguments is not valid JSON: Unrecognized token 'hunter2'");
	}

}
