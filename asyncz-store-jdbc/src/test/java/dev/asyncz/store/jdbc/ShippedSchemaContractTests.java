package dev.asyncz.store.jdbc;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;

import dev.asyncz.store.StoreContext;
import dev.asyncz.store.TaskCodec;
import dev.asyncz.store.jdbc.internal.SchemaScript;
import dev.asyncz.store.jdbc.internal.TaskTable;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskFunctions;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The versioned schema scripts shipped for Flyway and Liquibase create the very table
 * that {@link JdbcTaskStore#initializeSchema()} creates, as the database itself describes
 * both: columns (name, type, size, nullability, default), primary key, indexes,
 * constraints and table options. Each test works in tables of its own random prefixes and
 * drops only those.
 */
abstract class ShippedSchemaContractTests {

	private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);

	private final String initializedPrefix = "si" + this.suffix + "_";

	private final String migratedPrefix = "sm" + this.suffix + "_";

	/**
	 * The database under test.
	 * @return a pooled data source
	 */
	protected abstract DataSource dataSource();

	/**
	 * The dialect whose scripts run.
	 * @return the dialect
	 */
	protected abstract JdbcDialect dialect();

	/**
	 * What the database says of a table beyond columns, keys and indexes, such as its
	 * storage options.
	 * @param connection a connection
	 * @param table the table's name as created (lower case)
	 * @return the options, in a stable order
	 * @throws SQLException if the catalog cannot be read
	 */
	protected List<String> tableOptions(Connection connection, String table) throws SQLException {
		return List.of();
	}

	@AfterEach
	void dropTables() throws SQLException {
		try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE IF EXISTS " + this.initializedPrefix + "tasks");
			statement.execute("DROP TABLE IF EXISTS " + this.migratedPrefix + "tasks");
		}
	}

	@Test
	void shippedScriptsCreateTheSameTableAsSchemaInitialisation() throws Exception {
		new JdbcTaskStore(dataSource(), JdbcTaskStoreSettings.builder().tablePrefix(this.initializedPrefix).build())
			.initializeSchema();
		runShippedScripts(this.migratedPrefix);
		TableShape initialized = shape(this.initializedPrefix);
		TableShape migrated = shape(this.migratedPrefix);
		assertThat(initialized.columns()).as("columns").isNotEmpty();
		assertThat(migrated).isEqualTo(initialized);
	}

	@Test
	void aVersionOneTableUpgradedBySchemaInitialisationHasTheCurrentShapeAndKeepsItsRows() throws Exception {
		// A table as version 1 left it, holding a row in the form that version wrote.
		Instant runAt = Instant.parse("2031-03-14T15:09:26Z");
		try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
			for (String sql : SchemaScript.statements(dialect().migrationLocation() + "/V1__asyncz_tables.sql",
					this.initializedPrefix)) {
				statement.execute(sql);
			}
		}
		try (Connection connection = dataSource().getConnection();
				PreparedStatement insert = connection.prepareStatement("INSERT INTO " + this.initializedPrefix
						+ "tasks (id, name, function_name, arguments_json, trigger_json, executor, options_json, "
						+ "next_run_time, state, version) VALUES ('old', 'old', 'f', "
						+ "'{\"args\":[\"a\"],\"kwargs\":{}}', '{\"type\":\"date\",\"runAt\":\"" + runAt
						+ "\"}', 'default', '{\"coalesce\":true,\"maxInstances\":1,\"misfireGraceTime\":\"PT1M\","
						+ "\"misfirePolicy\":\"RUN_IF_WITHIN_GRACE\"}', ?, 'SCHEDULED', 0)")) {
			new TaskTable(dialect(), this.initializedPrefix, Duration.ofMinutes(1)).bindInstant(insert, 1, runAt);
			insert.executeUpdate();
		}
		JdbcTaskStore store = new JdbcTaskStore(dataSource(),
				JdbcTaskStoreSettings.builder().tablePrefix(this.initializedPrefix).build());
		store.initializeSchema();
		runShippedScripts(this.migratedPrefix);
		assertThat(shape(this.initializedPrefix)).isEqualTo(shape(this.migratedPrefix));
		TaskFunctions functions = new TaskFunctions();
		store.start(new StoreContext("durable", "reader", Clock.fixed(runAt, ZoneOffset.UTC), functions,
				new TaskCodec(), (event) -> {
				}, () -> {
				}));
		try {
			assertThat(store.get("old")).contains(Task.builder()
				.id("old")
				.function("f")
				.args(List.of("a"))
				.trigger(Triggers.at(runAt))
				.store("durable")
				.nextRunTime(runAt)
				.build());
		}
		finally {
			store.shutdown();
		}
	}

	@Test
	void schemaInitialisationBuildsNoIndexThatALaterScriptDrops() {
		List<String> statements = SchemaScript.statements(dialect(), "asyncz_");
		assertThat(statements)
			.noneMatch((sql) -> sql.contains("CREATE INDEX IF NOT EXISTS asyncz_tasks_id_prefix_idx"));
	}

	@Test
	void schemaInitialisationRunsEveryShippedVersion() throws Exception {
		assertThat(SchemaScript.migrations(dialect())).containsExactlyElementsOf(shippedScripts());
	}

	/**
	 * The version scripts in the dialect's migration location, in Flyway's order, found
	 * as Flyway finds them: by listing the location, in the jar when the tests run
	 * against it.
	 */
	private List<String> shippedScripts() throws IOException, URISyntaxException {
		URL location = getClass().getClassLoader().getResource(dialect().migrationLocation());
		assertThat(location).as(dialect().migrationLocation()).isNotNull();
		URI uri = location.toURI();
		if (!uri.getScheme().equals("jar")) {
			return versionScripts(Path.of(uri));
		}
		try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
			return versionScripts(jar.provider().getPath(uri));
		}
	}

	private static List<String> versionScripts(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.matches("V\\d+__.+\\.sql"))
				.sorted((a, b) -> Integer.compare(version(a), version(b)))
				.toList();
		}
	}

	private static int version(String script) {
		return Integer.parseInt(script.substring(1, script.indexOf("__")));
	}

	private void runShippedScripts(String prefix) throws Exception {
		try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
			for (String script : shippedScripts()) {
				for (String sql : SchemaScript.statements(dialect().migrationLocation() + "/" + script, prefix)) {
					statement.execute(sql);
				}
			}
		}
	}

	private TableShape shape(String prefix) throws SQLException {
		String table = prefix + "tasks";
		try (Connection connection = dataSource().getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			String stored = metaData.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
			String pattern = stored.replace("_", metaData.getSearchStringEscape() + "_");
			return new TableShape(columns(metaData, connection, pattern), primaryKey(metaData, connection, stored),
					indexes(metaData, connection, stored, prefix), constraints(connection, table, prefix),
					tableOptions(connection, table));
		}
	}

	private static List<String> columns(DatabaseMetaData metaData, Connection connection, String pattern)
			throws SQLException {
		List<String> columns = new ArrayList<>();
		try (ResultSet rows = metaData.getColumns(connection.getCatalog(), connection.getSchema(), pattern, "%")) {
			while (rows.next()) {
				columns.add(rows.getInt("ORDINAL_POSITION") + " "
						+ rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT) + " " + rows.getString("TYPE_NAME")
						+ "(" + rows.getInt("COLUMN_SIZE") + "," + rows.getInt("DECIMAL_DIGITS") + ") nullable="
						+ rows.getString("IS_NULLABLE") + " default=" + rows.getString("COLUMN_DEF"));
			}
		}
		columns.sort((a, b) -> Integer.compare(Integer.parseInt(a.substring(0, a.indexOf(' '))),
				Integer.parseInt(b.substring(0, b.indexOf(' ')))));
		return columns;
	}

	private static List<String> primaryKey(DatabaseMetaData metaData, Connection connection, String table)
			throws SQLException {
		Map<Integer, String> columns = new TreeMap<>();
		try (ResultSet rows = metaData.getPrimaryKeys(connection.getCatalog(), connection.getSchema(), table)) {
			while (rows.next()) {
				columns.put(rows.getInt("KEY_SEQ"), rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
			}
		}
		return List.copyOf(columns.values());
	}

	private static Map<String, String> indexes(DatabaseMetaData metaData, Connection connection, String table,
			String prefix) throws SQLException {
		Map<String, Map<Integer, String>> columns = new TreeMap<>();
		Map<String, Boolean> unique = new TreeMap<>();
		try (ResultSet rows = metaData.getIndexInfo(connection.getCatalog(), connection.getSchema(), table, false,
				false)) {
			while (rows.next()) {
				String name = rows.getString("INDEX_NAME");
				if (name == null) {
					continue;
				}
				String key = generalName(name, prefix);
				unique.put(key, !rows.getBoolean("NON_UNIQUE"));
				columns.computeIfAbsent(key, (ignored) -> new TreeMap<>())
					.put((int) rows.getShort("ORDINAL_POSITION"), rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT)
							+ " " + rows.getString("ASC_OR_DESC"));
			}
		}
		Map<String, String> indexes = new TreeMap<>();
		columns.forEach((name, byPosition) -> indexes.put(name,
				(unique.get(name) ? "unique " : "") + String.join(", ", byPosition.values())));
		return indexes;
	}

	private static List<String> constraints(Connection connection, String table, String prefix) throws SQLException {
		List<String> constraints = new ArrayList<>();
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT constraint_name, constraint_type FROM information_schema.table_constraints "
					+ "WHERE LOWER(table_name) = ?")) {
			statement.setString(1, table);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					constraints.add(rows.getString(2) + " " + generalName(rows.getString(1), prefix));
				}
			}
		}
		constraints.sort(null);
		return constraints;
	}

	/**
	 * A name without the table prefix; a name the database generated (one that does not
	 * start with the prefix, such as H2's {@code PRIMARY_KEY_2}) differs from table to
	 * table, so only its kind is compared.
	 */
	private static String generalName(String name, String prefix) {
		String lower = name.toLowerCase(Locale.ROOT);
		if (lower.startsWith(prefix)) {
			return lower.substring(prefix.length());
		}
		return lower.equals("primary") ? lower : "(generated by the database)";
	}

	/**
	 * What a table looks like to the database.
	 *
	 * @param columns each column's position, name, type, size, nullability and default
	 * @param primaryKey the primary key's columns in order
	 * @param indexes by name without the prefix: uniqueness and columns in order
	 * @param constraints type and name without the prefix
	 * @param options the dialect's table options
	 */
	record TableShape(List<String> columns, List<String> primaryKey, Map<String, String> indexes,
			List<String> constraints, List<String> options) {

	}

}
