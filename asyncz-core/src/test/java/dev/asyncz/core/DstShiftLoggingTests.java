package dev.asyncz.core;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduler writes one INFO line when daylight saving moves a cron task's next fire
 * time, as it plans the run before it.
 */
class DstShiftLoggingTests {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private final Logger logger = (Logger) LoggerFactory.getLogger("dev.asyncz.core.internal.DstShiftReports");

	private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

	private final ControllableClock clock = new ControllableClock(Instant.parse("2027-03-27T00:00:00Z"));

	private Level level;

	@BeforeEach
	void capture() {
		this.level = this.logger.getLevel();
		this.logger.setLevel(Level.INFO);
		this.lines.start();
		this.logger.addAppender(this.lines);
	}

	@AfterEach
	void release() {
		this.logger.detachAppender(this.lines);
		this.logger.setLevel(this.level);
	}

	@Test
	void theRunBeforeASpringForwardTellsWhenTheMissingWallTimeRunsOnce() {
		try (Scheduler scheduler = Scheduler.builder().clock(this.clock).runOnCaller().build()) {
			scheduler.start();
			scheduler.add(
					TaskRequest.of("nightly", (run) -> null, Triggers.cron("30 2 * * *", PARIS)).id("nightly").build());
			runAt(scheduler, "2027-03-27T01:30:00Z");
			assertThat(messages()).containsExactly("Task 'nightly': 02:30:00 on 2027-03-28 does not exist in "
					+ "Europe/Paris (clocks spring forward); DST gap policy SHIFT_BY_GAP_LENGTH runs it at "
					+ "2027-03-28T01:30:00Z");
			runAt(scheduler, "2027-03-28T01:30:00Z");
			runAt(scheduler, "2027-03-29T00:30:00Z");
			assertThat(messages()).hasSize(1);
		}
	}

	@Test
	void theRunBeforeAFallBackTellsOnceThatTheWallTimeRunsTwice() {
		this.clock.advance(Duration.between(this.clock.instant(), Instant.parse("2027-10-30T00:00:00Z")));
		try (Scheduler scheduler = Scheduler.builder().clock(this.clock).runOnCaller().build()) {
			scheduler.start();
			scheduler.add(
					TaskRequest.of("nightly", (run) -> null, Triggers.cron("30 2 * * *", PARIS)).id("nightly").build());
			runAt(scheduler, "2027-10-30T00:30:00Z");
			runAt(scheduler, "2027-10-31T00:30:00Z");
			runAt(scheduler, "2027-10-31T01:30:00Z");
			assertThat(messages()).singleElement()
				.asString()
				.contains("happens twice", "2027-10-31T00:30:00Z and 2027-10-31T01:30:00Z");
		}
	}

	@Test
	void aTaskInAZoneWithoutDaylightSavingWritesNothing() {
		try (Scheduler scheduler = Scheduler.builder().clock(this.clock).runOnCaller().build()) {
			scheduler.start();
			scheduler.add(TaskRequest.of("nightly", (run) -> null, Triggers.cron("30 2 * * *", ZoneId.of("UTC")))
				.id("nightly")
				.build());
			runAt(scheduler, "2027-03-27T02:30:00Z");
			runAt(scheduler, "2027-03-28T02:30:00Z");
			assertThat(messages()).isEmpty();
		}
	}

	private void runAt(Scheduler scheduler, String instant) {
		this.clock.advance(Duration.between(this.clock.instant(), Instant.parse(instant)));
		assertThat(scheduler.runDueTasks().runs()).as("runs at %s", instant).isEqualTo(1);
	}

	private List<String> messages() {
		return this.lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
	}

}
