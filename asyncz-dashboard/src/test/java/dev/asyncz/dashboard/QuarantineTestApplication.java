package dev.asyncz.dashboard;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import dev.asyncz.core.ControllableClock;
import dev.asyncz.core.Scheduler;
import dev.asyncz.dashboard.DashboardTestApplication.AuditRecorder;
import dev.asyncz.executor.SchedulerExecutors;
import dev.asyncz.store.MemoryTaskStore;
import dev.asyncz.store.jdbc.JdbcTaskStore;
import dev.asyncz.store.jdbc.JdbcTaskStoreSettings;
import dev.asyncz.task.TaskFunctions;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.trigger.Triggers;
import org.h2.jdbcx.JdbcDataSource;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The application the quarantine tests serve: a memory store and a JDBC store on an
 * in-memory H2 database whose rows a test can break, so the store quarantines them.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class QuarantineTestApplication {

	static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

	static final String TABLE_PREFIX = "dq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8) + "_";

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
	AuditRecorder auditRecorder() {
		return new AuditRecorder();
	}

	/**
	 * Empties the durable store and its quarantine, then stores a readable task
	 * {@code fine} and a task {@code broken} whose arguments no longer read.
	 * @param scheduler the scheduler
	 * @param dataSource the H2 database
	 */
	static void quarantineOneTask(Scheduler scheduler, DataSource dataSource) {
		scheduler.deleteAll(null);
		scheduler.listQuarantined("durable", 0, 100)
			.forEach((quarantined) -> scheduler.deleteQuarantined("durable", quarantined.taskId()));
		scheduler
			.add(TaskRequest.of("report", Triggers.at(START.plusSeconds(3600))).id("broken").store("durable").build());
		scheduler.add(TaskRequest.of("report", Triggers.at(START.plusSeconds(60))).id("fine").store("durable").build());
		setArguments(dataSource, "broken", "{not json");
		if (scheduler.get("broken").isPresent()) {
			throw new IllegalStateException("The broken task should read as quarantined");
		}
	}

	/**
	 * Overwrites a stored task's arguments, as a faulty migration or a hand edit would.
	 * @param dataSource the H2 database
	 * @param id the task id
	 * @param json the new arguments
	 */
	static void setArguments(DataSource dataSource, String id, String json) {
		String sql = "UPDATE " + TABLE_PREFIX + "tasks SET arguments_json = '" + json + "' WHERE id = '" + id + "'";
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
	}

}
