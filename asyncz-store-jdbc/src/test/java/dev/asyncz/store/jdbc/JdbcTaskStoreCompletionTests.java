package dev.asyncz.store.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.asyncz.store.StoreContext;
import dev.asyncz.store.TaskCodec;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskFunctions;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the JDBC store finishes a claim whose row cannot be deleted at the first try: a
 * finished task is never left claimed, where another instance would run it again once the
 * lease ran out. On H2 behind a driver that fails the next deletions of claimed rows with
 * a chosen SQLState.
 */
class JdbcTaskStoreCompletionTests {

	private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

	private final String prefix = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "_";

	private final AtomicInteger failingDeletions = new AtomicInteger();

	private final AtomicInteger failingReleases = new AtomicInteger();

	private volatile String failureState = "40P01";

	private HikariDataSource pool;

	private JdbcTaskStore store;

	@BeforeEach
	void startStore() {
		this.pool = TestDataSources.pool("jdbc:h2:mem:asyncz-completion;DB_CLOSE_DELAY=-1", "h2-completion", null);
		JdbcTaskStoreSettings settings = JdbcTaskStoreSettings.builder()
			.tablePrefix(this.prefix)
			.pollInterval(Duration.ZERO)
			.build();
		this.store = new JdbcTaskStore(failingDeletions(this.pool), settings);
		this.store.initializeSchema();
		TaskFunctions functions = new TaskFunctions();
		functions.register("f", (context) -> null);
		this.store.start(new StoreContext("default", "completion-instance", Clock.fixed(NOW, ZoneOffset.UTC), functions,
				new TaskCodec(), (event) -> {
				}, () -> {
				}));
	}

	@AfterEach
	void dropTable() throws SQLException {
		this.store.shutdown();
		try (Connection connection = this.pool.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE " + this.prefix + "tasks");
		}
		this.pool.close();
	}

	@Test
	void completionChosenAsADeadlockVictimIsTriedAgainAtOnce() {
		Task claimed = claimOneShot("a");
		this.failingDeletions.set(1);
		this.store.complete(claimed);
		assertThat(this.failingDeletions).hasValue(0);
		assertThat(this.store.get("a")).isEmpty();
	}

	@Test
	void completionThatKeepsFailingIsLeftToTheRenewalsAndItsClaimKept() {
		Task claimed = claimOneShot("a");
		this.failingDeletions.set(Integer.MAX_VALUE);
		this.store.complete(claimed);
		assertThat(this.store.get("a")).isPresent();
		this.failingDeletions.set(0);
		this.store.renewLeases();
		assertThat(this.store.get("a")).isEmpty();
	}

	@Test
	void completionThatFailedIsFinishedWhenTheStoreShutsDown() {
		Task claimed = claimOneShot("a");
		this.failureState = "08006";
		this.failingDeletions.set(1);
		this.store.complete(claimed);
		assertThat(this.store.get("a")).as("kept while its deletion failed").isPresent();
		this.store.shutdown();
		assertThat(this.store.get("a")).isEmpty();
	}

	@Test
	void releaseThatFailsKeepsItsClaimAndIsWrittenWithTheRenewals() {
		Task claimed = claimOneShot("a");
		this.failingReleases.set(Integer.MAX_VALUE);
		assertThat(this.store.release(claimed, claimed.withNextRunTime(NOW.plusSeconds(60)))).isTrue();
		assertThat(this.store.get("a")).get().extracting(Task::nextRunTime).as("not written yet").isEqualTo(NOW);
		assertThat(this.store.acquireDueTasks(NOW, 10)).as("still claimed").isEmpty();
		this.failingReleases.set(0);
		this.store.renewLeases();
		assertThat(this.store.get("a")).get().extracting(Task::nextRunTime).isEqualTo(NOW.plusSeconds(60));
		assertThat(this.store.acquireDueTasks(NOW.plusSeconds(60), 10)).as("released").hasSize(1);
	}

	@Test
	void releaseThatFailedIsWrittenWhenTheStoreShutsDown() {
		Task claimed = claimOneShot("a");
		this.failingReleases.set(1);
		this.store.release(claimed, claimed.withNextRunTime(NOW.plusSeconds(60)));
		this.store.shutdown();
		assertThat(this.store.get("a")).get().extracting(Task::nextRunTime).isEqualTo(NOW.plusSeconds(60));
	}

	private Task claimOneShot(String id) {
		this.store.add(Task.builder()
			.id(id)
			.function("f")
			.trigger(Triggers.at(NOW))
			.store("default")
			.nextRunTime(NOW)
			.build());
		return this.store.acquireDueTasks(NOW, 10).get(0).task();
	}

	/**
	 * The pool, with the next {@link #failingDeletions} deletions of claimed rows failing
	 * as the database would (rolled back, with {@link #failureState}).
	 */
	private DataSource failingDeletions(DataSource target) {
		return proxy(DataSource.class, target, (method, args) -> {
			Object result = method.invoke(target, args);
			return (result instanceof Connection connection) ? failingDeletions(connection) : result;
		});
	}

	private Connection failingDeletions(Connection target) {
		return proxy(Connection.class, target, (method, args) -> {
			Object result = method.invoke(target, args);
			if (result instanceof PreparedStatement statement && args[0] instanceof String sql) {
				if (sql.startsWith("DELETE") && sql.contains("claimed_by")) {
					return failing(statement, this.failingDeletions);
				}
				// A release: a write at the claimed version that does not claim.
				if (sql.startsWith("UPDATE") && sql.endsWith("AND version = ?") && !sql.contains("'RUNNING'")) {
					return failing(statement, this.failingReleases);
				}
			}
			return result;
		});
	}

	/**
	 * The statement, with its next {@code failures} executions failing as the database
	 * would (rolled back, with {@link #failureState}).
	 */
	private PreparedStatement failing(PreparedStatement statement, AtomicInteger failures) {
		return proxy(PreparedStatement.class, statement, (call, callArgs) -> {
			if (call.getName().startsWith("execute")
					&& failures.getAndUpdate((left) -> (left > 0 && left < Integer.MAX_VALUE) ? left - 1 : left) > 0) {
				throw new SQLException("injected failure", this.failureState);
			}
			return call.invoke(statement, callArgs);
		});
	}

	private static <T> T proxy(Class<T> type, T target, Handler handler) {
		return type
			.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
				try {
					return handler.handle(method, args);
				}
				catch (InvocationTargetException ex) {
					throw ex.getCause();
				}
			}));
	}

	@FunctionalInterface
	private interface Handler {

		Object handle(java.lang.reflect.Method method, Object[] args) throws Throwable;

	}

}
