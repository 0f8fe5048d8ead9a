package dev.asyncz.store.mongodb.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WakeUpGateTests {

	private static final Instant REPORTED = Instant.parse("2030-01-01T00:00:00Z");

	private final AtomicInteger wakeUps = new AtomicInteger();

	private final WakeUpGate gate = new WakeUpGate(this.wakeUps::incrementAndGet);

	@Test
	void changeBeforeTheReportedNextRunTimeWakesTheScheduler() {
		this.gate.reported(Optional.of(REPORTED));
		assertThat(this.gate.changed(REPORTED.minusMillis(1))).isTrue();
		assertThat(this.wakeUps).hasValue(1);
	}

	@Test
	void changeAtOrAfterTheReportedNextRunTimeLetsTheSchedulerSleep() {
		this.gate.reported(Optional.of(REPORTED));
		assertThat(this.gate.changed(REPORTED)).isFalse();
		assertThat(this.gate.changed(REPORTED.plusSeconds(60))).isFalse();
		assertThat(this.wakeUps).hasValue(0);
	}

	@Test
	void anyChangeWakesTheSchedulerWhenNothingWaited() {
		this.gate.reported(Optional.empty());
		assertThat(this.gate.changed(Instant.parse("2999-01-01T00:00:00Z"))).isTrue();
	}

	@Test
	void anyChangeWakesTheSchedulerWhileTheNextRunTimeIsBeingRead() {
		this.gate.reported(Optional.of(REPORTED));
		this.gate.reading();
		assertThat(this.gate.changed(REPORTED.plusSeconds(60))).isTrue();
	}

	@Test
	void anyChangeWakesTheSchedulerBeforeAnythingWasReported() {
		assertThat(this.gate.changed(REPORTED.plusSeconds(60))).isTrue();
	}

	@Test
	void aWakeUpThatFailsIsReportedAndNotThrownAtTheWatcher() {
		WakeUpGate failing = new WakeUpGate(() -> {
			throw new IllegalStateException("scheduler gone");
		});
		assertThat(failing.changed(REPORTED)).isTrue();
	}

}
