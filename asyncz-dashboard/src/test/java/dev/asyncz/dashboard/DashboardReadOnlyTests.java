package dev.asyncz.dashboard;

import java.time.Duration;

import dev.asyncz.core.Scheduler;
import dev.asyncz.dashboard.DashboardTestApplication.AuditRecorder;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dashboard as enabled without writes, at a path of its own: it shows, and refuses
 * every write with 403, changing nothing.
 */
@SpringBootTest(classes = DashboardTestApplication.class,
		properties = { "asyncz.dashboard.enabled=true", "asyncz.dashboard.path=/ops/scheduler" })
class DashboardReadOnlyTests {

	@Autowired
	WebApplicationContext context;

	@Autowired
	Scheduler scheduler;

	@Autowired
	AuditRecorder audit;

	MockMvc mvc;

	@BeforeEach
	void addTask() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).build();
		this.scheduler.deleteAll(null);
		this.scheduler.add(TaskRequest.of("report", Triggers.every(Duration.ofHours(1))).id("report").build());
	}

	@Test
	void theConfigTellsThePageToShowNoWriteButtons() throws Exception {
		this.mvc.perform(get("/ops/scheduler/api/config")).andExpect(jsonPath("$.writesEnabled").value(false));
		this.mvc.perform(get("/asyncz/api/config")).andExpect(status().isNotFound());
	}

	@Test
	void everyWriteIsRefusedWith403AndChangesNothing() throws Exception {
		for (String action : new String[] { "pause", "resume", "run" }) {
			this.mvc.perform(post("/ops/scheduler/api/task/" + action).param("id", "report"))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.error").value(containsString("asyncz.dashboard.writes-enabled=true")));
		}
		this.mvc.perform(delete("/ops/scheduler/api/task").param("id", "report")).andExpect(status().isForbidden());
		assertThat(this.scheduler.get("report")).hasValueSatisfying((task) -> assertThat(task.paused()).isFalse());
		assertThat(this.audit.actions).isEmpty();
	}

	@Test
	void readsStillAnswer() throws Exception {
		this.mvc.perform(get("/ops/scheduler/api/task").param("id", "report"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.task.id").value("report"));
	}

}
