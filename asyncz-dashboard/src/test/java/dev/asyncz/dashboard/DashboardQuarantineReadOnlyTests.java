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
 * A read-only dashboard lists quarantined tasks but refuses to re-read or delete them.
 */
@SpringBootTest(classes = QuarantineTestApplication.class, properties = "asyncz.dashboard.enabled=true")
class DashboardQuarantineReadOnlyTests extends QuarantineTestSupport {

	@Test
	void quarantinedTasksAreListed() throws Exception {
		this.mvc.perform(get("/asyncz/api/tasks").param("store", "durable").param("status", "quarantined"))
			.andExpect(jsonPath("$.quarantined[0].taskId").value("broken"));
	}

	@Test
	void reReadingAndDeletingAreRefusedWith403AndChangeNothing() throws Exception {
		QuarantineTestApplication.setArguments(this.dataSource, "broken", "{\"args\":[],\"kwargs\":{}}");
		this.mvc.perform(post("/asyncz/api/quarantine/retry").param("store", "durable").param("id", "broken"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.error").value(containsString("asyncz.dashboard.writes-enabled=true")));
		this.mvc.perform(delete("/asyncz/api/quarantine").param("store", "durable").param("id", "broken"))
			.andExpect(status().isForbidden());
		assertThat(this.scheduler.quarantinedCount("durable")).isOne();
		assertThat(this.audit.actions).isEmpty();
	}

}
