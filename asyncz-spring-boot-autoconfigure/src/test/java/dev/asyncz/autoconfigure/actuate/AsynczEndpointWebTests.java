package dev.asyncz.autoconfigure.actuate;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.asyncz.autoconfigure.actuate.ActuatorClient.Response;
import dev.asyncz.core.ControllableClock;
import dev.asyncz.core.Scheduler;
import dev.asyncz.executor.SchedulerExecutors;
import dev.asyncz.store.MemoryTaskStore;
import dev.asyncz.task.MisfirePolicy;
import dev.asyncz.task.RetryPolicy;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskFunctions;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.trigger.Trigger;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code asyncz} endpoint over HTTP, with arguments sanitised (the default) and
 * writes allowed.
 */
@SpringBootTest(classes = AsynczEndpointWebTests.TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=asyncz,health",
				"management.endpoint.health.show-details=always", "management.endpoint.asyncz.access=unrestricted" })
class AsynczEndpointWebTests {

	static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

	/** Whether the {@code flaky} function fails. */
	static final AtomicBoolean FLAKY_FAILS = new AtomicBoolean(true);

	@LocalServerPort
	int port;

	@Autowired
	Scheduler scheduler;

	@Autowired
	AuditRecorder audit;

	ActuatorClient actuator;

	Instant now;

	@BeforeEach
	void addTasks() {
		this.scheduler.deleteAll(null);
		this.audit.actions.clear();
		FLAKY_FAILS.set(true);
		this.actuator = new ActuatorClient(this.port);
		this.now = this.scheduler.clock().instant();
		add(TaskRequest.of("report", every(10, 60))
			.id("report-1")
			.args("alice", "s3cret")
			.kwargs(Map.of("token", "abc")));
		add(TaskRequest.of("report", every(5, 60)).id("report-2"));
		add(TaskRequest.of("cleanup", every(20, 60 * 24)).id("cleanup-1"));
		add(TaskRequest.of("cleanup", every(30, 60)).id("cleanup-2").paused(true));
		add(TaskRequest.of("report", every(1, 60)).id("archive-1").store("archive"));
	}

	@Test
	void summaryShowsStateZoneStoresExecutorsAndTheTasksDueNextOverAllStores() {
		Response response = this.actuator.get("/asyncz");
		assertThat(response.status()).isEqualTo(200);
		JsonNode json = response.json();
		assertThat(json.path("state").asString()).isEqualTo("RUNNING");
		assertThat(json.path("timezone").asString()).isEqualTo("Europe/Paris");
		assertThat(json.at("/stores/0/name").asString()).isEqualTo("default");
		assertThat(json.at("/stores/0/type").asString()).isEqualTo("memory");
		assertThat(json.at("/stores/0/taskCount").asLong()).isEqualTo(4);
		assertThat(json.at("/stores/1/name").asString()).isEqualTo("archive");
		assertThat(json.at("/stores/1/taskCount").asLong()).isEqualTo(1);
		assertThat(json.at("/executors/0/name").asString()).isEqualTo("default");
		assertThat(json.at("/executors/0/description").asString()).isEqualTo("executor(direct)");
		assertThat(json.at("/executors/0/active").asInt()).isZero();
		assertThat(ids(json.path("nextTasks"))).containsExactly("archive-1", "report-2", "report-1", "cleanup-1");
	}

	@Test
	void storeTasksArePagedInNextRunTimeOrderWithPausedTasksLast() {
		Response first = this.actuator.get("/asyncz/stores/default?limit=2");
		Response second = this.actuator.get("/asyncz/stores/default?offset=2&limit=2");
		assertThat(first.status()).isEqualTo(200);
		assertThat(ids(first.json().path("tasks"))).containsExactly("report-2", "report-1");
		assertThat(ids(second.json().path("tasks"))).containsExactly("cleanup-1", "cleanup-2");
		assertThat(second.json().path("offset").asLong()).isEqualTo(2);
		assertThat(second.json().at("/tasks/1/state").asString()).isEqualTo("PAUSED");
	}

