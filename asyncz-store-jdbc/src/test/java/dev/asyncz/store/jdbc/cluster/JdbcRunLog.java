package dev.asyncz.store.jdbc.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import dev.asyncz.task.TaskContext;
import dev.asyncz.test.cluster.RunLog;
import dev.asyncz.test.cluster.RunRecord;

/**
 * A run log in three tables beside the store's: {@code <prefix>runs}, whose unique
 * constraint on (task id, fire time) is the ground truth for "ran once",
 * {@code <prefix>duplicates} for the runs it refused, and {@code <prefix>starts}. Times
 * are epoch microseconds, so one schema fits every database.
 */
final class JdbcRunLog implements RunLog {

	private static final String COLUMNS = "task_id VARCHAR(255) NOT NULL, fire_time BIGINT NOT NULL, "
			+ "node VARCHAR(64) NOT NULL, recorded_at BIGINT NOT NULL";

	private final DataSource dataSource;

	private final String prefix;

	private final AutoCloseable pool;

	JdbcRunLog(DataSource dataSource, String prefix, AutoCloseable pool) {
		this.dataSource = dataSource;
		this.prefix = prefix;
		this.pool = pool;
	}

	static void createTables(DataSource dataSource, String prefix) throws SQLException {
		execute(dataSource, "CREATE TABLE " + prefix + "runs (" + COLUMNS + ", CONSTRAINT " + prefix
				+ "runs_once UNIQUE (task_id, fire_time))");
		execute(dataSource, "CREATE TABLE " + prefix + "duplicates (" + COLUMNS + ")");
		execute(dataSource, "CREATE TABLE " + prefix + "starts (" + COLUMNS + ")");
	}

	static void dropTables(DataSource dataSource, String prefix) throws SQLException {
		for (String table : List.of("runs", "duplicates", "starts", "tasks")) {
			execute(dataSource, "DROP TABLE IF EXISTS " + prefix + table);
		}
	}

	static List<RunRecord> read(DataSource dataSource, String table) {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT task_id, fire_time, node, recorded_at FROM " + table)) {
			List<RunRecord> records = new ArrayList<>();
			while (rows.next()) {
				records.add(new RunRecord(rows.getString(1), micros(rows.getLong(2)), rows.getString(3),
						micros(rows.getLong(4))));
			}
			return records;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read " + table, ex);
		}
	}

	@Override
	public void started(TaskContext context, String node) {
		insert("starts", context, node);
	}

	@Override
	public void ran(TaskContext context, String node) {
		try {
			insert("runs", context, node);
		}
		catch (IllegalStateException ex) {
			if (ex.getCause() instanceof SQLException sql && sql.getSQLState() != null
					&& sql.getSQLState().startsWith("23")) {
				insert("duplicates", context, node);
				throw new IllegalStateException(
						"Task '" + context.taskId() + "' already ran for " + context.scheduledRunTime(), sql);
			}
			throw ex;
		}
	}

	@Override
	public void close() {
		try {
			this.pool.close();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not close the run log's pool", ex);
		}
	}

	private void insert(String table, TaskContext context, String node) {
		String sql = "INSERT INTO " + this.prefix + table
				+ " (task_id, fire_time, node, recorded_at) VALUES (?, ?, ?, ?)";
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, context.taskId());
			statement.setLong(2, ChronoUnit.MICROS.between(Instant.EPOCH, context.scheduledRunTime()));
			statement.setString(3, node);
			statement.setLong(4, ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()));
			statement.executeUpdate();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not write to " + this.prefix + table, ex);
		}
	}

	private static Instant micros(long micros) {
		return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
	}

	private static void execute(DataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
