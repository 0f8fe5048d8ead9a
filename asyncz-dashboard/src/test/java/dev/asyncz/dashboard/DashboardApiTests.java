package dev.asyncz.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.asyncz.core.ControllableClock;
import dev.asyncz.core.Scheduler;
import dev.asyncz.dashboard.DashboardTestApplication.AuditRecorder;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dashboard's page and JSON API with writes enabled, on a scheduler under a
 * controllable clock.
 */
@SpringBootTest(classes = { DashboardTestApplication.class, DashboardApiTests.FixedClock.class },
		properties = { "asyncz.dashboard.enabled=true", "asyncz.dashboard.writes-enabled=true" })
class DashboardApiTests {

	static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

	@Autowired
	WebApplicationContext context;

	@Autowired
	Scheduler scheduler;

	@Autowired
	ControllableClock clock;

	@Autowired
	AuditRecorder audit;

	MockMvc mvc;

	@BeforeEach
	void addTasks() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).build();
		this.scheduler.deleteAll(null);
		this.audit.actions.clear();
		this.scheduler.add(TaskRequest.of("report", Triggers.every(Duration.ofMinutes(10)))
			.id("user-1:report")
			.name("Weekly report")
			.args("alice", "s3cret")
			.kwargs(Map.of("token", "abc"))
			.build());
		this.scheduler
			.add(TaskRequest.of("cleanup", Triggers.every(Duration.ofMinutes(5))).id("user-2:cleanup").build());
		this.scheduler.add(TaskRequest.of("fail", Triggers.every(Duration.ofHours(1))).id("failing").build());
		this.scheduler
			.add(TaskRequest.of("report", Triggers.every(Duration.ofHours(2))).id("archived").store("archive").build());
	}

	@Test
	void thePageIsServedAtThePathWithASlashAndItsScriptUnderStatic() throws Exception {
		this.mvc.perform(get("/asyncz"))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", "/asyncz/"));
		this.mvc.perform(get("/asyncz/"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<script src=\"static/app.js\">")));
		this.mvc.perform(get("/asyncz/static/app.js"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("pollIntervalMillis")));
	}

	@Test
	void theConfigTellsThePageThatWritesAreEnabledAndNamesTheStores() throws Exception {
		this.mvc.perform(get("/asyncz/api/config"))
			.andExpect(jsonPath("$.writesEnabled").value(true))
			.andExpect(jsonPath("$.stores[0]").value("default"))
			.andExpect(jsonPath("$.stores[1]").value("archive"));
	}

	@Test
	void theOverviewShowsTheSchedulerTheStoresByStatusAndTheTimeline() throws Exception {
		this.scheduler.pauseTask("user-2:cleanup");
		this.mvc.perform(get("/asyncz/api/overview"))
			.andExpect(jsonPath("$.state").value("RUNNING"))
			.andExpect(jsonPath("$.instanceId").value("dashboard-test"))
			.andExpect(jsonPath("$.stores[0].name").value("default"))
			.andExpect(jsonPath("$.stores[0].reachable").value(true))
			.andExpect(jsonPath("$.stores[0].taskCount").value(3))
			.andExpect(jsonPath("$.stores[0].byStatus.SCHEDULED").value(2))
			.andExpect(jsonPath("$.stores[0].byStatus.PAUSED").value(1))
			.andExpect(jsonPath("$.executors[0].name").value("default"))
			.andExpect(jsonPath("$.runs.perMinute", hasSize(60)))
			.andExpect(jsonPath("$.timeline.perHour", hasSize(24)))
			// The report every 10 minutes (cleanup is paused): 5 fire times in the first
			// hour, 6 in the second, plus the hourly failing task's first.
			.andExpect(jsonPath("$.timeline.perHour[0]").value(5))
			.andExpect(jsonPath("$.timeline.perHour[1]").value(7))
			// 144 fire times of the report in 24 hours: more than one preview counts.
			.andExpect(jsonPath("$.timeline.partial").value(true));
	}

	@Test
	void tasksAreSearchedByIdPrefixNameFunctionAndStatusInOneStore() throws Exception {
		this.mvc.perform(get("/asyncz/api/tasks").param("idPrefix", "user-"))
			.andExpect(jsonPath("$.store").value("default"))
			.andExpect(jsonPath("$.complete").value(true))
			.andExpect(
					jsonPath("$.tasks[*].id").value(org.hamcrest.Matchers.contains("user-2:cleanup", "user-1:report")));
		this.mvc.perform(get("/asyncz/api/tasks").param("name", "weekly").param("function", "report"))
			.andExpect(jsonPath("$.tasks[*].id").value(org.hamcrest.Matchers.contains("user-1:report")));
		this.mvc.perform(get("/asyncz/api/tasks").param("store", "archive"))
			.andExpect(jsonPath("$.tasks[*].id").value(org.hamcrest.Matchers.contains("archived")));
		this.scheduler.pauseTask("failing");
		this.mvc.perform(get("/asyncz/api/tasks").param("status", "paused"))
			.andExpect(jsonPath("$.status").value("PAUSED"))
			.andExpect(jsonPath("$.tasks[*].id").value(org.hamcrest.Matchers.contains("failing")));
		this.mvc.perform(get("/asyncz/api/tasks").param("status", "quarantined"))
			.andExpect(jsonPath("$.quarantined", hasSize(0)));
	}

	@Test
	void aBadFilterOrAnUnknownStoreIsRefusedWithAMessage() throws Exception {
		this.mvc.perform(get("/asyncz/api/tasks").param("status", "sleeping"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value(containsString("Unknown status 'sleeping'")));
		this.mvc.perform(get("/asyncz/api/tasks").param("limit", "0"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value(containsString("limit")));
		this.mvc.perform(get("/asyncz/api/tasks").param("store", "nope"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.error").value(containsString("No store named 'nope'")));
		this.mvc.perform(get("/asyncz/api/runs").param("outcome", "meh")).andExpect(status().isBadRequest());
	}

	@Test
	void aTaskShowsItsTriggerTenFireTimesAndMaskedArguments() throws Exception {
		this.mvc.perform(get("/asyncz/api/task").param("id", "user-1:report"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.task.trigger.description").value(containsString("10")))
			.andExpect(jsonPath("$.nextFireTimes", hasSize(10)))
			.andExpect(jsonPath("$.nextFireTimes[0]").value("2030-01-01T00:10:00Z"))
			.andExpect(jsonPath("$.task.args[1]").value("******"))
			.andExpect(jsonPath("$.task.kwargs.token").value("******"));
		this.mvc.perform(get("/asyncz/api/task").param("id", "nope")).andExpect(status().isNotFound());
	}

	@Test
	void pausingAndResumingChangeTheTaskAndAreAudited() throws Exception {
		this.mvc.perform(post("/asyncz/api/task/pause").param("id", "user-1:report"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.task.state").value("PAUSED"));
		assertThat(this.scheduler.get("user-1:report").orElseThrow().paused()).isTrue();
		this.mvc.perform(post("/asyncz/api/task/resume").param("id", "user-1:report"))
			.andExpect(jsonPath("$.task.state").value("SCHEDULED"));
		assertThat(this.audit.actions).extracting((action) -> action.taskId() + " " + action.action())
			.containsExactly("user-1:report pause", "user-1:report resume");
	}

	@Test
	void runningATaskNowShowsItsRunWithTheErrorSanitised() throws Exception {
		this.mvc.perform(post("/asyncz/api/task/run").param("id", "failing")).andExpect(status().isOk());
		org.awaitility.Awaitility.await()
			.untilAsserted(() -> this.mvc.perform(get("/asyncz/api/runs").param("outcome", "error"))
				.andExpect(jsonPath("$.runs", hasSize(1))));
		this.mvc.perform(get("/asyncz/api/runs").param("function", "fail"))
			.andExpect(jsonPath("$.runs[0].taskId").value("failing"))
			.andExpect(jsonPath("$.runs[0].errorType").value("java.lang.IllegalStateException"))
			.andExpect(jsonPath("$.runs[0].errorMessage").value("******"));
		this.mvc.perform(get("/asyncz/api/task").param("id", "failing")).andExpect(jsonPath("$.runs", hasSize(1)));
		this.mvc.perform(get("/asyncz/api/runs").param("function", "report")).andExpect(jsonPath("$.runs", hasSize(0)));
	}

	@Test
	void deletingRemovesTheTaskAndAnUnknownTaskOrActionIsNotFound() throws Exception {
		this.mvc.perform(delete("/asyncz/api/task").param("id", "archived")).andExpect(status().isOk());
		assertThat(this.scheduler.get("archived")).isEmpty();
		this.mvc.perform(delete("/asyncz/api/task").param("id", "archived")).andExpect(status().isNotFound());
		this.mvc.perform(post("/asyncz/api/task/explode").param("id", "failing")).andExpect(status().isNotFound());
		assertThat(this.audit.actions).extracting((action) -> action.action()).containsExactly("delete");
	}

	@Configuration(proxyBeanMethods = false)
	static class FixedClock {

		@Bean
		ControllableClock controllableClock() {
			return new ControllableClock(START);
		}

	}

}
