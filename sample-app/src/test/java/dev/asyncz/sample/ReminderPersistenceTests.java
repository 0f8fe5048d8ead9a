package dev.asyncz.sample;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

import dev.asyncz.sample.ReminderService.NewReminder;
import dev.asyncz.sample.ReminderService.ReminderView;
import dev.asyncz.testkit.TimeTravel;
import dev.asyncz.testkit.autoconfigure.AutoConfigureTimeTravel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminders are kept in a JDBC store on an H2 file database: the application is started,
 * stopped and started again over the same file, its clock going on where it stopped.
 */
class ReminderPersistenceTests {

	private static final Instant T0 = Instant.parse("2027-01-01T00:00:00Z");

	@TempDir
	Path data;

	@Test
	void reminderScheduledBeforeARestartIsPendingAndDeliveredAfterIt() {
		String[] id = new String[1];
		run(T0, (context) -> id[0] = context.getBean(ReminderService.class)
			.schedule(new NewReminder("Water the plants", null, null, "PT1H"))
			.id());
		run(T0.plusSeconds(60), (context) -> {
			assertThat(context.getBean(ReminderService.class).pending(10)).extracting(ReminderView::id)
				.containsExactly(id[0]);
			context.getBean(TimeTravel.class).advance(Duration.ofHours(1));
			assertThat(context.getBean(Outbox.class).delivered()).singleElement()
				.satisfies((delivered) -> assertThat(delivered.id()).isEqualTo(id[0]))
				.satisfies((delivered) -> assertThat(delivered.text()).isEqualTo("Water the plants"));
			assertThat(context.getBean(ReminderService.class).pending(10)).isEmpty();
		});
	}

	/**
	 * Starts the application at {@code start} over the test's database.
	 */
	private void run(Instant start, Consumer<ConfigurableApplicationContext> action) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class,
				TimeTravelConfiguration.class)
			.web(WebApplicationType.NONE)
			.run("--spring.datasource.url=jdbc:h2:file:" + this.data.resolve("reminders"),
					"--asyncz.time-travel.start=" + start)) {
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
