package dev.asyncz.autoconfigure.actuate;

import java.time.Duration;
import java.util.Map;

import dev.asyncz.core.Scheduler;
import dev.asyncz.task.RetryPolicy;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code asyncz} endpoint with {@code management.endpoint.asyncz.show-values=always}.
 */
@SpringBootTest(classes = AsynczEndpointWebTests.TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=asyncz",
				"management.endpoint.asyncz.show-values=always" })
class AsynczEndpointShowValuesWebTests {

	@LocalServerPort
	int port;

	@Autowired
	Scheduler scheduler;

	ActuatorClient actuator;

	@BeforeEach
	void addTask() {
		this.scheduler.deleteAll(null);
		this.actuator = new ActuatorClient(this.port);
		this.scheduler
			.add(TaskRequest
				.of("report",
						Triggers.every(Duration.ofHours(1))
							.startingAt(this.scheduler.clock().instant().plusSeconds(60)))
				.id("report-1")
				.name("Report for Alice")
				.args("alice", 42)
				.kwargs(Map.of("format", "pdf"))
				.build());
	}

	@Test
	void argumentsAreShownAsStored() {
		JsonNode json = this.actuator.get("/asyncz/report-1").json();
		assertThat(json.at("/args/0").asString()).isEqualTo("alice");
		assertThat(json.at("/args/1").asInt()).isEqualTo(42);
		assertThat(json.at("/kwargs/format").asString()).isEqualTo("pdf");
	}

	@Test
	void taskNameIsShownAsStoredInListsDetailsAndActions() {
		assertThat(this.actuator.get("/asyncz").json().at("/nextTasks/0/name").asString())
			.isEqualTo("Report for Alice");
		assertThat(this.actuator.get("/asyncz/stores/default").json().at("/tasks/0/name").asString())
			.isEqualTo("Report for Alice");
		assertThat(this.actuator.get("/asyncz/report-1").json().path("name").asString()).isEqualTo("Report for Alice");
	}

	@Test
	void failureMessageIsShownAsKept() {
		this.scheduler.add(TaskRequest.of("fail", Triggers.at(this.scheduler.clock().instant()))
			.id("failed-once")
			.retry(RetryPolicy.NONE)
			.build());
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.scheduler.get("failed-once").map(Task::failed).orElse(false));
		assertThat(this.actuator.get("/asyncz/failed-once").json().at("/failure/message").asString())
			.isEqualTo("password=hunter2 rejected");
	}

}
