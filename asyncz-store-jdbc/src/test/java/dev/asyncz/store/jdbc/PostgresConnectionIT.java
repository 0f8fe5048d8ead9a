package dev.asyncz.store.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.asyncz.core.ControllableClock;
import dev.asyncz.store.StoreContext;
import dev.asyncz.store.StoreException;
import dev.asyncz.store.TaskCodec;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskFunctions;
import dev.asyncz.test.LocalServer;
import dev.asyncz.test.RequiresLocalServer;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How the store uses its PostgreSQL connections: notifications between instances, and
 * losing connections. Losing them is simulated by terminating this test's own backends
 * (found by their application name), never by restarting the shared server.
 */
@RequiresLocalServer(LocalServer.POSTGRESQL)
class PostgresConnectionIT {

	private static final Instant NOW = Instant.parse("2031-03-14T15:09:26Z");

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);

	private final String prefix = "c" + this.suffix + "_";

	private final String applicationName = "asyncz-loss-" + this.suffix;

	private final Semaphore wakeUps = new Semaphore(0);

	private HikariDataSource dataSource;

	private HikariDataSource admin;

	private JdbcTaskStore store;

	@BeforeEach
	void startStore() {
		this.admin = TestDataSources.pool(LocalServer.POSTGRESQL.url(), "asyncz-admin-" + this.suffix, null);
		this.dataSource = TestDataSources.pool(LocalServer.POSTGRESQL.url(), this.applicationName, null);
		this.dataSource.setMaximumPoolSize(2);
		this.store = newStore(this.dataSource);
		this.store.initializeSchema();
		this.store.start(context("instance-a", this.wakeUps::release));
	}

	@AfterEach
	void stopStore() throws SQLException {
		this.store.shutdown();
		execute("DROP TABLE " + this.prefix + "tasks");
		this.dataSource.close();
		this.admin.close();
	}

	@Test
	void taskAddedByAnotherInstanceWakesThisOne() throws InterruptedException {
		awaitWakeUp();
		JdbcTaskStore other = newStore(this.admin);
		other.start(context("instance-b", () -> {
		}));
		try {
			other.add(task("a"));
			awaitWakeUp();
		}
		finally {
			other.shutdown();
		}
	}

	@Test
	void lostConnectionFailsTheCallWithStoreExceptionAndTheStoreRecoversWithNothingLost() throws Exception {
		this.store.add(task("a"));
		try (Connection locker = this.admin.getConnection()) {
			locker.setAutoCommit(false);
			try (Statement statement = locker.createStatement()) {
				statement.execute("SELECT id FROM " + this.prefix + "tasks WHERE id = 'a' FOR UPDATE");
			}
			CompletableFuture<Boolean> removal = CompletableFuture.supplyAsync(() -> this.store.remove("a"));
			awaitBackendWaitingForLock();
			execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '"
					+ this.applicationName + "'");
			assertThatExceptionOfType(ExecutionException.class)
				.isThrownBy(() -> removal.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
				.havingCause()
				.isInstanceOf(StoreException.class)
				.withMessageContaining("remove task 'a'");
			locker.rollback();
		}
		// Each dead connection still pooled fails one more call (the pool then drops it),
		// as it would for the scheduler, which backs off and calls again.
		assertThat(retryOnStoreException(() -> this.store.get("a"))).isPresent();
		assertThat(this.store.remove("a")).isTrue();
	}

	@Test
	void listenerReconnectsAfterLosingItsConnection() throws Exception {
		awaitWakeUp();
		execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '"
				+ this.applicationName + "'");
		// On reconnecting it wakes the scheduler once, for what it may have missed.
		awaitWakeUp();
		JdbcTaskStore other = newStore(this.admin);
		other.start(context("instance-b", () -> {
		}));
		try {
			other.add(task("a"));
			awaitWakeUp();
		}
		finally {
			other.shutdown();
		}
	}

	@Test
	void startingTheStoreOpensNoConnectionWhenTheDialectIsKnown() throws Exception {
		CountDownLatch opened = new CountDownLatch(1);
		// Every connection waits until the start has returned: a start that opened one
		// itself would never return.
		DataSource held = dataSource(UnaryOperator.identity(), opened::await);
		JdbcTaskStore store = new JdbcTaskStore(held,
				JdbcTaskStoreSettings.builder()
					.tablePrefix(this.prefix)
					.dialect(JdbcDialect.POSTGRESQL)
					.pollInterval(Duration.ofMillis(200))
					.build());
		try {
			CompletableFuture.runAsync(() -> store.start(context("instance-b", () -> {
			}))).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		}
		finally {
			opened.countDown();
			store.shutdown();
		}
	}

	@Test
	void connectionsThatDoNotUnwrapToTheDriverWakeTheSchedulerEveryPollIntervalInstead() throws Exception {
		Semaphore polls = new Semaphore(0);
		DataSource proxied = dataSource(PostgresConnectionIT::hidingTheDriver, () -> {
		});
		JdbcTaskStore store = new JdbcTaskStore(proxied,
				JdbcTaskStoreSettings.builder().tablePrefix(this.prefix).pollInterval(Duration.ofMillis(200)).build());
		store.start(context("instance-b", polls::release));
		try {
			assertThat(polls.tryAcquire(3, TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("woken up three times").isTrue();
		}
		finally {
			store.shutdown();
		}
	}

	/** The pool of this test's backends, each connection passed through {@code wrap}. */
	private DataSource dataSource(UnaryOperator<Connection> wrap, Gate gate) {
		return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { DataSource.class },
				(proxy, method, args) -> {
					if (method.getName().equals("getConnection")) {
						try {
							gate.pass();
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
							throw new SQLException("Interrupted waiting for a connection", ex);
						}
						return wrap.apply(this.dataSource.getConnection());
					}
					return invoke(method, this.dataSource, args);
				});
	}

	/** A connection like a proxy that does not let the driver's own connection out. */
	private static Connection hidingTheDriver(Connection connection) {
		return (Connection) Proxy.newProxyInstance(PostgresConnectionIT.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> switch (method.getName()) {
					case "isWrapperFor" -> false;
					case "unwrap" -> throw new SQLException("Not a wrapper");
					default -> invoke(method, connection, args);
				});
	}

	private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	/** What each call for a connection waits for. */
	@FunctionalInterface
	private interface Gate {

		void pass() throws InterruptedException;

	}

	/**
	 * A store that polls once an hour, so that the wake-ups these tests wait for come
	 * from notifications (and the listener's reconnection, which waits at most 5 s).
	 */
	private JdbcTaskStore newStore(HikariDataSource dataSource) {
		return new JdbcTaskStore(dataSource,
				JdbcTaskStoreSettings.builder().tablePrefix(this.prefix).pollInterval(Duration.ofHours(1)).build());
	}

	private static StoreContext context(String instanceId, Runnable wakeUp) {
		TaskFunctions functions = new TaskFunctions();
		functions.register("f", (context) -> null);
		return new StoreContext("durable", instanceId, new ControllableClock(NOW), functions, new TaskCodec(),
				(event) -> {
				}, wakeUp);
	}

	private static Task task(String id) {
		return Task.builder().id(id).function("f").trigger(Triggers.at(NOW)).store("durable").nextRunTime(NOW).build();
	}

	private <T> T retryOnStoreException(Supplier<T> call) {
		StoreException last = null;
		for (int attempt = 0; attempt <= this.dataSource.getMaximumPoolSize(); attempt++) {
			try {
				return call.get();
			}
			catch (StoreException ex) {
				last = ex;
			}
		}
		throw last;
	}

	private void awaitWakeUp() throws InterruptedException {
		assertThat(this.wakeUps.tryAcquire(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("woken up").isTrue();
	}

	private void awaitBackendWaitingForLock() throws Exception {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			try (Connection connection = this.admin.getConnection();
					PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM pg_stat_activity "
							+ "WHERE application_name = ? AND wait_event_type = 'Lock'")) {
				statement.setString(1, this.applicationName);
				try (ResultSet resultSet = statement.executeQuery()) {
					resultSet.next();
					if (resultSet.getInt(1) > 0) {
						return;
					}
				}
			}
			Thread.sleep(20);
		}
		throw new AssertionError("the store's backend never waited for the row lock");
	}

	private void execute(String sql) throws SQLException {
		try (Connection connection = this.admin.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
