package dev.asyncz.benchmarks.durable;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;

import javax.sql.DataSource;

/**
 * Clones rows that a library's own API wrote, for seeding where that API stores one task
 * per round trip or several: one {@code INSERT … SELECT} per chunk copies every column of
 * a template row and takes only the per-task values (ids, times) from arrays. The stored
 * rows are then exactly what the API writes, at a fraction of the seeding time.
 */
final class TemplateRows {

	/** Tasks per statement. */
	static final int CHUNK = 5000;

	private TemplateRows() {
	}

	/**
	 * Runs one cloning statement per chunk.
	 * @param dataSource the database
	 * @param sql the statement; its parameters are the arrays, in order
	 * @param columns per-task values, one array per parameter, with the SQL element type
	 * of each
	 * @param types the SQL element type of each array ({@code varchar}, {@code int8})
	 * @param count how many tasks
	 */
	static void insert(DataSource dataSource, String sql, Object[][] columns, String[] types, int count) {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (PreparedStatement statement = connection.prepareStatement(sql)) {
				for (int from = 0; from < count; from += CHUNK) {
					int to = Math.min(count, from + CHUNK);
					for (int column = 0; column < columns.length; column++) {
						Object[] values = Arrays.copyOfRange(columns[column], from, to);
						Array array = connection.createArrayOf(types[column], values);
						statement.setArray(column + 1, array);
					}
					statement.executeUpdate();
				}
			}
			connection.commit();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Seeding by template failed: " + ex.getMessage(), ex);
		}
	}

}
