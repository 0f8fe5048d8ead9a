package dev.asyncz.sample;

import java.time.Duration;
import java.time.Instant;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.asyncz.autoconfigure.AsynczClock;
import dev.asyncz.core.ControllableClock;
import dev.asyncz.sample.ReminderService.NewReminder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With the profile {@code mongodb}, reminders are kept in a MongoDB collection: here on
 * an in-process server that speaks the MongoDB wire protocol.
 */
class MongoProfileTests {

	private final MongoServer server = new MongoServer(new MemoryBackend());

	private final ControllableClock clock = new ControllableClock(Instant.parse("2027-01-01T00:00:00Z"));

	@AfterEach
	void stopServer() {
		this.server.shutdownNow();
	}

	@Test
	void reminderIsKeptInTheMongoCollectionAndDeliveredWhenDue() {
		this.server.bind("127.0.0.1", 0);
		String uri = "mongodb://127.0.0.1:" + this.server.getLocalAddress().getPort();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class)
			.web(WebApplicationType.NONE)
			.profiles("mongodb")
			.initializers(this::registerClock)
			.run("--spring.datasource.url=jdbc:h2:mem:mongo-profile", "--SAMPLE_MONGODB_URI=" + uri + "/sample");
				MongoClient client = MongoClients.create(uri)) {
			context.getBean(ReminderService.class).schedule(new NewReminder("Water the plants", null, null, "PT1H"));
			assertThat(client.getDatabase("sample").getCollection("reminders_tasks").countDocuments()).isOne();
			this.clock.advance(Duration.ofHours(1));
			Outbox outbox = context.getBean(Outbox.class);
			await().atMost(Duration.ofSeconds(30)).until(() -> !outbox.delivered().isEmpty());
			assertThat(outbox.delivered()).singleElement()
				.satisfies((delivered) -> assertThat(delivered.text()).isEqualTo("Water the plants"));
			assertThat(client.getDatabase("sample").getCollection("reminders_tasks").countDocuments()).isZero();
		}
	}

	private void registerClock(ConfigurableApplicationContext context) {
		((GenericApplicationContext) context).registerBean("asynczClock", ControllableClock.class, () -> this.clock,
				(definition) -> ((AbstractBeanDefinition) definition)
					.addQualifier(new AutowireCandidateQualifier(AsynczClock.class)));
	}

}
