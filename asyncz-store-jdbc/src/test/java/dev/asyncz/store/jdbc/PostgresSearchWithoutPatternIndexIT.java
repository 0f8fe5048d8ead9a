package dev.asyncz.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import dev.asyncz.store.StoreContext;
import dev.asyncz.store.TaskCodec;
import dev.asyncz.store.TaskSearch;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskFunctions;
import dev.asyncz.test.LocalServer;
import dev.asyncz.test.RequiresLocalServer;
import dev.asyncz.trigger.Triggers;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The id-prefix search on PostgreSQL is right on a table without a pattern index (the
 * shipped schema has none since its version 2 dropped {@code tasks_id_prefix_idx}; users
 * may create one for speed): the {@code LIKE} alone decides what matches, in the
 * database's own collation.
 */
@RequiresLocalServer(LocalServer.POSTGRESQL)
class PostgresSearchWithoutPatternIndexIT {

	private static final Instant NOW = Instant.parse("2031-03-14T15:09:26Z");

	private final String prefix = "n" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "_";

	private HikariDataSource dataSource;

	private JdbcTaskStore store;

	@BeforeEach
	void createTableWithoutThePatternIndex() throws SQLException {
		this.dataSource = TestDataSources.pool(LocalServer.POSTGRESQL.url(), "asyncz-no-pattern-index", null);
		this.store = new JdbcTaskStore(this.dataSource,
				JdbcTaskStoreSettings.builder().tablePrefix(this.prefix).build());
		this.store.initializeSchema();
		execute("DROP INDEX IF EXISTS " + this.prefix + "tasks_id_prefix_idx");
		TaskFunctions functions = new TaskFunctions();
		functions.register("f", (context) -> null);
		this.store.start(new StoreContext("default", "test", Clock.fixed(NOW, ZoneOffset.UTC), functions,
				new TaskCodec(), (event) -> {
				}, () -> {
				}));
	}

	@AfterEach
	void dropTable() throws SQLException {
		this.store.shutdown();
		execute("DROP TABLE " + this.prefix + "tasks");
		this.dataSource.close();
	}

	@Test
	void anIdPrefixFindsExactlyTheIdsStartingWithItInListingOrder() {
		List<String> ids = List.of("user-1:b", "user-1:a", "user-10:c", "user1:d", "User-1:e", "a%b", "axb", "a_c",
				"a!d", "a\\e");
		for (int i = 0; i < ids.size(); i++) {
			this.store.add(task(ids.get(i), NOW.plusSeconds(ids.size() - i)));
		}
		this.store.add(task("user-1:paused", null));
		assertThat(search("user-1:", 0)).containsExactly("user-1:a", "user-1:b", "user-1:paused");
		assertThat(search("user-1:", 1)).containsExactly("user-1:b", "user-1:paused");
		assertThat(search("user-1", 0)).containsExactly("user-10:c", "user-1:a", "user-1:b", "user-1:paused");
		assertThat(search("a%", 0)).containsExactly("a%b");
		assertThat(search("a_", 0)).containsExactly("a_c");
		assertThat(search("a!", 0)).containsExactly("a!d");
		assertThat(search("a\\", 0)).containsExactly("a\\e");
	}

	private List<String> search(String idPrefix, long offset) {
		return this.store.search(new TaskSearch(null, null, idPrefix, null, offset, 10))
			.tasks()
			.stream()
			.map(Task::id)
			.toList();
	}

	private static Task task(String id, @Nullable Instant nextRunTime) {
		return Task.builder()
			.id(id)
			.function("f")
			.trigger(Triggers.at((nextRunTime != null) ? nextRunTime : NOW))
			.store("default")
			.nextRunTime(nextRunTime)
			.build();
	}

	private void execute(String sql) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
