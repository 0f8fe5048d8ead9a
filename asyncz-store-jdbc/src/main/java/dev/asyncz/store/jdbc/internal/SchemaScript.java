package dev.asyncz.store.jdbc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.asyncz.store.StoreException;
import dev.asyncz.store.jdbc.JdbcDialect;

/**
 * A dialect's schema, read from the class path with its {@code asyncz_} prefix replaced:
 * the versioned scripts that Flyway and Liquibase users run, in order, then the columns
 * that tables created before the first release lack.
 */
public final class SchemaScript {

	private static final String V1 = "V1__asyncz_tables.sql";

	private static final String SCRIPT_PREFIX = "asyncz_";

	private static final Pattern ADD_COLUMN = Pattern
		.compile("(?is)ALTER\\s+TABLE\\s+(\\w+)\\s+ADD\\s+COLUMN\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)\\s.*");

	private static final Pattern CREATE_INDEX = Pattern
		.compile("(?is)CREATE\\s+INDEX\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)\\s.*");

	private static final Pattern DROP_INDEX = Pattern.compile("(?is)DROP\\s+INDEX\\s+(?:IF\\s+EXISTS\\s+)?(\\w+)");

	private SchemaScript() {
	}

	/**
	 * The schema's statements for a table prefix: those of the versioned scripts, then
	 * those adding the columns that pre-release tables lack.
	 * @param dialect whose schema
	 * @param tablePrefix a validated identifier prefix
	 * @return the statements, without comments or terminating semicolons
	 */
	public static List<String> statements(JdbcDialect dialect, String tablePrefix) {
		List<String> statements = new ArrayList<>();
		for (String migration : migrations(dialect)) {
			statements.addAll(statements(dialect.migrationLocation() + "/" + migration, tablePrefix));
		}
		statements.addAll(
				statements("dev/asyncz/store/jdbc/pre-release-columns-" + dialect.platform() + ".sql", tablePrefix));
		return withoutIndexesDroppedLater(statements);
	}

	/**
	 * The versioned scripts of a dialect, oldest first. A released script is never
	 * edited: a new column comes in a new script as a plain
	 * {@code ALTER TABLE … ADD COLUMN}, which {@link #addedColumn} recognises so that it
	 * runs only where the column is missing, and an index that goes comes as a
	 * {@code DROP INDEX IF EXISTS}.
	 * @param dialect whose scripts
	 * @return the script file names
	 */
	public static List<String> migrations(JdbcDialect dialect) {
		return switch (dialect) {
			case POSTGRESQL -> List.of(V1, "V2__asyncz_drop_id_prefix_index.sql");
			case MARIADB, H2 -> List.of(V1);
		};
	}

	/**
	 * Leaves out the creation of an index that a later statement drops: schema
	 * initialisation runs every script each time, and would otherwise build such an index
	 * on a table that lacks it (all of a large table's rows, holding writes) only to drop
	 * it again. The drop stays, for tables an earlier version made.
	 */
	private static List<String> withoutIndexesDroppedLater(List<String> statements) {
		List<String> kept = new ArrayList<>(statements.size());
		for (int i = 0; i < statements.size(); i++) {
			Matcher created = CREATE_INDEX.matcher(statements.get(i));
			if (!created.matches() || !droppedAfter(statements, i, created.group(1))) {
				kept.add(statements.get(i));
			}
		}
		return kept;
	}

	private static boolean droppedAfter(List<String> statements, int index, String indexName) {
		for (String later : statements.subList(index + 1, statements.size())) {
			Matcher dropped = DROP_INDEX.matcher(later);
			if (dropped.matches() && dropped.group(1).equalsIgnoreCase(indexName)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The statements of one script for a table prefix.
	 * @param location the script's class path location
	 * @param tablePrefix a validated identifier prefix
	 * @return the statements, without comments or terminating semicolons
	 */
	public static List<String> statements(String location, String tablePrefix) {
		String script = read(location).replace(SCRIPT_PREFIX, tablePrefix);
		List<String> statements = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : script.split("\n")) {
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("--")) {
				continue;
			}
			current.append(line).append('\n');
			if (trimmed.endsWith(";")) {
				statements.add(current.substring(0, current.lastIndexOf(";")).strip());
				current.setLength(0);
			}
		}
		if (!current.isEmpty()) {
			statements.add(current.toString().strip());
		}
		return statements;
	}

	/**
	 * The column a statement adds to an existing table, if it is an
	 * {@code ALTER TABLE … ADD COLUMN}.
	 * @param statement a statement of the script
	 * @return the table and column, or empty for any other statement
	 */
	public static Optional<AddedColumn> addedColumn(String statement) {
		Matcher matcher = ADD_COLUMN.matcher(statement);
		return matcher.matches() ? Optional.of(new AddedColumn(matcher.group(1), matcher.group(2))) : Optional.empty();
	}

	private static String read(String location) {
		try (InputStream in = SchemaScript.class.getClassLoader().getResourceAsStream(location)) {
			if (in == null) {
				throw new StoreException("Schema script " + location + " is missing from the class path");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new StoreException("Cannot read schema script " + location, ex);
		}
	}

	/**
	 * A column that a script statement adds to a table created by an earlier version.
	 *
	 * @param table the table
	 * @param column the column
	 */
	public record AddedColumn(String table, String column) {

		/**
		 * A query that succeeds exactly when the table has the column, reading no row.
		 * @return the statement
		 */
		public String probe() {
			return "SELECT " + this.column + " FROM " + this.table + " WHERE 1 = 0";
		}

	}

}
