package dev.asyncz.autoconfigure.actuate;

import dev.asyncz.core.Scheduler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code asyncz} endpoint as exposed with its default access, read-only: writes need
 * {@code management.endpoint.asyncz.access=unrestricted}.
 */
@SpringBootTest(classes = AsynczEndpointWebTests.TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "management.endpoints.web.exposure.include=asyncz")
class AsynczEndpointReadOnlyWebTests {

	@LocalServerPort
	int port;

	@Autowired
	Scheduler scheduler;

	@Autowired
	AsynczEndpointWebTests.AuditRecorder audit;

	ActuatorClient actuator;

	@BeforeEach
	void addTask() {
		this.scheduler.deleteAll(null);
		this.audit.actions.clear();
		this.actuator = new ActuatorClient(this.port);
		AsynczEndpointWebTests.addHourlyReport(this.scheduler);
	}

	@Test
	void readsAreAllowed() {
		assertThat(this.actuator.get("/asyncz").status()).isEqualTo(200);
		assertThat(this.actuator.get("/asyncz/report-1").status()).isEqualTo(200);
	}

	@Test
	void actionsAreRefusedAndLeaveTheTaskAlone() {
		int status = this.actuator.post("/asyncz/report-1", "{\"action\":\"pause\"}").status();
		assertThat(status).isBetween(400, 499);
		assertThat(this.scheduler.get("report-1")).hasValueSatisfying((task) -> assertThat(task.paused()).isFalse());
		assertThat(this.audit.actions).isEmpty();
	}

	@Test
	void deleteIsRefusedAndTheTaskStays() {
		int status = this.actuator.delete("/asyncz/report-1").status();
		assertThat(status).isBetween(400, 499);
		assertThat(this.scheduler.get("report-1")).isPresent();
		assertThat(this.audit.actions).isEmpty();
	}

}
