package dev.asyncz.store.jdbc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.asyncz.store.StoreException;
import dev.asyncz.store.jdbc.JdbcDialect;

/**
 * A dialect's schema script, read from the class path with its {@code asyncz_} prefix
 * replaced.
 */
public final class SchemaScript {

	private static final String SCRIPT_PREFIX = "asyncz_";

	private SchemaScript() {
	}

	/**
	 * The script's statements for a table prefix.
	 * @param dialect whose script
	 * @param tablePrefix a validated identifier prefix
	 * @return the statements, without comments or terminating semicolons
	 */
	public static List<String> statements(JdbcDialect dialect, String tablePrefix) {
		String script = read(dialect.schemaLocation()).replace(SCRIPT_PREFIX, tablePrefix);
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

}
