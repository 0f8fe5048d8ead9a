package dev.asyncz.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.asyncz.testkit.TimeTravel;
import dev.asyncz.testkit.autoconfigure.AutoConfigureTimeTravel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator sees of the sample through Actuator: every asyncz meter from the
 * start, before any task has run, and an observation per run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:sample-observability-tests",
				"asyncz.time-travel.start=2027-01-01T00:00:00Z",
				"logging.level.dev.asyncz.sample.RunObservationLog=debug" })
@AutoConfigureTimeTravel
@ExtendWith(OutputCaptureExtension.class)
class SampleObservabilityTests {

	private static final List<String> METERS = List.of("asyncz.task.executions", "asyncz.task.lateness",
			"asyncz.task.misfires", "asyncz.task.max-instances", "asyncz.task.late", "asyncz.task.retries",
			"asyncz.task.failures", "asyncz.task.deferred", "asyncz.tasks", "asyncz.tasks.quarantined",
			"asyncz.tasks.stuck", "asyncz.executor.active", "asyncz.executor.queued");

	@LocalServerPort
	private int port;

	@Autowired
	private TimeTravel time;

	private RestClient http;

	@BeforeEach
	void client() {
		this.http = RestClient.builder().baseUrl("http://localhost:" + this.port).build();
	}

	@Test
	void everyAsynczMeterIsListedBeforeAnyTaskHasRun() {
		JsonNode names = this.http.get().uri("/actuator/metrics").retrieve().body(JsonNode.class).path("names");
		List<String> listed = names.valueStream().map(JsonNode::asString).toList();
		assertThat(listed).containsAll(METERS);
		// No reminder run fails in these tests: its series exists all the same.
		assertThat(reminderRuns("error")).isZero();
	}

	@Test
	void aReminderRunIsObservedAndTimed(CapturedOutput output) {
		this.http.post()
			.uri("/reminders")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("in", "PT1M", "text", "Observe me"))
			.retrieve()
			.toBodilessEntity();
		this.time.advance(Duration.ofMinutes(1));
		assertThat(output).contains("Observation 'asyncz.task.execution' (asyncz send-reminder) stopped")
			.containsPattern("function=send-reminder.*outcome=success");
		assertThat(reminderRuns("success")).isOne();
	}

	private double reminderRuns(String outcome) {
		JsonNode timer = this.http.get()
			.uri("/actuator/metrics/asyncz.task.executions?tag=function:send-reminder&tag=outcome:{outcome}", outcome)
			.retrieve()
			.body(JsonNode.class);
		for (JsonNode measurement : timer.path("measurements")) {
			if ("COUNT".equals(measurement.path("statistic").asString())) {
				return measurement.path("value").asDouble();
			}
		}
		throw new AssertionError("No COUNT in " + timer);
	}

}
