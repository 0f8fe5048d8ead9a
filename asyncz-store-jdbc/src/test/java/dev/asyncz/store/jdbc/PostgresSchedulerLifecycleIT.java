package dev.asyncz.store.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import dev.asyncz.core.Scheduler;
import dev.asyncz.core.SchedulerStateException;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.test.LocalServer;
import dev.asyncz.test.RequiresLocalServer;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A JDBC store that was shut down stays shut down: a change refused by a shut-down
 * scheduler leaves no thread and no connection behind, however often it happens.
 */
@RequiresLocalServer(LocalServer.POSTGRESQL)
class PostgresSchedulerLifecycleIT {

	private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);

	private final String prefix = "l" + this.suffix + "_";

	private final String applicationName = "asyncz-lifecycle-" + this.suffix;

	private HikariDataSource dataSource;

	private HikariDataSource admin;

	@BeforeEach
	void createTable() {
		this.admin = TestDataSources.pool(LocalServer.POSTGRESQL.url(), "asyncz-admin-" + this.suffix, 2);
		this.dataSource = TestDataSources.pool(LocalServer.POSTGRESQL.url(), this.applicationName, 10);
		new JdbcTaskStore(this.admin, JdbcTaskStoreSettings.builder().tablePrefix(this.prefix).build())
			.initializeSchema();
	}

	@AfterEach
	void dropTable() throws SQLException {
		this.dataSource.close();
		try (Connection connection = this.admin.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE " + this.prefix + "tasks");
		}
		this.admin.close();
	}

	@Test
	void hundredStartShutdownAddCyclesLeaveThreadAndConnectionCountsFlat() throws Exception {
		long threadsBefore = storeThreads();
		for (int i = 0; i < 100; i++) {
			Scheduler scheduler = Scheduler.builder()
				.store("default",
						new JdbcTaskStore(this.dataSource,
								JdbcTaskStoreSettings.builder().tablePrefix(this.prefix).build()))
				.build();
			scheduler.functions().register("f", (context) -> null);
			scheduler.start();
			scheduler.add(TaskRequest.of("f", Triggers.at(Instant.now().plusSeconds(3600))).build());
			scheduler.shutdown(true);
			Throwable refused = catchThrowable(
					() -> scheduler.add(TaskRequest.of("f", Triggers.at(Instant.now().plusSeconds(3600))).build()));
			assertThat(refused).isInstanceOf(SchedulerStateException.class);
		}
		long deadline = System.nanoTime() + 10_000_000_000L;
		while ((storeThreads() > threadsBefore || serverConnections() > 0) && System.nanoTime() < deadline) {
			Thread.sleep(50);
			this.dataSource.getHikariPoolMXBean().softEvictConnections();
		}
		assertThat(storeThreads()).as("store threads left").isEqualTo(threadsBefore);
		assertThat(this.dataSource.getHikariPoolMXBean().getActiveConnections()).as("connections in use").isZero();
		assertThat(serverConnections()).as("connections the server still sees").isZero();
		assertThat(rows()).as("rows: the refused adds wrote nothing").isEqualTo(100);
	}

	private static long storeThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.isAlive() && thread.getName().startsWith("asyncz-"))
			.count();
	}

	private long serverConnections() throws SQLException {
		return count("SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + this.applicationName + "'");
	}

	private long rows() throws SQLException {
		return count("SELECT count(*) FROM " + this.prefix + "tasks");
	}

	private long count(String sql) throws SQLException {
		try (Connection connection = this.admin.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
	}

}
