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

	/**
	 * The versioned scripts of every dialect, oldest first. A released script is never
	 * edited: a new column comes in a new script as a plain
	 * {@code ALTER TABLE … ADD COLUMN}, which {@link #addedColumn} recognises so that it
	 * runs only where the column is missing.
	 */
	public static final List<String> MIGRATIONS = List.of("V1__asyncz_tables.sql");

	private static final String SCRIPT_PREFIX = "asyncz_";

	private static final Pattern ADD_COLUMN = Pattern
		.compile("(?is)ALTER\\s+TABLE\\s+(\\w+)\\s+ADD\\s+COLUMN\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)\\s.*");

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
		for (String migration : MIGRATIONS) {
			statements.addAll(statements(dialect.migrationLocation() + "/" + migration, tablePrefix));
		}
		statements.addAll(
				statements("dev/asyncz/store/jdbc/pre-release-columns-" + dialect.platform() + ".sql", tablePrefix));
		return statements;
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
