package dev.asyncz.autoconfigure.jdbc;

import dev.asyncz.autoconfigure.ClaimingStoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * The keys of a store of type {@code jdbc}, under {@code asyncz.stores.<name>}.
 */
public class JdbcStoreProperties extends ClaimingStoreProperties {

	/**
	 * Name of the DataSource bean a jdbc store uses. Unset means the application's
	 * DataSource.
	 */
	private @Nullable String dataSource;

	/**
	 * Prefix of the tables of a jdbc store.
	 */
	private String tablePrefix = "asyncz_";

	/**
	 * When a jdbc store creates its tables.
	 */
	private InitializeSchema initializeSchema = InitializeSchema.EMBEDDED;

	public @Nullable String getDataSource() {
		return this.dataSource;
	}

	public void setDataSource(@Nullable String dataSource) {
		this.dataSource = dataSource;
	}

	public String getTablePrefix() {
		return this.tablePrefix;
	}

	public void setTablePrefix(String tablePrefix) {
		this.tablePrefix = tablePrefix;
	}

	public InitializeSchema getInitializeSchema() {
		return this.initializeSchema;
	}

	public void setInitializeSchema(InitializeSchema initializeSchema) {
		this.initializeSchema = initializeSchema;
	}

	/**
	 * When a jdbc store creates its tables.
	 */
	public enum InitializeSchema {

		/**
		 * Only for an embedded, in-memory database (H2, HSQLDB, Derby); not for a file
		 * database.
		 */
		EMBEDDED,

		/**
		 * Always, when the tables do not exist.
		 */
		ALWAYS,

		/**
		 * Never: the tables are managed elsewhere (Flyway, Liquibase, a DBA).
		 */
		NEVER

	}

}
