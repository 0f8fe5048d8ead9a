package dev.asyncz.sample;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

import dev.asyncz.autoconfigure.AsynczClock;
import dev.asyncz.core.ControllableClock;
import dev.asyncz.sample.ReminderService.NewReminder;
import dev.asyncz.sample.ReminderService.ReminderView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reminders are kept in a JDBC store on an H2 file database: the application is started,
 * stopped and started again over the same file.
 */
class ReminderPersistenceTests {

	private static final Instant T0 = Instant.parse("2027-01-01T00:00:00Z");

	@TempDir
	Path data;

	private final ControllableClock clock = new ControllableClock(T0);

	@Test
	void reminderScheduledBeforeARestartIsPendingAndDeliveredAfterIt() {
		String[] id = new String[1];
		run((context) -> id[0] = context.getBean(ReminderService.class)
			.schedule(new NewReminder("Water the plants", null, null, "PT1H"))
			.id());
		run((context) -> {
			assertThat(context.getBean(ReminderService.class).pending(10)).extracting(ReminderView::id)
				.containsExactly(id[0]);
			this.clock.advance(Duration.ofHours(1));
			Outbox outbox = context.getBean(Outbox.class);
			await().atMost(Duration.ofSeconds(30)).until(() -> !outbox.delivered().isEmpty());
			assertThat(outbox.delivered()).singleElement()
				.satisfies((delivered) -> assertThat(delivered.id()).isEqualTo(id[0]))
				.satisfies((delivered) -> assertThat(delivered.text()).isEqualTo("Water the plants"));
			assertThat(context.getBean(ReminderService.class).pending(10)).isEmpty();
		});
	}

	private void run(Consumer<ConfigurableApplicationContext> action) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class)
			.web(WebApplicationType.NONE)
			.initializers(this::registerClock)
			.run("--spring.datasource.url=jdbc:h2:file:" + this.data.resolve("reminders"))) {
			action.accept(context);
		}
	}

	/**
	 * The same controllable clock in both runs, so that time goes on across the restart.
	 */
	private void registerClock(ConfigurableApplicationContext context) {
		((GenericApplicationContext) context).registerBean("asynczClock", ControllableClock.class, () -> this.clock,
				(definition) -> ((AbstractBeanDefinition) definition)
					.addQualifier(new AutowireCandidateQualifier(AsynczClock.class)));
	}

}
