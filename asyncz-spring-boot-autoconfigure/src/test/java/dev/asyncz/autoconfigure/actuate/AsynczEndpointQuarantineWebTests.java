package dev.asyncz.autoconfigure.actuate;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import dev.asyncz.autoconfigure.actuate.ActuatorClient.Response;
import dev.asyncz.core.ControllableClock;
import dev.asyncz.core.Scheduler;
import dev.asyncz.executor.SchedulerExecutors;
import dev.asyncz.store.MemoryTaskStore;
import dev.asyncz.store.jdbc.JdbcTaskStore;
import dev.asyncz.store.jdbc.JdbcTaskStoreSettings;
import dev.asyncz.task.TaskFunctions;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.trigger.Triggers;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quarantined tasks (stored data that cannot be read) through the {@code asyncz} endpoint
 * over HTTP, writes allowed: listed in the summary and per store, retried and deleted one
 * by one.
 */
@SpringBootTest(classes = AsynczEndpointQuarantineWebTests.TestApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=asyncz,health",
				"management.endpoint.health.show-details=always", "management.endpoint.asyncz.access=unrestricted" })
class AsynczEndpointQuarantineWebTests {

	static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

	static final String TABLE_PREFIX = "q" + UUID.randomUUID().toString().replace("-", "").substring(0, 8) + "_";

	@LocalServerPort
	int port;

	@Autowired
	Scheduler scheduler;

	@Autowired
	DataSource dataSource;

	@Autowired
	AsynczEndpointWebTests.AuditRecorder audit;

	ActuatorClient actuator;

	@BeforeEach
	void quarantineATask() {
		this.scheduler.deleteAll(null);
		this.scheduler.listQuarantined("durable", 0, 100)
			.forEach((quarantined) -> this.scheduler.deleteQuarantined("durable", quarantined.taskId()));
		this.audit.actions.clear();
		this.actuator = new ActuatorClient(this.port);
		this.scheduler
			.add(TaskRequest.of("report", Triggers.at(START.plusSeconds(3600))).id("broken").store("durable").build());
		this.scheduler
			.add(TaskRequest.of("report", Triggers.at(START.plusSeconds(60))).id("fine").store("durable").build());
		execute("UPDATE " + TABLE_PREFIX + "tasks SET arguments_json = '{not json' WHERE id = 'broken'");
		assertThat(this.scheduler.get("broken")).isEmpty();
	}

	@Test
	void summaryShowsQuarantinedCountsPerStoreAndTheFirstQuarantinedTasks() {
		JsonNode json = this.actuator.get("/asyncz").json();
		assertThat(json.at("/stores/0/name").asString()).isEqualTo("default");
		assertThat(json.at("/stores/0/quarantinedCount").asLong()).isZero();
		assertThat(json.at("/stores/1/name").asString()).isEqualTo("durable");
		assertThat(json.at("/stores/1/taskCount").asLong()).isOne();
		assertThat(json.at("/stores/1/quarantinedCount").asLong()).isOne();
		assertThat(json.at("/quarantined/0/taskId").asString()).isEqualTo("broken");
		assertThat(json.at("/quarantined/0/store").asString()).isEqualTo("durable");
		// The reason may quote the data it could not read: sanitised as values are.
		assertThat(json.at("/quarantined/0/reason").asString()).isEqualTo("******");
		assertThat(json.at("/quarantined/0/dataSize").asLong()).isPositive();
		assertThat(json.at("/quarantined/0/quarantinedAt").asString()).isEqualTo(START.toString());
	}

