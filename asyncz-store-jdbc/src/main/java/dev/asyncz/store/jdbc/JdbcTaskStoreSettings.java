package dev.asyncz.store.jdbc;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

import dev.asyncz.store.WriteFormat;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link JdbcTaskStore} uses its database. Build with {@link #builder()}; every
 * value is checked when built.
 *
 * @param tablePrefix starts the name of every table and index, e.g. {@code asyncz_}; a
 * letter, then letters, digits or underscores, at most 30 characters
 * @param dialect the database's dialect, or {@code null} to detect it from the connection
 * @param leaseDuration how long a claim holds without renewal; a claim whose holder
 * stopped renewing for this long is handed out again. Renewed every third of it while a
 * run is in progress
 * @param pollInterval how often the scheduler is woken to look for tasks that other
 * instances added: on databases without notifications (all but PostgreSQL) every such
 * task, on PostgreSQL those due more than two poll intervals after they were added (the
 * others are announced with {@code NOTIFY}); zero turns polling off, and then every
 * scheduled task is announced on PostgreSQL
 * @param claimBatchSize the most tasks one claiming statement takes
 * @param writeFormat how rows are written: {@link WriteFormat#COMPACT compact}, or
 * {@link WriteFormat#FULL full} while instances of a version before the compact form
 * share the table; rows in either form are read
 */
public record JdbcTaskStoreSettings(String tablePrefix, @Nullable JdbcDialect dialect, Duration leaseDuration,
		Duration pollInterval, int claimBatchSize, WriteFormat writeFormat) {

	/** The default table prefix. */
	public static final String DEFAULT_TABLE_PREFIX = "asyncz_";

	/** The default lease duration. */
	public static final Duration DEFAULT_LEASE_DURATION = Duration.ofSeconds(60);

	/** The default poll interval. */
	public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);

	/** The default claim batch size. */
	public static final int DEFAULT_CLAIM_BATCH_SIZE = 100;

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,29}");

	public JdbcTaskStoreSettings {
		Objects.requireNonNull(tablePrefix, "tablePrefix");
		Objects.requireNonNull(leaseDuration, "leaseDuration");
		Objects.requireNonNull(pollInterval, "pollInterval");
		Objects.requireNonNull(writeFormat, "writeFormat");
		if (!IDENTIFIER.matcher(tablePrefix).matches()) {
			throw new JdbcStoreSettingsException("Table prefix '" + tablePrefix
					+ "' is not allowed: use a letter, then letters, digits or underscores, at most 30 characters");
		}
		if (leaseDuration.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new JdbcStoreSettingsException("Lease duration must be at least 1s, was " + leaseDuration);
		}
		if (pollInterval.isNegative()) {
			throw new JdbcStoreSettingsException("Poll interval must not be negative, was " + pollInterval);
		}
		if (claimBatchSize < 1 || claimBatchSize > 1000) {
			throw new JdbcStoreSettingsException("Claim batch size must be between 1 and 1000, was " + claimBatchSize);
		}
	}

	/**
	 * The defaults: prefix {@code asyncz_}, detected dialect, 60s lease, 5s poll, batches
	 * of 100, compact rows.
	 * @return the default settings
	 */
	public static JdbcTaskStoreSettings defaults() {
		return builder().build();
	}

	/**
	 * A builder starting from the defaults.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builds {@link JdbcTaskStoreSettings}.
	 */
	public static final class Builder {

		private String tablePrefix = DEFAULT_TABLE_PREFIX;

		private @Nullable JdbcDialect dialect;

		private Duration leaseDuration = DEFAULT_LEASE_DURATION;

		private Duration pollInterval = DEFAULT_POLL_INTERVAL;

		private int claimBatchSize = DEFAULT_CLAIM_BATCH_SIZE;

		private WriteFormat writeFormat = WriteFormat.COMPACT;

		private Builder() {
		}

		/**
		 * Sets the table prefix.
		 * @param tablePrefix a letter, then letters, digits or underscores
		 * @return this builder
		 */
		public Builder tablePrefix(String tablePrefix) {
			this.tablePrefix = tablePrefix;
			return this;
		}

		/**
		 * Forces a dialect instead of detecting it.
		 * @param dialect the dialect, or {@code null} to detect
		 * @return this builder
		 */
		public Builder dialect(@Nullable JdbcDialect dialect) {
			this.dialect = dialect;
			return this;
		}

		/**
		 * Sets the lease duration.
		 * @param leaseDuration at least one second
		 * @return this builder
		 */
		public Builder leaseDuration(Duration leaseDuration) {
			this.leaseDuration = leaseDuration;
			return this;
		}

		/**
		 * Sets the poll interval.
		 * @param pollInterval zero or more; zero turns polling off
		 * @return this builder
		 */
		public Builder pollInterval(Duration pollInterval) {
			this.pollInterval = pollInterval;
			return this;
		}

		/**
		 * Sets the claim batch size.
		 * @param claimBatchSize between 1 and 1000
		 * @return this builder
		 */
		public Builder claimBatchSize(int claimBatchSize) {
			this.claimBatchSize = claimBatchSize;
			return this;
		}

		/**
		 * Sets how rows are written.
		 * @param writeFormat {@link WriteFormat#FULL} while instances of a version before
		 * the compact form share the table, else {@link WriteFormat#COMPACT}
		 * @return this builder
		 */
		public Builder writeFormat(WriteFormat writeFormat) {
			this.writeFormat = writeFormat;
			return this;
		}

		/**
		 * Checks the values and builds the settings.
		 * @return the settings
		 * @throws JdbcStoreSettingsException naming the first bad value
		 */
		public JdbcTaskStoreSettings build() {
			return new JdbcTaskStoreSettings(this.tablePrefix, this.dialect, this.leaseDuration, this.pollInterval,
					this.claimBatchSize, this.writeFormat);
		}

	}

}
