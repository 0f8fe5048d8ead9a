package dev.asyncz.store.jdbc;

import java.util.Locale;

/**
 * The databases the JDBC store speaks to. Each has its own versioned schema scripts,
 * shipped in the jar for Flyway or Liquibase migrations.
 */
public enum JdbcDialect {

	/** PostgreSQL; wake-ups across instances travel by LISTEN/NOTIFY. */
	POSTGRESQL("postgresql"),

	/** MariaDB 10.6 or later, and MySQL 8 or later. */
	MARIADB("mariadb"),

	/**
	 * H2 2.x, for development and tests; concurrent claimers take turns rather than
	 * share.
	 */
	H2("h2");

	private final String platform;

	JdbcDialect(String platform) {
		this.platform = platform;
	}

	/**
	 * The platform name used in the schema scripts' location.
	 * @return e.g. {@code postgresql}
	 */
	public String platform() {
		return this.platform;
	}

	/**
	 * The class path directory of the versioned schema scripts, named as Flyway expects
	 * ({@code V1__asyncz_tables.sql}, later {@code V2__…}), for Flyway's
	 * {@code locations} or Liquibase's {@code sqlFile}. The store's
	 * {@link JdbcTaskStore#initializeSchema()} runs the same scripts. Their tables start
	 * with {@code asyncz_}; replace that prefix when copying them for another table
	 * prefix.
	 * @return e.g. {@code dev/asyncz/store/jdbc/schema/postgresql}
	 */
	public String migrationLocation() {
		return "dev/asyncz/store/jdbc/schema/" + this.platform;
	}

	/**
	 * Recognises a database from the product name its JDBC driver reports.
	 * @param productName {@link java.sql.DatabaseMetaData#getDatabaseProductName()}
	 * @return the dialect
	 * @throws JdbcStoreSettingsException if the database is not supported
	 */
	public static JdbcDialect fromProductName(String productName) {
		String name = productName.toLowerCase(Locale.ROOT);
		if (name.contains("postgresql")) {
			return POSTGRESQL;
		}
		if (name.contains("mariadb") || name.contains("mysql")) {
			return MARIADB;
		}
		if (name.equals("h2")) {
			return H2;
		}
		throw new JdbcStoreSettingsException("The JDBC task store does not support database '" + productName
				+ "'; supported are PostgreSQL, MariaDB, MySQL and H2");
	}

}