	@Test
	void quarantinedTasksOfAStoreArePaged() {
		Response response = this.actuator.get("/asyncz/stores/durable/quarantine?limit=10");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("total").asLong()).isOne();
		assertThat(response.json().at("/tasks/0/taskId").asString()).isEqualTo("broken");
		assertThat(this.actuator.get("/asyncz/stores/durable/quarantine?offset=1").json().path("tasks")).isEmpty();
	}

	@Test
	void quarantineOfAnUnknownStoreIsNotFound() {
		assertThat(this.actuator.get("/asyncz/stores/nowhere/quarantine").status()).isEqualTo(404);
	}

	@Test
	void retryOfAFixedTaskBringsItBackAndIsAudited() {
		execute("UPDATE " + TABLE_PREFIX
				+ "tasks SET arguments_json = '{\"args\":[],\"kwargs\":{}}' WHERE id = 'broken'");
		Response response = this.actuator.post("/asyncz/stores/durable/quarantine/broken", "{\"action\":\"retry\"}");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("action").asString()).isEqualTo("retry");
		assertThat(response.json().at("/task/id").asString()).isEqualTo("broken");
		assertThat(this.scheduler.get("broken")).isPresent();
		assertThat(this.scheduler.quarantinedCount("durable")).isZero();
		assertThat(this.audit.actions).singleElement().satisfies((action) -> {
			assertThat(action.taskId()).isEqualTo("broken");
			assertThat(action.action()).isEqualTo(TaskActions.RETRY_QUARANTINED);
		});
	}

	@Test
	void retryOfStillBrokenDataIsAConflictNamingWhyAndKeepsTheTaskQuarantined() {
		Response response = this.actuator.post("/asyncz/stores/durable/quarantine/broken", "{\"action\":\"retry\"}");
		assertThat(response.status()).isEqualTo(409);
		assertThat(response.json().path("message").asString()).contains("broken")
			.endsWith("still cannot be read and stays quarantined: ******");
		assertThat(this.scheduler.quarantinedCount("durable")).isOne();
		assertThat(this.audit.actions).isEmpty();
	}

	@Test
	void anotherActionOnAQuarantinedTaskIsABadRequestNamingRetry() {
		Response response = this.actuator.post("/asyncz/stores/durable/quarantine/broken", "{\"action\":\"run\"}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().path("message").asString()).contains("retry");
	}

	@Test
	void deleteRemovesAQuarantinedTaskOnce() {
		Response response = this.actuator.delete("/asyncz/stores/durable/quarantine/broken");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("action").asString()).isEqualTo("delete");
		assertThat(this.scheduler.quarantinedCount("durable")).isZero();
		assertThat(this.actuator.delete("/asyncz/stores/durable/quarantine/broken").status()).isEqualTo(404);
		assertThat(this.audit.actions).singleElement()
			.satisfies((action) -> assertThat(action.action()).isEqualTo(TaskActions.DELETE_QUARANTINED));
	}

	@Test
	void quarantineWritesDoNotReachTasksThatAreNotQuarantined() {
		assertThat(this.actuator.post("/asyncz/stores/durable/quarantine/fine", "{\"action\":\"retry\"}").status())
			.isEqualTo(404);
		assertThat(this.actuator.delete("/asyncz/stores/durable/quarantine/fine").status()).isEqualTo(404);
		assertThat(this.scheduler.get("fine")).isPresent();
	}

	@Test
	void taskRoutesStillAddressTasks() {
		assertThat(this.actuator.get("/asyncz/fine").json().path("id").asString()).isEqualTo("fine");
		assertThat(this.actuator.get("/asyncz/stores/durable").json().at("/tasks/0/id").asString()).isEqualTo("fine");
	}

	@Test
	void healthShowsTheQuarantinedCountPerStore() {
		JsonNode json = this.actuator.get("/health/asyncz").json();
		assertThat(json.path("status").asString()).isEqualTo("UP");
		assertThat(json.at("/details/stores/durable/quarantined").asLong()).isOne();
		assertThat(json.at("/details/stores/default/quarantined").asLong()).isZero();
	}

	private void execute(String sql) {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

		@Bean
		DataSource dataSource() {
			JdbcDataSource dataSource = new JdbcDataSource();
			dataSource.setURL("jdbc:h2:mem:" + TABLE_PREFIX + ";DB_CLOSE_DELAY=-1");
			return dataSource;
		}

		@Bean
		Scheduler scheduler(DataSource dataSource) {
			TaskFunctions functions = new TaskFunctions();
			functions.register("report", (context) -> "reported");
			JdbcTaskStore durable = new JdbcTaskStore(dataSource,
					JdbcTaskStoreSettings.builder().tablePrefix(TABLE_PREFIX).build());
			durable.initializeSchema();
			Scheduler scheduler = Scheduler.builder()
				.clock(new ControllableClock(START))
				.functions(functions)
				.store("default", new MemoryTaskStore())
				.store("durable", durable)
				.executor("default", SchedulerExecutors.of(Runnable::run, "direct"))
				.build();
			scheduler.start();
			return scheduler;
		}

		@Bean
		AsynczEndpointWebTests.AuditRecorder auditRecorder() {
			return new AsynczEndpointWebTests.AuditRecorder();
		}

	}

}
