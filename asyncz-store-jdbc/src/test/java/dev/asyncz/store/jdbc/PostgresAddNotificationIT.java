package dev.asyncz.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.zaxxer.hikari.HikariDataSource;
import dev.asyncz.store.StoreContext;
import dev.asyncz.store.TaskCodec;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskFunctions;
import dev.asyncz.test.LocalServer;
import dev.asyncz.test.RequiresLocalServer;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which adds notify the other instances on PostgreSQL: those due before the other
 * instances' polls would find them, and no others. Notifications are read on a connection
 * of the test's own that listens on the table's channel; PostgreSQL delivers them in
 * commit order, so a later announced add proves that an earlier one sent none.
 */
@RequiresLocalServer(LocalServer.POSTGRESQL)
class PostgresAddNotificationIT {

	private static final Instant NOW = Instant.parse("2031-03-14T15:09:26Z");

	private static final Duration POLL = Duration.ofSeconds(5);

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final String prefix = "n" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "_";

	private final SteppingClock clock = new SteppingClock();

	private HikariDataSource dataSource;

	private Connection listener;

	private JdbcTaskStore store;

	@BeforeEach
	void startStoreAndListen() throws SQLException {
		this.dataSource = TestDataSources.pool(LocalServer.POSTGRESQL.url(), "asyncz-notify-" + this.prefix, null);
		this.store = newStore(POLL);
		this.store.initializeSchema();
		this.store.start(context(this.clock, () -> {
		}));
		this.listener = this.dataSource.getConnection();
		this.listener.setAutoCommit(true);
		try (Statement statement = this.listener.createStatement()) {
			statement.execute("LISTEN " + this.prefix + "tasks");
		}
	}

	@AfterEach
	void stopStore() throws SQLException {
		this.store.shutdown();
		this.listener.close();
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE " + this.prefix + "tasks");
		}
		this.dataSource.close();
	}

	@Test
	void taskDueWithinTwoPollIntervalsIsAnnounced() throws SQLException {
		this.store.add(task("soon", NOW.plus(POLL)));
		assertThat(awaitNotifications(1)).containsExactly("adder");
	}

	@Test
	void taskDueAfterTwoPollIntervalsIsNotAnnounced() throws SQLException {
		this.store.add(task("later", NOW.plus(POLL.multipliedBy(2))));
		this.store.add(task("next-week", NOW.plus(Duration.ofDays(7))));
		this.store.add(task("marker", NOW));
		assertThat(awaitNotifications(1)).containsExactly("adder");
		assertThat(this.store.count()).isEqualTo(3);
	}

	@Test
	void pausedTaskIsNotAnnounced() throws SQLException {
		this.store.add(Task.builder()
			.id("paused")
			.function("f")
			.trigger(Triggers.at(NOW))
			.store("durable")
			.nextRunTime(null)
			.build());
		this.store.add(task("marker", NOW));
		assertThat(awaitNotifications(1)).containsExactly("adder");
	}

	@Test
	void bulkAddIsAnnouncedOnceWhenAnyTaskIsDueWithinTheHorizon() throws SQLException {
		this.store.addAll(List.of(task("later", NOW.plus(Duration.ofDays(1))), task("soon", NOW.plusSeconds(1))));
		this.store.addAll(List.of(task("later-2", NOW.plus(Duration.ofDays(1)))));
		this.store.add(task("marker", NOW));
		assertThat(awaitNotifications(2)).containsExactly("adder", "adder");
	}

	@Test
	void taskThatCameWithinTheHorizonWhileItsInsertRanIsAnnouncedAfterIt() throws SQLException {
		// Outside the horizon when the add began, inside it once the insert committed a
		// poll interval later.
		this.clock.stepAfterNextRead(POLL);
		this.store.add(task("late-commit", NOW.plus(POLL.multipliedBy(2)).plusMillis(500)));
		assertThat(awaitNotifications(1)).containsExactly("adder");
	}

	@Test
	void withoutPollingEveryScheduledTaskIsAnnounced() throws SQLException {
		JdbcTaskStore unpolled = newStore(Duration.ZERO);
		unpolled.start(context(Clock.fixed(NOW, ZoneOffset.UTC), () -> {
		}));
		try {
			unpolled.add(task("next-year", NOW.plus(Duration.ofDays(365))));
			assertThat(awaitNotifications(1)).containsExactly("adder");
		}
		finally {
			unpolled.shutdown();
		}
	}

	@Test
	void storeWakesTheSchedulerEveryPollIntervalThoughNotificationsAreOn() throws InterruptedException {
		Semaphore wakeUps = new Semaphore(0);
		JdbcTaskStore polling = newStore(Duration.ofMillis(100));
		polling.start(context(Clock.fixed(NOW, ZoneOffset.UTC), wakeUps::release));
		try {
			// The listener wakes the scheduler once when it connects; the rest are polls.
			assertThat(wakeUps.tryAcquire(4, TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("woken by polls").isTrue();
		}
		finally {
			polling.shutdown();
		}
	}

	private JdbcTaskStore newStore(Duration pollInterval) {
		return new JdbcTaskStore(this.dataSource,
				JdbcTaskStoreSettings.builder().tablePrefix(this.prefix).pollInterval(pollInterval).build());
	}

	private static StoreContext context(Clock clock, Runnable wakeUp) {
		TaskFunctions functions = new TaskFunctions();
		functions.register("f", (context) -> null);
		return new StoreContext("durable", "adder", clock, functions, new TaskCodec(), (event) -> {
		}, wakeUp);
	}

	private static Task task(String id, Instant runAt) {
		return Task.builder()
			.id(id)
			.function("f")
			.trigger(Triggers.at(runAt))
			.store("durable")
			.nextRunTime(runAt)
			.build();
	}

	/**
	 * The payloads of the next {@code count} notifications, then of any that arrived with
	 * them.
	 */
	private List<String> awaitNotifications(int count) throws SQLException {
		PGConnection pg = this.listener.unwrap(PGConnection.class);
		List<String> payloads = new ArrayList<>();
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (payloads.size() < count && System.nanoTime() < deadline) {
			PGNotification[] notifications = pg.getNotifications(200);
			if (notifications != null) {
				for (PGNotification notification : notifications) {
					payloads.add(notification.getParameter());
				}
			}
		}
		return payloads;
	}

	/**
	 * A clock at {@link #NOW} that, once told to, steps forward right after its next
	 * read: time passing while a statement runs.
	 */
	private static final class SteppingClock extends Clock {

		private final AtomicReference<Instant> now = new AtomicReference<>(NOW);

		private final AtomicReference<Duration> pendingStep = new AtomicReference<>();

		void stepAfterNextRead(Duration step) {
			this.pendingStep.set(step);
		}

		@Override
		public Instant instant() {
			Instant read = this.now.get();
			Duration step = this.pendingStep.getAndSet(null);
			if (step != null) {
				this.now.set(read.plus(step));
			}
			return read;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
