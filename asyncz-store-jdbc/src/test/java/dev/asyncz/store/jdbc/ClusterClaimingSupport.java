package dev.asyncz.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import dev.asyncz.core.ControllableClock;
import dev.asyncz.store.DueTask;
import dev.asyncz.store.StoreContext;
import dev.asyncz.store.TaskCodec;
import dev.asyncz.store.jdbc.internal.TaskTable;
import dev.asyncz.task.TaskFunctions;
import dev.asyncz.task.TaskOptions;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several instances, each with its own connections and instance id, share one table and
 * claim from it at once: every row is handed out exactly once.
 */
abstract class ClusterClaimingSupport {

	private static final Instant NOW = Instant.parse("2031-03-14T15:09:26Z");

	private static final int ROWS = 10_000;

	private static final int INSTANCES = 3;

	private final String prefix = "k" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "_";

	private final List<HikariDataSource> dataSources = new ArrayList<>();

	private final List<JdbcTaskStore> stores = new ArrayList<>();

	/**
	 * The database's JDBC URL.
	 * @return the URL
	 */
	protected abstract String url();

	@BeforeEach
	void startInstances() throws SQLException {
		for (int i = 1; i <= INSTANCES; i++) {
			HikariDataSource dataSource = TestDataSources.pool(url(), "asyncz-cluster-" + i, null);
			dataSource.setMaximumPoolSize(3);
			this.dataSources.add(dataSource);
			JdbcTaskStore store = new JdbcTaskStore(dataSource,
					JdbcTaskStoreSettings.builder().tablePrefix(this.prefix).pollInterval(Duration.ZERO).build());
			this.stores.add(store);
		}
		this.stores.get(0).initializeSchema();
		insertOneShotRows();
		for (int i = 0; i < INSTANCES; i++) {
			this.stores.get(i).start(context("node-" + (i + 1)));
		}
	}

	@AfterEach
	void stopInstances() throws SQLException {
		this.stores.forEach(JdbcTaskStore::shutdown);
		try (Connection connection = this.dataSources.get(0).getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE " + this.prefix + "tasks");
		}
		this.dataSources.forEach(HikariDataSource::close);
	}

	@Test
	void instancesClaimingConcurrentlyClaimEveryRowExactlyOnce() throws Exception {
		Map<String, String> claimedBy = new ConcurrentHashMap<>();
		List<String> duplicates = new ArrayList<>();
		AtomicInteger claimed = new AtomicInteger();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(INSTANCES);
		try {
			List<Future<Integer>> workers = new ArrayList<>();
			for (int i = 0; i < INSTANCES; i++) {
				JdbcTaskStore store = this.stores.get(i);
				String node = "node-" + (i + 1);
				workers.add(pool.submit(() -> {
					start.await();
					int mine = 0;
					long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
					while (claimed.get() < ROWS && System.nanoTime() < deadline) {
						List<DueTask> batch = store.acquireDueTasks(NOW, 50);
						for (DueTask due : batch) {
							if (claimedBy.putIfAbsent(due.task().id(), node) != null) {
								synchronized (duplicates) {
									duplicates.add(due.task().id());
								}
							}
							store.complete(due.task());
						}
						mine += batch.size();
						claimed.addAndGet(batch.size());
					}
					return mine;
				}));
			}
			start.countDown();
			List<Integer> perInstance = new ArrayList<>();
			for (Future<Integer> worker : workers) {
				perInstance.add(worker.get(6, TimeUnit.MINUTES));
			}
			System.out.println("Rows claimed per instance: " + perInstance);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(duplicates).isEmpty();
		assertThat(claimed.get()).isEqualTo(ROWS);
		assertThat(claimedBy).hasSize(ROWS);
		assertThat(this.stores.get(0).count()).isZero();
	}

	private void insertOneShotRows() throws SQLException {
		TaskCodec codec = new TaskCodec();
		String arguments = codec.writeArguments("any", List.of(), Map.of());
		String trigger = codec.writeTrigger(Triggers.at(NOW));
		String options = codec.writeOptions(TaskOptions.STANDARD);
		String sql = "INSERT INTO " + this.prefix + "tasks (id, name, function_name, arguments_json, trigger_json, "
				+ "executor, options_json, next_run_time, state, version) "
				+ "VALUES (?, ?, 'f', ?, ?, 'default', ?, ?, 'SCHEDULED', 0)";
		JdbcDialect dialect = this.stores.get(0).dialect();
		TaskTable table = new TaskTable(dialect, this.prefix, Duration.ofSeconds(60));
		Set<String> ids = new HashSet<>();
		try (Connection connection = this.dataSources.get(0).getConnection();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			connection.setAutoCommit(false);
			for (int i = 0; i < ROWS; i++) {
				String id = "task-" + i;
				ids.add(id);
				statement.setString(1, id);
				statement.setString(2, id);
				statement.setString(3, arguments);
				statement.setString(4, trigger);
				statement.setString(5, options);
				table.bindInstant(statement, 6, NOW.minusMillis(i));
				statement.addBatch();
				if (i % 500 == 499) {
					statement.executeBatch();
				}
			}
			statement.executeBatch();
			connection.commit();
			connection.setAutoCommit(true);
		}
		assertThat(ids).hasSize(ROWS);
	}

	private static StoreContext context(String instanceId) {
		TaskFunctions functions = new TaskFunctions();
		functions.register("f", (context) -> null);
		return new StoreContext("durable", instanceId, new ControllableClock(NOW), functions, new TaskCodec(),
				(event) -> {
				}, () -> {
				});
	}

}
