package dev.asyncz.store.jdbc;

import javax.sql.DataSource;

/**
 * The shipped H2 schema scripts, on an in-memory H2 database.
 */
class H2ShippedSchemaTests extends ShippedSchemaContractTests {

	@Override
	protected DataSource dataSource() {
		return TestDataSources.shared("jdbc:h2:mem:asyncz-shipped-schema;DB_CLOSE_DELAY=-1", "h2-shipped-schema", null);
	}

	@Override
	protected JdbcDialect dialect() {
		return JdbcDialect.H2;
	}

}
