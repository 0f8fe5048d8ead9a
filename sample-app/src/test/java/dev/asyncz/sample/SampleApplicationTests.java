package dev.asyncz.sample;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.asyncz.core.Scheduler;
import dev.asyncz.testkit.SchedulerEventRecorder;
import dev.asyncz.testkit.TimeTravel;
import dev.asyncz.testkit.autoconfigure.AutoConfigureTimeTravel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:sample-application-tests",
				"asyncz.time-travel.start=2027-01-01T00:00:00Z" })
@AutoConfigureTimeTravel
class SampleApplicationTests {

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	private int port;

	@Autowired
	private TimeTravel time;

	@Autowired
	private SchedulerEventRecorder events;

	@Autowired
	private Scheduler scheduler;

	@Autowired
	private Outbox outbox;

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
		this.time.advance(Duration.ofHours(1));
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
	void theDashboardListsAReminderAndPausesIt() {
		String id = schedule(Map.of("in", "PT2H", "text", "Call the dentist"));
		Map<String, Object> page = this.http.get()
			.uri("/asyncz/api/tasks?store=reminders&idPrefix={id}", id)
			.retrieve()
			.body(new ParameterizedTypeReference<Map<String, Object>>() {
			});
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> tasks = (List<Map<String, Object>>) page.get("tasks");
		assertThat(tasks).singleElement()
			.satisfies((task) -> assertThat(task).containsEntry("id", id).containsEntry("state", "SCHEDULED"));
		assertThat(this.http.post()
			.uri("/asyncz/api/task/pause?id={id}", id)
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.scheduler.get(id).orElseThrow().paused()).isTrue();
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
	void bareNumberForInIsABadRequestAskingForAUnit() {
		ResponseEntity<Map<String, Object>> response = post("{\"in\": 10, \"text\": \"Ten what?\"}");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) response.getBody().get("detail")).contains("'in' has no unit: 10", "\"PT10S\"", "\"10s\"");
		assertThat(pending()).extracting((reminder) -> reminder.get("text")).doesNotContain("Ten what?");
	}

	@Test
	void bareNumberAsAStringForInIsABadRequestToo() {
		assertThat(badRequest(Map.of("in", "10", "text", "x"))).contains("'in' has no unit");
	}

	@Test
	void locationOfAScheduledReminderAnswersWithTheReminder() {
		ResponseEntity<Map<String, Object>> created = post(Map.of("in", "PT1H", "text", "Find me"));
		URI location = created.getHeaders().getLocation();
		assertThat(location).isNotNull();
		ResponseEntity<Map<String, Object>> response = this.http.get()
			.uri(location)
			.retrieve()
			.toEntity(new ParameterizedTypeReference<>() {
			});
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).isEqualTo(created.getBody());
	}

	@Test
	void aDeliveredReminderIsNoLongerFoundAtItsLocation() {
		String id = schedule(Map.of("in", "PT1H", "text", "Soon gone"));
		this.time.advance(Duration.ofHours(1));
		ResponseEntity<Map<String, Object>> response = this.http.get()
			.uri("/reminders/{id}", id)
			.retrieve()
			.toEntity(new ParameterizedTypeReference<>() {
			});
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getBody()).containsEntry("detail", "No pending reminder has the id '" + id + "'");
	}

	@Test
	void limitOutOfRangeIsABadRequestTitledWithTheParameter() {
		assertThat(limitProblem("0")).isEqualTo("'limit' must be between 1 and 1000, was 0");
	}

	@Test
	void limitThatIsNotANumberIsABadRequestTitledWithTheParameter() {
		assertThat(limitProblem("ten")).isEqualTo("'limit' must be a whole number, was 'ten'");
	}

	@Test
	void taskRunsReachEventListeners() {
		String id = schedule(Map.of("in", "PT2H", "text", "Observed"));
		this.time.advance(Duration.ofHours(2));
		assertThat(this.events).hasExecuted(id).once().and().hasNoFailures();
	}

	@Test
	void theAnnotatedReportsRunOnTheirSchedules() {
		this.time.advance(Duration.ofMinutes(10));
		assertThat(this.events).hasExecuted("outbox-report").times(10).and().hasExecuted("pending-report").times(20);
	}

	@Test
	void aDeliveredReminderIsNotPendingWhileItsTaskIsBeingRemoved() {
		String id = schedule(Map.of("in", "PT1H", "text", "Just delivered"));
		// The moment between the delivery and the end of the run: the task is still
		// stored, the reminder is in the outbox.
		this.outbox.add(new Outbox.Delivered(id, "Just delivered", this.time.now(), this.time.now()));
		assertThat(this.scheduler.get(id)).isPresent();
		assertThat(pending()).extracting((reminder) -> reminder.get("id")).doesNotContain(id);
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

	/**
	 * Lists reminders with a bad {@code limit}: a 400 titled with the parameter.
	 * @return the problem's detail
	 */
	private String limitProblem(String limit) {
		ResponseEntity<Map<String, Object>> response = this.http.get()
			.uri("/reminders?limit={limit}", limit)
			.retrieve()
			.toEntity(new ParameterizedTypeReference<>() {
			});
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody()).containsEntry("title", "Invalid query parameter 'limit'");
		return (String) response.getBody().get("detail");
	}

	/**
	 * Posts a reminder request: a map, or a JSON text for what a map cannot say.
	 */
	private ResponseEntity<Map<String, Object>> post(Object body) {
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

}
