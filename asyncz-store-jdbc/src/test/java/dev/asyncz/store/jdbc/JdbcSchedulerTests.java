package dev.asyncz.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import dev.asyncz.core.ControllableClock;
import dev.asyncz.core.Scheduler;
import dev.asyncz.event.SchedulerEvent;
import dev.asyncz.event.TaskExecuted;
import dev.asyncz.event.TaskRemoved;
import dev.asyncz.event.TaskRestored;
import dev.asyncz.executor.SchedulerExecutors;
import dev.asyncz.store.TaskQuery;
import dev.asyncz.task.InvalidTaskException;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A scheduler keeping its tasks in the JDBC store (on H2) runs them from the table.
 */
class JdbcSchedulerTests {

	private static final Instant START = Instant.parse("2031-03-14T15:09:26Z");

	private final ControllableClock clock = new ControllableClock(START);

	private final String prefix = "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "_";

	private final List<SchedulerEvent> events = new CopyOnWriteArrayList<>();

	private HikariDataSource dataSource;

	private Scheduler scheduler;

	@BeforeEach
	void startScheduler() {
		this.dataSource = TestDataSources.pool("jdbc:h2:mem:" + this.prefix + ";DB_CLOSE_DELAY=-1", "h2-scheduler",
				null);
		newStore().initializeSchema();
		this.scheduler = newScheduler();
	}

	@AfterEach
	void stopScheduler() {
		this.scheduler.shutdown(false);
		this.dataSource.close();
	}

	@Test
	void oneShotTaskRunsOnceAndLeavesTheTable() throws InterruptedException {
		this.scheduler.add(TaskRequest.of("greet", Triggers.at(START.plusSeconds(60))).id("once").args("Ada").build());
		this.clock.advance(Duration.ofSeconds(60));
		TaskExecuted executed = await(TaskExecuted.class);
		assertThat(executed.taskId()).isEqualTo("once");
		assertThat(executed.scheduledRunTime()).isEqualTo(START.plusSeconds(60));
		await(TaskRemoved.class);
		assertThat(newStore().count()).isZero();
	}

	@Test
	void idLongerThanTheIdColumnIsRefusedNamingTheLimitAndNothingIsStored() {
		String id = "x".repeat(256);
		assertThatExceptionOfType(InvalidTaskException.class)
			.isThrownBy(() -> this.scheduler.add(TaskRequest.of("greet", Triggers.at(START)).id(id).build()))
			.withMessageContaining("is 256 characters long; store 'default' keeps ids of at most 255");
		assertThat(newStore().count()).isZero();
	}

	@Test
	void idAsLongAsTheIdColumnIsKept() {
		String id = "x".repeat(255);
		this.scheduler.add(TaskRequest.of("greet", Triggers.at(START.plusSeconds(60))).id(id).build());
		assertThat(this.scheduler.get(id)).isPresent();
	}

	@Test
	void taskStoredBeforeARestartRunsAfterIt() throws InterruptedException {
		this.scheduler.add(TaskRequest.of("greet", Triggers.at(START.plusSeconds(60))).id("durable").build());
		this.scheduler.shutdown(false);
		this.scheduler = newScheduler();
		assertThat(this.scheduler.list("default", TaskQuery.first(10))).extracting("id").containsExactly("durable");
		this.clock.advance(Duration.ofSeconds(60));
		assertThat(await(TaskExecuted.class).taskId()).isEqualTo("durable");
	}

	@Test
	void quarantinedTaskIsListedAndOnceFixedARetryBringsItBackAndRunsItWhenDue() throws Exception {
		this.scheduler.add(TaskRequest.of("greet", Triggers.at(START.plusSeconds(60))).id("fixed").build());
		execute("UPDATE " + this.prefix + "tasks SET arguments_json = '{not json' WHERE id = 'fixed'");
		assertThat(this.scheduler.get("fixed")).isEmpty();
		assertThat(this.scheduler.listQuarantined(null, 0, 10)).singleElement().satisfies((quarantined) -> {
			assertThat(quarantined.taskId()).isEqualTo("fixed");
			assertThat(quarantined.store()).isEqualTo("default");
			assertThat(quarantined.quarantinedAt()).isEqualTo(START);
		});
		assertThat(this.scheduler.quarantinedCount("default")).isOne();
		this.clock.advance(Duration.ofSeconds(60));
		execute("UPDATE " + this.prefix
				+ "tasks SET arguments_json = '{\"args\":[],\"kwargs\":{}}' WHERE id = 'fixed'");
		assertThat(this.scheduler.retryQuarantined("default", "fixed").nextRunTime()).isEqualTo(START.plusSeconds(60));
		assertThat(await(TaskRestored.class).task().id()).isEqualTo("fixed");
		assertThat(await(TaskExecuted.class).taskId()).isEqualTo("fixed");
		assertThat(this.scheduler.listQuarantined(null, 0, 10)).isEmpty();
	}

	@Test
	void deletingAQuarantinedTaskRemovesItsRow() {
		this.scheduler.add(TaskRequest.of("greet", Triggers.at(START.plusSeconds(60))).id("broken").build());
		execute("UPDATE " + this.prefix + "tasks SET trigger_json = 'null' WHERE id = 'broken'");
		assertThat(this.scheduler.get("broken")).isEmpty();
		assertThat(this.scheduler.deleteQuarantined("default", "broken")).isTrue();
		assertThat(this.scheduler.listQuarantined("default", 0, 10)).isEmpty();
		assertThat(this.scheduler.deleteQuarantined("default", "broken")).isFalse();
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

	private Scheduler newScheduler() {
		Scheduler scheduler = Scheduler.builder()
			.clock(this.clock)
			.maxWait(Duration.ofHours(1))
			.store("default", newStore())
			.executor("default", SchedulerExecutors.threadPool(2))
			.build();
		scheduler.functions().register("greet", (context) -> "hello");
		scheduler.addListener(this.events::add);
		scheduler.start();
		return scheduler;
	}

	private JdbcTaskStore newStore() {
		return new JdbcTaskStore(this.dataSource,
				JdbcTaskStoreSettings.builder().tablePrefix(this.prefix).pollInterval(Duration.ZERO).build());
	}

	private <E extends SchedulerEvent> E await(Class<E> type) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (System.nanoTime() < deadline) {
			for (SchedulerEvent event : this.events) {
				if (type.isInstance(event)) {
					return type.cast(event);
				}
			}
			Thread.sleep(10);
		}
		throw new AssertionError("no " + type.getSimpleName() + " within 30s");
	}

}
