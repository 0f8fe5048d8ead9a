package dev.asyncz.sample;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Consumer;

import dev.asyncz.sample.ReminderService.NewReminder;
import dev.asyncz.testkit.DstDays;
import dev.asyncz.testkit.SchedulerEventRecorder;
import dev.asyncz.testkit.TimeTravel;
import dev.asyncz.testkit.autoconfigure.AutoConfigureTimeTravel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Eight months in well under a second: a reminder for 09:00 Paris time, asked for in
 * winter, is delivered at 09:00 summer time, after the clocks went forward and the
 * application was restarted.
 */
// tag::dst-restart[]
class ReminderAcrossDstAndRestartTests {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final Instant JANUARY = Instant.parse("2027-01-15T10:00:00Z");

	@TempDir
	Path data;

	@Test
	void aReminderEightMonthsAheadIsSentAtNineParisTimeAfterADstChangeAndARestart() {
		String[] id = new String[1];
		run(JANUARY,
				(context) -> id[0] = context.getBean(ReminderService.class)
					.schedule(new NewReminder("Renew the passport", "2027-09-15T09:00", "Europe/Paris", null))
					.id());
		// The application is down for a month; the clocks go forward while it is up.
		Instant restart = JANUARY.plus(Duration.ofDays(31));
		assertThat(DstDays.springForward(PARIS, 2027).getInstant()).isBetween(restart,
				Instant.parse("2027-09-15T00:00:00Z"));
		run(restart, (context) -> {
			TimeTravel time = context.getBean(TimeTravel.class);
			Outbox outbox = context.getBean(Outbox.class);
			time.advanceTo(Instant.parse("2027-09-15T06:59:59Z"));
			assertThat(outbox.delivered()).isEmpty();
			time.advance(Duration.ofSeconds(1));
			assertThat(outbox.delivered()).singleElement().satisfies((delivered) -> {
				assertThat(delivered.id()).isEqualTo(id[0]);
				assertThat(delivered.deliveredAt().atZone(PARIS).toLocalDateTime()).hasToString("2027-09-15T09:00");
			});
			assertThat(context.getBean(SchedulerEventRecorder.class)).hasExecuted(id[0]).once().and().hasNoFailures();
		});
	}

	private void run(Instant start, Consumer<ConfigurableApplicationContext> action) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class,
				TimeTravelConfiguration.class)
			.web(WebApplicationType.NONE)
			.run("--spring.datasource.url=jdbc:h2:file:" + this.data.resolve("reminders"),
					"--asyncz.time-travel.start=" + start,
					// The reports would otherwise run every half minute for eight months.
					"--sample.outbox-report.cron=0 0 1 1 *", "--sample.pending-report.interval=30d")) {
			action.accept(context);
		}
	}

	/**
	 * Not a component: component scanning would add it to the other tests' applications.
	 */
	@AutoConfigureTimeTravel
	static class TimeTravelConfiguration {

	}

}
// end::dst-restart[]
