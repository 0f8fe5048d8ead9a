package dev.asyncz.autoconfigure.actuate;

import java.time.Instant;

import dev.asyncz.autoconfigure.actuate.ActuatorClient.Response;
import dev.asyncz.core.Scheduler;
import dev.asyncz.core.internal.DefaultScheduler;
import dev.asyncz.store.TaskStore;
import dev.asyncz.task.Task;
import dev.asyncz.trigger.DateTrigger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code asyncz} endpoint over a store of a million tasks answers one page, never the
 * store.
 */
@SpringBootTest(classes = AsynczEndpointWebTests.TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=asyncz", "spring.application.name=large-store",
				"management.endpoint.asyncz.access=unrestricted" })
@TestInstance(Lifecycle.PER_CLASS)
class AsynczEndpointLargeStoreWebTests {

	static final int TASKS = 1_000_000;

	@LocalServerPort
	int port;

	@Autowired
	Scheduler scheduler;

	ActuatorClient actuator;

	Instant first;

	@BeforeAll
	void fillTheStore() {
		this.scheduler.deleteAll(null);
		this.actuator = new ActuatorClient(this.port);
		this.first = this.scheduler.clock().instant().plusSeconds(3600);
		// Straight into the store: this test is about reading, not about adding.
		TaskStore store = ((DefaultScheduler) this.scheduler).storeObjects().get("archive");
		for (int i = 0; i < TASKS; i++) {
			Instant runAt = this.first.plusSeconds(i);
			store.add(Task.builder()
				.id(id(i))
				.function("report")
				.trigger(new DateTrigger(runAt))
				.store("archive")
				.nextRunTime(runAt)
				.build());
		}
	}

	@AfterAll
	void emptyTheStore() {
		this.scheduler.deleteAll(null);
	}

	@Test
	void summaryCountsEveryTaskButListsOnlyTheNextTen() {
		JsonNode json = this.actuator.get("/asyncz").json();
		assertThat(json.at("/stores/1/taskCount").asLong()).isEqualTo(TASKS);
		assertThat(AsynczEndpointWebTests.ids(json.path("nextTasks"))).containsExactly(id(0), id(1), id(2), id(3),
				id(4), id(5), id(6), id(7), id(8), id(9));
	}

	@Test
	void askingForTheWholeStoreReturnsOneCappedPage() {
		Response response = this.actuator.get("/asyncz/stores/archive?limit=" + TASKS);
		assertThat(response.status()).isEqualTo(200);
		JsonNode tasks = response.json().path("tasks");
		assertThat(response.json().path("limit").asInt()).isEqualTo(500);
		assertThat(tasks.size()).isEqualTo(500);
		assertThat(tasks.get(0).path("id").asString()).isEqualTo(id(0));
		assertThat(tasks.get(499).path("id").asString()).isEqualTo(id(499));
		assertThat(tasks.get(499).path("nextRunTime").asString()).isEqualTo(this.first.plusSeconds(499).toString());
	}

	@Test
	void aDeepOffsetReturnsTheLastTasks() {
		JsonNode tasks = this.actuator.get("/asyncz/stores/archive?offset=" + (TASKS - 3) + "&limit=10")
			.json()
			.path("tasks");
		assertThat(AsynczEndpointWebTests.ids(tasks)).containsExactly(id(TASKS - 3), id(TASKS - 2), id(TASKS - 1));
	}

	private static String id(int i) {
		return String.format("t%07d", i);
	}

}
