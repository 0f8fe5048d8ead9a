package dev.asyncz.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import dev.asyncz.store.TaskSearch;
import dev.asyncz.store.jdbc.internal.TaskTable;
import dev.asyncz.test.LocalServer;
import dev.asyncz.test.RequiresLocalServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store's hot queries are answered from the next-run-time index on PostgreSQL, not by
 * reading the whole table: the plans, with 50,000 rows of which few are due, say so.
 */
@RequiresLocalServer(LocalServer.POSTGRESQL)
class PostgresQueryPlanIT {

	private static final Instant NOW = Instant.parse("2031-03-14T15:09:26Z");

	private final String prefix = "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "_";

	private HikariDataSource dataSource;

	private TaskTable table;

	@BeforeEach
	void createLargeTable() throws SQLException {
		this.dataSource = TestDataSources.pool(LocalServer.POSTGRESQL.url(), "asyncz-plan", null);
		JdbcTaskStore store = new JdbcTaskStore(this.dataSource,
				JdbcTaskStoreSettings.builder().tablePrefix(this.prefix).build());
		store.initializeSchema();
		this.table = new TaskTable(JdbcDialect.POSTGRESQL, this.prefix, Duration.ofSeconds(60));
		// One row a minute from ten minutes before NOW: ten are due, the rest lie in the
		// future.
		execute("INSERT INTO " + this.table.name() + " (id, name, function_name, arguments_json, trigger_json, "
				+ "executor, options_json, next_run_time, state, version) "
				+ "SELECT 'task-' || i, 'task-' || i, 'f', '{\"args\":[],\"kwargs\":{}}', '{}', 'default', '{}', "
				+ "TIMESTAMPTZ '2031-03-14 15:09:26+00' + (i - 10) * INTERVAL '1 minute', 'SCHEDULED', 0 "
				+ "FROM generate_series(1, 50000) AS i");
		execute("ANALYZE " + this.table.name());
	}

	@AfterEach
	void dropTable() throws SQLException {
		execute("DROP TABLE " + this.table.name());
		this.dataSource.close();
	}

	@Test
	void dueTasksAreClaimedThroughTheIndex() throws SQLException {
		String plan = explain(this.table.selectDueForUpdate(), true);
		assertThat(plan).contains("Index Scan using " + this.prefix + "tasks_next_run_time_idx")
			.contains("LockRows")
			.doesNotContain("Seq Scan")
			.doesNotContain("Sort");
	}

	@Test
	void dueTasksAreClaimedInOneStatementThroughBothIndexes() throws SQLException {
		String plan = explain(this.table.claimDueReturningRows(), true);
		assertThat(plan).contains("Index Scan using " + this.prefix + "tasks_next_run_time_idx")
			.contains("Index Scan using " + this.prefix + "tasks_pkey")
			.contains("LockRows")
			.doesNotContain("Seq Scan")
			.doesNotContain("Sort");
	}

	@Test
	void nextRunTimeIsReadFromTheIndex() throws SQLException {
		String plan = explain(this.table.nextRunTime(), false);
		assertThat(plan).contains("Index Scan using " + this.prefix + "tasks_next_run_time_idx")
			.doesNotContain("Seq Scan");
	}

	@Test
	void nextWakeUpReadsOnlyTheIndex() throws SQLException {
		String plan = explain(this.table.nextWakeUp(), false);
		assertThat(plan).contains("Index Scan using " + this.prefix + "tasks_next_run_time_idx")
			.doesNotContain("Seq Scan");
	}

	@Test
	void theSchemaHasNoIdPrefixIndex() throws SQLException {
		assertThat(indexes()).containsExactlyInAnyOrder(this.prefix + "tasks_pkey",
				this.prefix + "tasks_next_run_time_idx");
	}

	@Test
	void aRareIdPrefixIsSearchedThroughTheOptInPatternIndexInAnyCollation() throws SQLException {
		// The index the version 2 script's comment offers, under the name it gives.
		execute("CREATE INDEX " + this.prefix + "tasks_id_search_idx ON " + this.table.name()
				+ " (id varchar_pattern_ops)");
		execute("ANALYZE " + this.table.name());
		String plan = explainSearch(new TaskSearch(null, null, "task-1234", null, 0, 25));
		assertThat(plan).contains("Index Scan using " + this.prefix + "tasks_id_search_idx").doesNotContain("Seq Scan");
	}

	@Test
	void aCommonIdPrefixWalksTheNextRunTimeIndexUntilThePageIsFull() throws SQLException {
		String plan = explainSearch(new TaskSearch(null, null, "task-", null, 0, 25));
		assertThat(plan).contains("Index Scan using " + this.prefix + "tasks_next_run_time_idx")
			.doesNotContain("Seq Scan")
			.doesNotContain("Sort");
	}

	private List<String> indexes() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection
					.prepareStatement("SELECT indexname FROM pg_indexes WHERE tablename = ?")) {
			statement.setString(1, this.table.name());
			List<String> names = new ArrayList<>();
			try (ResultSet resultSet = statement.executeQuery()) {
				while (resultSet.next()) {
					names.add(resultSet.getString(1));
				}
			}
			return names;
		}
	}

	private String explainSearch(TaskSearch search) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement("EXPLAIN " + this.table.search(search))) {
			statement.setString(1, search.idPrefix() + "%");
			statement.setInt(2, search.limit());
			statement.setLong(3, search.offset());
			return readPlan(statement);
		}
	}

	private String explain(String sql, boolean dueQuery) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement("EXPLAIN " + sql)) {
			if (sql.contains("MIN(lease_until)")) {
				this.table.bindInstant(statement, 1, NOW);
				statement.setString(2, "planner");
			}
			if (dueQuery) {
				this.table.bindInstant(statement, 1, NOW);
				statement.setInt(2, 100);
				if (sql.startsWith("WITH")) {
					statement.setString(3, "planner");
				}
			}
			return readPlan(statement);
		}
	}

	private static String readPlan(PreparedStatement statement) throws SQLException {
		StringBuilder plan = new StringBuilder();
		try (ResultSet resultSet = statement.executeQuery()) {
			while (resultSet.next()) {
				plan.append(resultSet.getString(1)).append('\n');
			}
		}
		System.out.println(plan);
		return plan.toString();
	}

	private void execute(String sql) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
