package dev.asyncz.dashboard;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Quarantined tasks (stored data that cannot be read) through the dashboard with writes
 * enabled: listed, re-read and deleted one by one, each write audited like the Actuator
 * endpoint's quarantine routes. Values are shown here: why data cannot be read may quote
 * it, so it is masked like arguments otherwise.
 */
@SpringBootTest(classes = QuarantineTestApplication.class, properties = { "asyncz.dashboard.enabled=true",
		"asyncz.dashboard.writes-enabled=true", "asyncz.dashboard.show-values=always" })
class DashboardQuarantineTests extends QuarantineTestSupport {

	@Test
	void theTaskListShowsAStoresQuarantinedTasksWithWhyTheyCannotBeRead() throws Exception {
		this.mvc.perform(get("/asyncz/api/tasks").param("store", "durable").param("status", "quarantined"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("quarantined"))
			.andExpect(jsonPath("$.quarantined.length()").value(1))
			.andExpect(jsonPath("$.quarantined[0].taskId").value("broken"))
			.andExpect(jsonPath("$.quarantined[0].store").value("durable"))
			.andExpect(jsonPath("$.quarantined[0].reason").value(containsString("arguments")));
	}

	@Test
	void reReadingARepairedTaskPutsItBackAndIsAuditedAsTheEndpointAuditsIt() throws Exception {
		QuarantineTestApplication.setArguments(this.dataSource, "broken", "{\"args\":[],\"kwargs\":{}}");
		this.mvc.perform(post("/asyncz/api/quarantine/retry").param("store", "durable").param("id", "broken"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.action").value("retry"))
			.andExpect(jsonPath("$.task.id").value("broken"));
		assertThat(this.scheduler.get("broken")).isPresent();
		assertThat(this.scheduler.quarantinedCount("durable")).isZero();
		assertThat(this.audit.actions).singleElement().satisfies((action) -> {
			assertThat(action.taskId()).isEqualTo("broken");
			assertThat(action.action()).isEqualTo("retry-quarantined");
			assertThat(action.principal()).isEqualTo("anonymous");
		});
	}

	@Test
	void reReadingStillBrokenDataIsAConflictNamingWhyAndKeepsTheTaskQuarantined() throws Exception {
		this.mvc.perform(post("/asyncz/api/quarantine/retry").param("store", "durable").param("id", "broken"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.error").value(containsString("arguments")));
		assertThat(this.scheduler.quarantinedCount("durable")).isOne();
		assertThat(this.audit.actions).isEmpty();
	}

	@Test
	void deletingAQuarantinedTaskRemovesItOnceAndIsAudited() throws Exception {
		this.mvc.perform(delete("/asyncz/api/quarantine").param("store", "durable").param("id", "broken"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.action").value("delete"));
		assertThat(this.scheduler.quarantinedCount("durable")).isZero();
		this.mvc.perform(delete("/asyncz/api/quarantine").param("store", "durable").param("id", "broken"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.error").value("No quarantined task with id 'broken' in store 'durable'"));
		assertThat(this.audit.actions).singleElement()
			.satisfies((action) -> assertThat(action.action()).isEqualTo("delete-quarantined"));
	}

	@Test
	void quarantineWritesDoNotReachTasksThatAreNotQuarantinedNorUnknownStores() throws Exception {
		this.mvc.perform(post("/asyncz/api/quarantine/retry").param("store", "durable").param("id", "fine"))
			.andExpect(status().isNotFound());
		this.mvc.perform(delete("/asyncz/api/quarantine").param("store", "durable").param("id", "fine"))
			.andExpect(status().isNotFound());
		this.mvc.perform(delete("/asyncz/api/quarantine").param("store", "nowhere").param("id", "broken"))
			.andExpect(status().isNotFound());
		assertThat(this.scheduler.get("fine")).isPresent();
		assertThat(this.scheduler.quarantinedCount("durable")).isOne();
		assertThat(this.audit.actions).isEmpty();
	}

}
