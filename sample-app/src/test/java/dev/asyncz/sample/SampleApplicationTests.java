package dev.asyncz.sample;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.asyncz.autoconfigure.AsynczClock;
import dev.asyncz.core.ControllableClock;
import dev.asyncz.event.TaskExecuted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:sample-application-tests")
@Import(SampleApplicationTests.ClockConfiguration.class)
class SampleApplicationTests {

	private static final Instant T0 = Instant.parse("2027-01-01T00:00:00Z");

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	private int port;

	@Autowired
	private ControllableClock clock;

	@Autowired
	private ExecutedEvents executed;

	private RestClient http;

	@BeforeEach
	void client() {
		this.http = RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

	@Test
	void reminderIsDeliveredWhenItsTimeComes() {
		String id = schedule(Map.of("in", "PT1H", "text", "Stretch your legs"));
		assertThat(pending()).extracting((reminder) -> reminder.get("id")).contains(id);
		this.clock.advance(Duration.ofHours(1));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> delivered().stream().anyMatch((d) -> id.equals(d.get("id"))));
		Map<String, Object> delivered = delivered().stream()
			.filter((d) -> id.equals(d.get("id")))
			.findFirst()
			.orElseThrow();
		assertThat(delivered).containsEntry("text", "Stretch your legs");
		assertThat(pending()).extracting((reminder) -> reminder.get("id")).doesNotContain(id);
	}

	@Test
	void reminderAtAnInstantIsListedWithItsTime() {
		String id = schedule(Map.of("at", "2027-03-01T08:00:00Z", "text", "Dentist"));
		assertThat(pending()).filteredOn((reminder) -> id.equals(reminder.get("id")))
			.singleElement()
			.satisfies((reminder) -> assertThat(reminder).containsEntry("at", "2027-03-01T08:00:00Z"));
	}

	@Test
	void localDateTimeIsReadInTheGivenZone() {
		String id = schedule(Map.of("at", "2027-03-01T09:00", "zone", "Europe/Paris", "text", "Paris time"));
		assertThat(pending()).filteredOn((reminder) -> id.equals(reminder.get("id")))
			.singleElement()
			.satisfies((reminder) -> assertThat(reminder).containsEntry("at", "2027-03-01T08:00:00Z"));
	}

	@Test
	void cancelledReminderIsNoLongerPending() {
		String id = schedule(Map.of("in", "1d", "text", "Cancel me"));
		assertThat(this.http.delete().uri("/reminders/{id}", id).retrieve().toBodilessEntity().getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(pending()).extracting((reminder) -> reminder.get("id")).doesNotContain(id);
	}

	@Test
	void cancellingAnUnknownReminderIsNotFound() {
		ResponseEntity<Map<String, Object>> response = this.http.delete()
			.uri("/reminders/nope")
			.retrieve()
			.toEntity(new ParameterizedTypeReference<>() {
			});
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getBody()).containsEntry("detail", "No pending reminder has the id 'nope'");
	}

	@Test
	void reminderWithoutAWhenIsABadRequestSayingWhatToSend() {
		assertThat(badRequest(Map.of("text", "When?"))).contains("exactly one of 'at'", "'in'");
	}

	@Test
	void reminderWithoutTextIsABadRequest() {
		assertThat(badRequest(Map.of("in", "PT30S"))).contains("'text' is required");
	}

	@Test
	void localDateTimeWithoutZoneIsABadRequest() {
		assertThat(badRequest(Map.of("at", "2027-03-01T08:00", "text", "x"))).contains("'zone' is required");
	}

	@Test
	void reminderInThePastIsABadRequest() {
		assertThat(badRequest(Map.of("at", "2020-01-01T00:00:00Z", "text", "x"))).contains("in the past");
	}

	@Test
	void malformedDurationIsABadRequest() {
		assertThat(badRequest(Map.of("in", "soon", "text", "x"))).contains("'in' is not a duration");
	}

	@Test
	void taskRunsReachEventListeners() {
		String id = schedule(Map.of("in", "PT2H", "text", "Observed"));
		this.clock.advance(Duration.ofHours(2));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.executed.events.stream().anyMatch((event) -> event.taskId().equals(id)));
	}

	private String schedule(Map<String, String> body) {
		ResponseEntity<Map<String, Object>> response = post(body);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		return (String) response.getBody().get("id");
	}

	private String badRequest(Map<String, String> body) {
		ResponseEntity<Map<String, Object>> response = post(body);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		return (String) response.getBody().get("detail");
	}

	private ResponseEntity<Map<String, Object>> post(Map<String, String> body) {
		return this.http.post()
			.uri("/reminders")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(new ParameterizedTypeReference<>() {
			});
	}

	private List<Map<String, Object>> pending() {
		return this.http.get().uri("/reminders").retrieve().body(LIST);
	}

	private List<Map<String, Object>> delivered() {
		return this.http.get().uri("/reminders/delivered").retrieve().body(LIST);
	}

	/**
	 * Imported rather than a nested {@code @TestConfiguration}, which component scanning
	 * would also find when another test starts the application with
	 * {@code SpringApplicationBuilder}.
	 */
	static class ClockConfiguration {

		@Bean
		@AsynczClock
		ControllableClock asynczClock() {
			return new ControllableClock(T0);
		}

		@Bean
		ExecutedEvents executedEvents() {
			return new ExecutedEvents();
		}

	}

	static class ExecutedEvents {

		final List<TaskExecuted> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(TaskExecuted event) {
			this.events.add(event);
		}

	}

}
