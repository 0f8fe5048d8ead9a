package dev.asyncz.benchmarks.durable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Connection pools and the few statements the harness itself runs on PostgreSQL.
 */
final class Postgres {

	private Postgres() {
	}

	/**
	 * A pool of the size every subject gets.
	 * @param settings the database and pool size
	 * @param name names the pool and the connections ({@code application_name})
	 * @return the pool
	 */
	static HikariDataSource pool(DurableSettings settings, String name) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(settings.jdbcUrl());
		dataSource.setPoolName(name);
		dataSource.setMaximumPoolSize(settings.poolSize());
		dataSource.setMinimumIdle(1);
		dataSource.addDataSourceProperty("ApplicationName", name);
		return dataSource;
	}

	/**
	 * Runs statements in auto-commit mode.
	 * @param dataSource the database
	 * @param statements the SQL
	 */
	static void execute(DataSource dataSource, List<String> statements) {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Statement failed: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Runs a query returning one number.
	 * @param dataSource the database
	 * @param sql the query
	 * @param parameters bound in order
	 * @return the number in the first column of the first row
	 */
	static long queryLong(DataSource dataSource, String sql, Object... parameters) {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			try (ResultSet resultSet = statement.executeQuery()) {
				resultSet.next();
				return resultSet.getLong(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Query '" + sql + "' failed: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Tidies tables up (VACUUM ANALYZE) and measures them with their indexes and TOAST.
	 * @param dataSource the database
	 * @param tables the table names
	 * @return the total size in bytes
	 */
	static long totalSize(DataSource dataSource, List<String> tables) {
		execute(dataSource, tables.stream().map((table) -> "VACUUM ANALYZE " + table).toList());
		long bytes = 0;
		for (String table : tables) {
			bytes += queryLong(dataSource, "SELECT pg_total_relation_size(?::regclass)", table);
		}
		return bytes;
	}

}