	@Test
	void storeTasksAreFilteredByFunctionAndState() {
		Response cleanups = this.actuator.get("/asyncz/stores/default?function=cleanup");
		Response paused = this.actuator.get("/asyncz/stores/default?state=paused");
		assertThat(ids(cleanups.json().path("tasks"))).containsExactly("cleanup-1", "cleanup-2");
		assertThat(ids(paused.json().path("tasks"))).containsExactly("cleanup-2");
		assertThat(paused.json().path("state").asString()).isEqualTo("PAUSED");
	}

	@Test
	void pageSizeIsCapped() {
		Response response = this.actuator.get("/asyncz/stores/default?limit=100000");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("limit").asInt()).isEqualTo(SchedulerDescriber.MAX_PAGE_SIZE);
	}

	@Test
	void unknownStoreIsNotFound() {
		Response response = this.actuator.get("/asyncz/stores/nowhere");
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.json().path("message").asString()).contains("nowhere");
	}

	@Test
	void unknownFirstSegmentIsNotFoundNamingTheAcceptedPathsRatherThanTheStore() {
		Response response = this.actuator.get("/asyncz/tasks/default");
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.json().path("message").asString()).contains("'asyncz/tasks/default'")
			.contains(UnknownPathException.ACCEPTED_PATHS)
			.doesNotContain("No store");
	}

	@Test
	void unknownSegmentsOfQuarantinePathsAreNotFoundNamingTheAcceptedPaths() {
		assertUnknownPath(this.actuator.get("/asyncz/stores/default/quarantined"));
		assertUnknownPath(this.actuator.get("/asyncz/store/default/quarantine"));
		assertUnknownPath(this.actuator.post("/asyncz/store/default/quarantine/report-1", "{\"action\":\"retry\"}"));
		assertUnknownPath(this.actuator.delete("/asyncz/stores/default/quarantine-x/report-1"));
		assertThat(this.audit.actions).isEmpty();
	}

	@Test
	void taskNamesAreSanitisedLikeArgumentsWhereverTheyAreShown() {
		add(TaskRequest.of("report", every(2, 60)).id("named").name("Call Alice about her diagnosis"));
		String masked = "******";
		assertThat(this.actuator.get("/asyncz").json().path("nextTasks")).filteredOn(this::isNamedTask)
			.singleElement()
			.satisfies((task) -> assertThat(task.path("name").asString()).isEqualTo(masked));
		assertThat(this.actuator.get("/asyncz/stores/default").json().path("tasks")).filteredOn(this::isNamedTask)
			.singleElement()
			.satisfies((task) -> assertThat(task.path("name").asString()).isEqualTo(masked));
		assertThat(this.actuator.get("/asyncz/named").json().path("name").asString()).isEqualTo(masked);
		assertThat(this.actuator.post("/asyncz/named", "{\"action\":\"pause\"}").json().at("/task/name").asString())
			.isEqualTo(masked);
	}

	private boolean isNamedTask(JsonNode task) {
		return "named".equals(task.path("id").asString());
	}

	private static void assertUnknownPath(Response response) {
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.json().path("message").asString()).startsWith("No such path 'asyncz/")
			.endsWith(UnknownPathException.ACCEPTED_PATHS);
	}

	@Test
	void unknownStateIsABadRequestNamingTheAcceptedStates() {
		Response response = this.actuator.get("/asyncz/stores/default?state=sleeping");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().path("message").asString()).contains("sleeping", "SCHEDULED", "PAUSED", "FAILED");
	}

	@Test
	void taskDetailsDescribeTriggerNextRunTimesOptionsAndSanitisedArguments() {
		Response response = this.actuator.get("/asyncz/report-1");
		assertThat(response.status()).isEqualTo(200);
		JsonNode json = response.json();
		assertThat(json.path("function").asString()).isEqualTo("report");
		assertThat(json.path("store").asString()).isEqualTo("default");
		assertThat(json.path("executor").asString()).isEqualTo("default");
		assertThat(json.path("state").asString()).isEqualTo("SCHEDULED");
		assertThat(json.at("/trigger/description").asString())
			.isEqualTo(this.scheduler.get("report-1").orElseThrow().trigger().describe());
		List<String> expectedTimes = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			expectedTimes.add(this.now.plus(Duration.ofMinutes(10 + 60 * i)).toString());
		}
		assertThat(strings(json.at("/trigger/nextRunTimes"))).containsExactlyElementsOf(expectedTimes);
		assertThat(json.at("/options/coalesce").asBoolean()).isTrue();
		assertThat(json.at("/options/maxInstances").asInt()).isEqualTo(1);
		assertThat(strings(json.path("args"))).containsExactly("******", "******");
		assertThat(json.at("/kwargs/token").asString()).isEqualTo("******");
		// Nulls are left out of actuator responses.
		assertThat(json.has("lastOutcome")).isFalse();
	}

	@Test
	void taskDetailsShowTheMisfireTimeoutAndRetryOptions() {
		add(TaskRequest.of("report", every(1, 60))
			.id("tuned")
			.noMisfireLimit()
			.misfirePolicy(MisfirePolicy.RUN_ONCE)
			.timeout(Duration.ofSeconds(90))
			.retry(RetryPolicy.fixed(4, Duration.ofSeconds(5)).retryOn(IOException.class)));
		JsonNode tuned = this.actuator.get("/asyncz/tuned").json().path("options");
		assertThat(tuned.has("misfireGraceTime")).isFalse();
		assertThat(tuned.path("misfirePolicy").asString()).isEqualTo("RUN_ONCE");
		assertThat(tuned.path("timeout").asString()).isEqualTo("PT1M30S");
		assertThat(tuned.at("/retry/maxAttempts").asInt()).isEqualTo(4);
		assertThat(tuned.at("/retry/initialDelay").asString()).isEqualTo("PT5S");
		assertThat(tuned.at("/retry/multiplier").asDouble()).isEqualTo(1);
		assertThat(tuned.at("/retry/maxDelay").asString()).isEqualTo("PT5S");
		assertThat(tuned.at("/retry/jitter").asDouble()).isZero();
		assertThat(strings(tuned.at("/retry/retryOn"))).containsExactly(IOException.class.getName());
		assertThat(strings(tuned.at("/retry/noRetryOn"))).isEmpty();
		JsonNode standard = this.actuator.get("/asyncz/report-1").json().path("options");
		assertThat(standard.path("misfireGraceTime").asString()).isEqualTo("PT1M");
		assertThat(standard.path("misfirePolicy").asString()).isEqualTo("RUN_IF_WITHIN_GRACE");
		assertThat(standard.has("timeout")).isFalse();
		assertThat(standard.at("/retry/maxAttempts").asInt()).isEqualTo(3);
	}

	@Test
	void failedTaskShowsItsStateAndFailureAndIsListedUnderTheFailedState() {
		addFailedTask();
		JsonNode json = this.actuator.get("/asyncz/failed-once").json();
		assertThat(json.path("state").asString()).isEqualTo("FAILED");
		assertThat(json.at("/failure/fireTime").asString()).isEqualTo(this.now.toString());
		assertThat(json.at("/failure/attempts").asInt()).isEqualTo(1);
		assertThat(json.at("/failure/errorType").asString()).isEqualTo(IllegalStateException.class.getName());
		assertThat(json.at("/failure/message").asString()).isEqualTo("******");
		assertThat(json.at("/failure/failedAt").asString()).isEqualTo(this.now.toString());
		assertThat(json.at("/failure/exhausted").asBoolean()).isTrue();
		assertThat(json.at("/trigger/nextRunTimes").isEmpty()).isTrue();
		Response failed = this.actuator.get("/asyncz/stores/default?state=failed");
		assertThat(failed.status()).isEqualTo(200);
		assertThat(failed.json().path("state").asString()).isEqualTo("FAILED");
		assertThat(ids(failed.json().path("tasks"))).containsExactly("failed-once");
		assertThat(failed.json().at("/tasks/0/state").asString()).isEqualTo("FAILED");
		assertThat(failed.json().at("/tasks/0").has("nextRunTime")).isFalse();
		assertThat(ids(this.actuator.get("/asyncz/stores/default?state=scheduled").json().path("tasks")))
			.doesNotContain("failed-once");
		assertThat(ids(this.actuator.get("/asyncz").json().path("nextTasks"))).doesNotContain("failed-once");
	}

	@Test
	void pendingRetryShowsTheFailureOfATaskThatIsStillScheduled() {
		add(TaskRequest.of("flaky", Triggers.at(this.now)).id("retrying"));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.scheduler.get("retrying").map(Task::retryPending).orElse(false));
		JsonNode json = this.actuator.get("/asyncz/retrying").json();
		assertThat(json.path("state").asString()).isEqualTo("SCHEDULED");
		assertThat(json.at("/failure/attempts").asInt()).isEqualTo(1);
		assertThat(json.at("/failure/exhausted").asBoolean()).isFalse();
	}

	@Test
	void runActionRunsAFailedTaskAfresh() {
		addFailedTask();
		FLAKY_FAILS.set(false);
		Response response = this.actuator.post("/asyncz/failed-once", "{\"action\":\"run\"}");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().at("/task/state").asString()).isEqualTo("SCHEDULED");
		// A one-shot that ran is done and gone.
		await().atMost(Duration.ofSeconds(30)).until(() -> this.scheduler.get("failed-once").isEmpty());
		assertThat(this.audit.actions).extracting(AsynczEndpointAction::action).containsExactly("run");
	}

	@Test
	void resumeActionRunsAFailedTaskAfreshToo() {
		addFailedTask();
		Response response = this.actuator.post("/asyncz/failed-once", "{\"action\":\"resume\"}");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().at("/task/state").asString()).isEqualTo("SCHEDULED");
		// It fails again: a fresh first attempt, its earlier failure behind it.
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.scheduler.get("failed-once").map(Task::failed).orElse(false));
	}

	@Test
	void deleteRemovesAFailedTask() {
		addFailedTask();
		assertThat(this.actuator.delete("/asyncz/failed-once").status()).isEqualTo(200);
		assertThat(this.scheduler.get("failed-once")).isEmpty();
		assertThat(this.audit.actions).extracting(AsynczEndpointAction::action).containsExactly("delete");
	}

	@Test
	void missingTaskIsNotFound() {
		assertThat(this.actuator.get("/asyncz/no-such-task").status()).isEqualTo(404);
	}

	@Test
	void pauseActionPausesTheTaskAndPublishesWhoDidIt() {
		Response response = this.actuator.post("/asyncz/report-1", "{\"action\":\"pause\"}");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().at("/task/state").asString()).isEqualTo("PAUSED");
		assertThat(this.scheduler.get("report-1")).hasValueSatisfying((task) -> assertThat(task.paused()).isTrue());
		assertThat(this.audit.actions)
			.containsExactly(new AsynczEndpointAction("report-1", "pause", "anonymous", this.now));
	}

	@Test
	void resumeActionResumesAPausedTask() {
		Response response = this.actuator.post("/asyncz/cleanup-2", "{\"action\":\"resume\"}");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().at("/task/state").asString()).isEqualTo("SCHEDULED");
		assertThat(this.scheduler.get("cleanup-2")).hasValueSatisfying((task) -> assertThat(task.paused()).isFalse());
		assertThat(this.audit.actions).extracting(AsynczEndpointAction::action).containsExactly("resume");
	}

	@Test
	void runActionRunsTheTaskNowAndItsOutcomeIsShown() {
		Response response = this.actuator.post("/asyncz/report-2", "{\"action\":\"run\"}");
		assertThat(response.status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.actuator.get("/asyncz/report-2").json().at("/lastOutcome/outcome").asString(),
					"SUCCESS"::equals);
		JsonNode outcome = this.actuator.get("/asyncz/report-2").json().path("lastOutcome");
		assertThat(outcome.path("scheduledRunTime").asString()).isEqualTo(this.now.toString());
		assertThat(this.audit.actions).extracting(AsynczEndpointAction::action).containsExactly("run");
	}

	@Test
	void failedRunShowsTheErrorTypeWithItsMessageSanitised() {
		add(TaskRequest.of("fail", every(1, 60)).id("failing"));
		this.actuator.post("/asyncz/failing", "{\"action\":\"run\"}");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.actuator.get("/asyncz/failing").json().at("/lastOutcome/outcome").asString(),
					"ERROR"::equals);
		JsonNode outcome = this.actuator.get("/asyncz/failing").json().path("lastOutcome");
		assertThat(outcome.path("errorType").asString()).isEqualTo(IllegalStateException.class.getName());
		assertThat(outcome.path("errorMessage").asString()).isEqualTo("******");
	}

	@Test
	void deleteRemovesTheTaskAndPublishesWhoDidIt() {
		Response response = this.actuator.delete("/asyncz/report-1");
		assertThat(response.status()).isEqualTo(200);
		assertThat(this.scheduler.get("report-1")).isEmpty();
		assertThat(this.audit.actions)
			.containsExactly(new AsynczEndpointAction("report-1", "delete", "anonymous", this.now));
	}

	@Test
	void unknownActionIsABadRequestListingTheAcceptedActions() {
		Response response = this.actuator.post("/asyncz/report-1", "{\"action\":\"explode\"}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().path("message").asString()).contains("explode", "pause", "resume", "run");
		assertThat(this.audit.actions).isEmpty();
	}

	@Test
	void writesOnAMissingTaskAreNotFound() {
		assertThat(this.actuator.post("/asyncz/no-such-task", "{\"action\":\"pause\"}").status()).isEqualTo(404);
		assertThat(this.actuator.delete("/asyncz/no-such-task").status()).isEqualTo(404);
		assertThat(this.audit.actions).isEmpty();
	}

	@Test
	void healthIsUpWithStateStoresAndRecentMisfires() {
		Response response = this.actuator.get("/health/asyncz");
		assertThat(response.status()).isEqualTo(200);
		JsonNode json = response.json();
		assertThat(json.path("status").asString()).isEqualTo("UP");
		assertThat(json.at("/details/state").asString()).isEqualTo("RUNNING");
		assertThat(json.at("/details/stores/default/status").asString()).isEqualTo("UP");
		assertThat(json.at("/details/stores/archive/status").asString()).isEqualTo("UP");
		assertThat(json.at("/details/misfires/count").asLong()).isZero();
		assertThat(json.at("/details/misfires/window").asString()).isEqualTo("PT15M");
	}

	private void add(TaskRequest.Builder request) {
		this.scheduler.add(request.build());
	}

	/**
	 * A one-shot whose only attempt failed, kept in the failed state.
	 */
	private void addFailedTask() {
		add(TaskRequest.of("flaky", Triggers.at(this.now)).id("failed-once").retry(RetryPolicy.NONE));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.scheduler.get("failed-once").map(Task::failed).orElse(false));
	}

	private Trigger every(int firstInMinutes, int periodInMinutes) {
		return Triggers.every(Duration.ofMinutes(periodInMinutes))
			.startingAt(this.now.plus(Duration.ofMinutes(firstInMinutes)));
	}

	/**
	 * Adds {@code report-1}, a task calling {@code report} every hour from a minute on.
	 */
	static void addHourlyReport(Scheduler scheduler) {
		scheduler.add(TaskRequest
			.of("report", Triggers.every(Duration.ofHours(1)).startingAt(scheduler.clock().instant().plusSeconds(60)))
			.id("report-1")
			.build());
	}

	static List<String> ids(JsonNode tasks) {
		List<String> ids = new ArrayList<>();
		tasks.forEach((task) -> ids.add(task.path("id").asString()));
		return ids;
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((value) -> values.add(value.asString()));
		return values;
	}

	/**
	 * Keeps the endpoint's audit events.
	 */
	static class AuditRecorder {

		final List<AsynczEndpointAction> actions = new CopyOnWriteArrayList<>();

		@EventListener
		void onAction(AsynczEndpointAction action) {
			this.actions.add(action);
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

		@Bean
		Scheduler scheduler() {
			TaskFunctions functions = new TaskFunctions();
			functions.register("report", (context) -> "reported");
			functions.register("cleanup", (context) -> "cleaned");
			functions.register("fail", (context) -> {
				throw new IllegalStateException("password=hunter2 rejected");
			});
			functions.register("flaky", (context) -> {
				if (FLAKY_FAILS.get()) {
					throw new IllegalStateException("password=hunter2 rejected");
				}
				return "recovered";
			});
			Scheduler scheduler = Scheduler.builder()
				.clock(new ControllableClock(START))
				.zone(ZoneId.of("Europe/Paris"))
				.functions(functions)
				.store("default", new MemoryTaskStore())
				.store("archive", new MemoryTaskStore())
				.executor("default", SchedulerExecutors.of(Runnable::run, "direct"))
				.build();
			scheduler.start();
			return scheduler;
		}

		@Bean
		AuditRecorder auditRecorder() {
			return new AuditRecorder();
		}

	}

}
