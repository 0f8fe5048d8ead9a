package dev.asyncz.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

import dev.asyncz.test.LocalServer;
import dev.asyncz.test.RequiresLocalServer;

/**
 * The shipped PostgreSQL schema scripts, on PostgreSQL; the table's storage options
 * ({@code fillfactor}) are compared too.
 */
@RequiresLocalServer(LocalServer.POSTGRESQL)
class PostgresShippedSchemaIT extends ShippedSchemaContractTests {

	@Override
	protected DataSource dataSource() {
		return TestDataSources.shared(LocalServer.POSTGRESQL.url(), "asyncz-shipped-schema-postgresql", null);
	}

	@Override
	protected JdbcDialect dialect() {
		return JdbcDialect.POSTGRESQL;
	}

	@Override
	protected List<String> tableOptions(Connection connection, String table) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT array_to_string(reloptions, ',') FROM pg_class WHERE relname = ?")) {
			statement.setString(1, table);
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return List.of(String.valueOf(rows.getString(1)));
			}
		}
	}

}
