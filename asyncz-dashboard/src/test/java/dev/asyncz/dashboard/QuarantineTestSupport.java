package dev.asyncz.dashboard;

import javax.sql.DataSource;

import dev.asyncz.core.Scheduler;
import dev.asyncz.dashboard.DashboardTestApplication.AuditRecorder;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * What the quarantine tests share: the {@link QuarantineTestApplication}'s beans, and
 * before each test a durable store holding a readable task {@code fine} and a quarantined
 * task {@code broken}, with no audit events yet.
 */
abstract class QuarantineTestSupport {

	@Autowired
	WebApplicationContext context;

	@Autowired
	Scheduler scheduler;

	@Autowired
	DataSource dataSource;

	@Autowired
	AuditRecorder audit;

	MockMvc mvc;

	@BeforeEach
	void quarantineATask() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).build();
		QuarantineTestApplication.quarantineOneTask(this.scheduler, this.dataSource);
		this.audit.actions.clear();
	}

}
