package dev.asyncz.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import dev.asyncz.test.LocalServer;
import dev.asyncz.test.RequiresLocalServer;

/**
 * The shipped MariaDB schema scripts, on MariaDB; the table's engine and collation, and
 * each column's character set and collation, are compared too.
 */
@RequiresLocalServer(LocalServer.MARIADB)
class MariaDbShippedSchemaIT extends ShippedSchemaContractTests {

	@Override
	protected DataSource dataSource() {
		return TestDataSources.shared(LocalServer.MARIADB.url(), "asyncz-shipped-schema-mariadb", null);
	}

	@Override
	protected JdbcDialect dialect() {
		return JdbcDialect.MARIADB;
	}

	@Override
	protected List<String> tableOptions(Connection connection, String table) throws SQLException {
		List<String> options = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement("SELECT engine, table_collation "
				+ "FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?")) {
			statement.setString(1, table);
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				options.add("engine=" + rows.getString(1) + " collation=" + rows.getString(2));
			}
		}
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT column_name, column_type, character_set_name, collation_name "
					+ "FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ? "
					+ "ORDER BY ordinal_position")) {
			statement.setString(1, table);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					options.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3) + " "
							+ rows.getString(4));
				}
			}
		}
		return options;
	}

}
