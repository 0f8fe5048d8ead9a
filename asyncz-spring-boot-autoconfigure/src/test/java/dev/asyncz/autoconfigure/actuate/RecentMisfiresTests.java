package dev.asyncz.autoconfigure.actuate;

import java.time.Duration;
import java.time.Instant;

import dev.asyncz.core.ControllableClock;
import dev.asyncz.core.Scheduler;
import dev.asyncz.event.TaskMissed;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counting misfires over a recent window.
 */
class RecentMisfiresTests {

	static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

	private final ControllableClock clock = new ControllableClock(START);

	private final Scheduler scheduler = Scheduler.builder().clock(this.clock).build();

	private final RecentMisfires misfires = RecentMisfires.attach(this.scheduler, Duration.ofMinutes(15));

	@Test
	void misfiresWithinTheWindowAreCounted() {
		missAt(START);
		missAt(START.plusSeconds(30));
		this.clock.advance(Duration.ofMinutes(14));
		missAt(this.clock.instant());
		assertThat(this.misfires.count()).isEqualTo(3);
	}

	@Test
	void misfiresOlderThanTheWindowAreForgotten() {
		missAt(START);
		this.clock.advance(Duration.ofMinutes(10));
		missAt(this.clock.instant());
		this.clock.advance(Duration.ofMinutes(6));
		assertThat(this.misfires.count()).isEqualTo(1);
		this.clock.advance(Duration.ofMinutes(15));
		assertThat(this.misfires.count()).isZero();
	}

	@Test
	void aMisfireDetectedLongAgoIsNotCounted() {
		this.clock.advance(Duration.ofHours(1));
		missAt(START);
		assertThat(this.misfires.count()).isZero();
	}

	private void missAt(Instant detectedAt) {
		this.misfires.onEvent(new TaskMissed("task", "report", "default", "default", detectedAt, detectedAt));
	}

}
