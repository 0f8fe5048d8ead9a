package dev.asyncz.store.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.asyncz.store.TaskQuery;
import dev.asyncz.store.TaskSearch;
import dev.asyncz.store.TaskState;
import dev.asyncz.store.jdbc.JdbcDialect;
import dev.asyncz.task.FireTimes;
import org.jspecify.annotations.Nullable;

/**
 * The SQL of one task table in one dialect, and how instants are bound and read there.
 * Every statement is built once from the validated table prefix; values are always bound
 * as parameters.
 *
 * <p>
 * Row states: {@code SCHEDULED} (has a next run time), {@code PAUSED} (has none),
 * {@code FAILED} (has none, and a failure in {@code failure_json}), {@code RUNNING}
 * (claimed until {@code lease_until}, judged by the database clock) and
 * {@code QUARANTINED} (unreadable, kept for people to inspect). Listings tell paused from
 * failed tasks by {@code failure_json}, not by the state, which is about claiming: a
 * retry waiting in a {@code SCHEDULED} row has a failure too.
 *
 * <p>
 * Times are bound and read at the microsecond, the precision of every dialect's timestamp
 * column: an instant with finer digits is cut, never rounded up, so a task is never due
 * before its time.
 */
public final class TaskTable {

	static final String COLUMNS = "id, name, function_name, arguments_json, trigger_json, executor, options_json, "
			+ "next_run_time, state, version, failure_json";

	/**
	 * {@link #COLUMNS} as a claiming {@code UPDATE … RETURNING} sees them before the
	 * claim: the state from the locking subquery {@code due}, the version one back.
	 */
	private static final String COLUMNS_BEFORE_CLAIM = Arrays.stream(COLUMNS.split(", "))
		.map((column) -> switch (column) {
			case "state" -> "due.state";
			case "version" -> "t.version - 1";
			default -> "t." + column;
		})
		.collect(Collectors.joining(", "));

	/**
	 * The states this store writes to rows that are not quarantined; any other state was
	 * written by someone else and cannot be trusted.
	 */
	static final String LIVE_STATES = "'SCHEDULED', 'PAUSED', 'FAILED', 'RUNNING'";

	/**
	 * The escape character of {@code LIKE} patterns: not a backslash, which MariaDB
	 * string literals would take as their own escape.
	 */
	static final char LIKE_ESCAPE = '!';

	private static final String WRITTEN_COLUMNS = "name = ?, function_name = ?, arguments_json = ?, trigger_json = ?, "
			+ "executor = ?, options_json = ?, next_run_time = ?, state = ?, failure_json = ?";

	private final JdbcDialect dialect;

	private final String table;

	private final String now;

	private final String leaseEnd;

	private final String claimable;

	/**
	 * Describes a table.
	 * @param dialect the database's dialect
	 * @param tablePrefix a validated identifier prefix
	 * @param lease how long a claim holds
	 */
	public TaskTable(JdbcDialect dialect, String tablePrefix, Duration lease) {
		this.dialect = dialect;
		this.table = tablePrefix + "tasks";
		long millis = lease.toMillis();
		this.now = switch (dialect) {
			case POSTGRESQL, H2 -> "CURRENT_TIMESTAMP";
			case MARIADB -> "UTC_TIMESTAMP(6)";
		};
		this.leaseEnd = switch (dialect) {
			case POSTGRESQL -> "CURRENT_TIMESTAMP + INTERVAL '" + millis + " milliseconds'";
			case H2 -> "DATEADD(MILLISECOND, " + millis + ", CURRENT_TIMESTAMP)";
			case MARIADB -> "TIMESTAMPADD(MICROSECOND, " + (millis * 1000) + ", UTC_TIMESTAMP(6))";
		};
		this.claimable = "(state = 'SCHEDULED' OR (state = 'RUNNING' AND lease_until < " + this.now + "))";
	}

	public JdbcDialect dialect() {
		return this.dialect;
	}

	/**
	 * The table's name.
	 * @return the prefixed name
	 */
	public String name() {
		return this.table;
	}

	/**
	 * The PostgreSQL notification channel of this table, lower case as {@code LISTEN}
	 * folds it.
	 * @return the channel name
	 */
	public String channel() {
		return this.table.toLowerCase(Locale.ROOT);
	}

	String insert() {
		return "INSERT INTO " + this.table + " (name, function_name, arguments_json, trigger_json, executor, "
				+ "options_json, next_run_time, state, failure_json, id, version) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)";
	}

	/**
	 * Inserts rows at version 0 from one array per column (PostgreSQL): the columns of
	 * {@link TaskRow#texts}, each as a text array, with the next run times as epoch
	 * microseconds after the first {@value TaskRow#TEXTS_BEFORE_TIME}. With
	 * {@code notify}, the same statement notifies the other instances, then with two more
	 * parameters (channel and payload): one round trip and one commit for both, and the
	 * notification is delivered only if the rows are committed.
	 * @param notify whether to notify the other instances too
	 * @return the statement
	 */
	String insertRows(boolean notify) {
		String insert = "INSERT INTO " + this.table + " (name, function_name, arguments_json, trigger_json, executor, "
				+ "options_json, next_run_time, state, failure_json, id, version) "
				+ "SELECT u.name, u.function_name, u.arguments_json, u.trigger_json, u.executor, u.options_json, "
				+ "TIMESTAMPTZ 'epoch' + u.micros * INTERVAL '1 microsecond', u.state, u.failure_json, u.id, 0 "
				+ "FROM unnest(CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]), "
				+ "CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS BIGINT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]), "
				+ "CAST(? AS TEXT[])) AS u(name, function_name, arguments_json, trigger_json, executor, options_json, "
				+ "micros, state, failure_json, id)";
		// A data-modifying WITH runs to completion whether or not the query reads it.
		return notify ? "WITH inserted AS (" + insert + " RETURNING 1) SELECT pg_notify(?, ?)" : insert;
	}

	/**
	 * Which of some ids have rows, quarantined or not.
	 * @param ids how many ids are bound
	 * @return the statement; parameters: the ids
	 */
	String existingIds(int ids) {
		return "SELECT id FROM " + this.table + " WHERE id IN (" + placeholders(ids) + ")";
	}

	String update(boolean atVersion) {
		return "UPDATE " + this.table + " SET " + WRITTEN_COLUMNS + ", claimed_by = NULL, lease_until = NULL, "
				+ "quarantine_reason = NULL, version = version + 1 WHERE id = ?"
				+ (atVersion ? " AND version = ?" : "");
	}

	String selectById() {
		return "SELECT " + COLUMNS + " FROM " + this.table + " WHERE id = ? AND state <> 'QUARANTINED'";
	}

	String exists() {
		return "SELECT 1 FROM " + this.table + " WHERE id = ?";
	}

	String deleteById() {
		return "DELETE FROM " + this.table + " WHERE id = ?";
	}

	String deleteClaimed() {
		return "DELETE FROM " + this.table + " WHERE id = ? AND claimed_by = ? AND version = ?";
	}

	/**
	 * Deletes claimed rows given as two arrays, ids and versions (PostgreSQL): one
	 * statement for any number of rows.
	 * @return the statement; parameters: owner, ids, versions
	 */
	String deleteClaimedRows() {
		return "DELETE FROM " + this.table + " WHERE claimed_by = ? AND (id, version) IN "
				+ "(SELECT * FROM unnest(CAST(? AS VARCHAR[]), CAST(? AS BIGINT[])))";
	}

	/**
	 * Deletes the rows in a state this store wrote: quarantined rows, and rows in a state
	 * nobody knows (quarantined when next read), are kept for people to inspect.
	 */
	String deleteAll() {
		return "DELETE FROM " + this.table + " WHERE state IN (" + LIVE_STATES + ")";
	}

	String count() {
		return "SELECT COUNT(*) FROM " + this.table + " WHERE state IN (" + LIVE_STATES + ")";
	}

	/**
	 * The earliest next run time over claimable rows.
	 * @return the statement
	 */
	public String nextRunTime() {
		return "SELECT MIN(next_run_time) FROM " + this.table + " WHERE " + this.claimable;
	}

	/**
	 * When to look again: the earliest next run time over claimable rows, the earliest
	 * end of a lease that other instances hold and that has not run out, and the
	 * database's clock (leases are timed by it). The lease scan walks the next-run-time
	 * index up to now only: a claimed row came due before it was claimed.
	 * @return the statement; parameters: now, this instance's id
	 */
	public String nextWakeUp() {
		return "SELECT (" + nextRunTime() + "), (SELECT MIN(lease_until) FROM " + this.table
				+ " WHERE next_run_time <= ? AND state = 'RUNNING' AND claimed_by <> ? AND lease_until >= " + this.now
				+ "), " + this.now;
	}

	/**
	 * Locks the earliest due, claimable rows, skipping rows other transactions hold.
	 * @return the statement; parameters: now, limit
	 */
	public String selectDueForUpdate() {
		return "SELECT " + COLUMNS + " FROM " + this.table + " WHERE next_run_time <= ? AND " + this.claimable
				+ " ORDER BY next_run_time LIMIT ? FOR UPDATE SKIP LOCKED";
	}

	/**
	 * Locks and claims the earliest due, claimable rows in one statement (PostgreSQL),
	 * returning each row as it was before the claim, like {@link #selectDueForUpdate()}
	 * does: one round trip and one pass over the rows instead of a read and a batch of
	 * updates. The returned order is not the claiming order.
	 * @return the statement; parameters: now, limit, owner
	 */
	public String claimDueReturningRows() {
		return "WITH due AS (SELECT id, state FROM " + this.table + " WHERE next_run_time <= ? AND " + this.claimable
				+ " ORDER BY next_run_time LIMIT ? FOR UPDATE SKIP LOCKED) UPDATE " + this.table
				+ " AS t SET state = 'RUNNING', claimed_by = ?, lease_until = " + this.leaseEnd
				+ ", version = t.version + 1 FROM due WHERE t.id = due.id RETURNING " + COLUMNS_BEFORE_CLAIM;
	}

	String claim() {
		return "UPDATE " + this.table + " SET state = 'RUNNING', claimed_by = ?, lease_until = " + this.leaseEnd
				+ ", version = version + 1 WHERE id = ? AND version = ?";
	}

	String claimedVersions(int ids) {
		return "SELECT id, version FROM " + this.table + " WHERE claimed_by = ? AND state = 'RUNNING' AND id IN ("
				+ placeholders(ids) + ")";
	}

	String renew(int ids) {
		return "UPDATE " + this.table + " SET lease_until = " + this.leaseEnd
				+ " WHERE claimed_by = ? AND state = 'RUNNING' AND id IN (" + placeholders(ids) + ")";
	}

	/**
	 * Quarantines a row as it was read: one that was quarantined or rewritten since is
	 * left alone, so each quarantine is counted once.
	 * @return the statement; parameters: reason, time, id, version
	 */
	String quarantine() {
		return "UPDATE " + this.table + " SET state = 'QUARANTINED', quarantine_reason = ?, quarantined_at = ?, "
				+ "claimed_by = NULL, lease_until = NULL, version = version + 1 "
				+ "WHERE id = ? AND version = ? AND state <> 'QUARANTINED'";
	}

	String selectQuarantined() {
		return "SELECT " + COLUMNS + " FROM " + this.table + " WHERE id = ? AND state = 'QUARANTINED'";
	}

	/**
	 * A page of quarantined rows by id: id, reason, time and the characters of stored
	 * JSON.
	 * @return the statement; parameters: limit, offset
	 */
	String listQuarantined() {
		return "SELECT id, quarantine_reason, quarantined_at, COALESCE(CHAR_LENGTH(arguments_json), 0) "
				+ "+ COALESCE(CHAR_LENGTH(trigger_json), 0) + COALESCE(CHAR_LENGTH(options_json), 0) "
				+ "+ COALESCE(CHAR_LENGTH(failure_json), 0) FROM " + this.table
				+ " WHERE state = 'QUARANTINED' ORDER BY id LIMIT ? OFFSET ?";
	}

	String countQuarantined() {
		return "SELECT COUNT(*) FROM " + this.table + " WHERE state = 'QUARANTINED'";
	}

	/**
	 * Takes a row out of quarantine into the state its data now reads as, unless it
	 * changed since it was read.
	 * @return the statement; parameters: state, id, version
	 */
	String restore() {
		return "UPDATE " + this.table + " SET state = ?, quarantine_reason = NULL, quarantined_at = NULL, "
				+ "version = version + 1 WHERE id = ? AND version = ? AND state = 'QUARANTINED'";
	}

	/**
	 * Keeps a row in quarantine with a new reason.
	 * @return the statement; parameters: reason, id
	 */
	String requarantine() {
		return "UPDATE " + this.table + " SET quarantine_reason = ? WHERE id = ? AND state = 'QUARANTINED'";
	}

	String deleteQuarantined() {
		return "DELETE FROM " + this.table + " WHERE id = ? AND state = 'QUARANTINED'";
	}

	/**
	 * The rows in a state this store never writes.
	 * @return the statement
	 */
	String selectUnknownStates() {
		return "SELECT " + COLUMNS + " FROM " + this.table + " WHERE state NOT IN (" + LIVE_STATES + ", 'QUARANTINED')";
	}

	String list(TaskQuery query) {
		StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS)
			.append(" FROM ")
			.append(this.table)
			.append(" WHERE state <> 'QUARANTINED'");
		if (query.function() != null) {
			sql.append(" AND function_name = ?");
		}
		if (query.state() == TaskState.SCHEDULED) {
			sql.append(" AND next_run_time IS NOT NULL");
		}
		else if (query.state() == TaskState.PAUSED) {
			sql.append(" AND next_run_time IS NULL AND failure_json IS NULL");
		}
		else if (query.state() == TaskState.FAILED) {
			sql.append(" AND next_run_time IS NULL AND failure_json IS NOT NULL");
		}
		return sql.append(listingOrder()).append(" LIMIT ? OFFSET ?").toString();
	}

	/**
	 * A page of an operator's search: every filter a {@code WHERE} clause, in listing
	 * order. The id prefix is a {@code LIKE} with {@link #LIKE_ESCAPE} on the primary
	 * key, which MariaDB ({@code utf8mb4_bin}) and H2 answer from the key's index;
	 * PostgreSQL's key index serves a prefix {@code LIKE} only under the {@code C}
	 * collation, so there the search walks the next-run-time index (or reads a pattern
	 * index that the user created, as the version 2 script describes).
	 * @param search the filters and paging
	 * @return the statement; parameters: the function, the id pattern and the name
	 * pattern where set, then limit and offset
	 */
	public String search(TaskSearch search) {
		StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS)
			.append(" FROM ")
			.append(this.table)
			.append(" WHERE ")
			.append((search.status() != null) ? hasStatus(search.status()) : "state IN (" + LIVE_STATES + ")");
		if (search.function() != null) {
			sql.append(" AND function_name = ?");
		}
		if (search.idPrefix() != null) {
			sql.append(" AND id LIKE ? ESCAPE '").append(LIKE_ESCAPE).append("'");
		}
		if (search.name() != null) {
			sql.append(" AND LOWER(name) LIKE ? ESCAPE '").append(LIKE_ESCAPE).append("'");
		}
		return sql.append(listingOrder()).append(" LIMIT ? OFFSET ?").toString();
	}

	/**
	 * The rows that are not quarantined, counted by search status in one pass.
	 * @return the statement; columns: the status's name, the count
	 */
	String countByStatus() {
		String status = "CASE WHEN state IN ('SCHEDULED', 'RUNNING') THEN state "
				+ "WHEN failure_json IS NULL THEN 'PAUSED' ELSE 'FAILED' END";
		return "SELECT " + status + ", COUNT(*) FROM " + this.table + " WHERE state IN (" + LIVE_STATES + ") GROUP BY "
				+ status;
	}

	/**
	 * A {@code LIKE} pattern matching what starts with {@code prefix} and nothing else:
	 * {@code %}, {@code _} and the escape character itself stand for themselves.
	 * @param prefix the literal prefix
	 * @return the pattern, for {@code ESCAPE} {@link #LIKE_ESCAPE}
	 */
	static String startsWith(String prefix) {
		return escapeLike(prefix) + "%";
	}

	/**
	 * A {@code LIKE} pattern matching what contains {@code part}, as
	 * {@link #startsWith(String)} escapes it.
	 * @param part the literal part
	 * @return the pattern
	 */
	static String contains(String part) {
		return "%" + escapeLike(part) + "%";
	}

	private static String escapeLike(String literal) {
		StringBuilder escaped = new StringBuilder(literal.length() + 8);
		for (char c : literal.toCharArray()) {
			if (c == LIKE_ESCAPE || c == '%' || c == '_') {
				escaped.append(LIKE_ESCAPE);
			}
			escaped.append(c);
		}
		return escaped.toString();
	}

	/**
	 * A condition on the row's state: running and scheduled rows say so; paused and
	 * failed ones are told apart by their failure, as listings tell them.
	 */
	private static String hasStatus(TaskSearch.Status status) {
		return switch (status) {
			case SCHEDULED -> "state = 'SCHEDULED'";
			case RUNNING -> "state = 'RUNNING'";
			case PAUSED -> "state IN ('PAUSED', 'FAILED') AND failure_json IS NULL";
			case FAILED -> "state IN ('PAUSED', 'FAILED') AND failure_json IS NOT NULL";
		};
	}

	private String listingOrder() {
		return switch (this.dialect) {
			case POSTGRESQL, H2 -> " ORDER BY next_run_time NULLS LAST, id";
			case MARIADB -> " ORDER BY next_run_time IS NULL, next_run_time, id";
		};
	}

	/**
	 * Binds an instant as the column's native timestamp type: an offset date-time where
	 * the column keeps a zone, a UTC local date-time in MariaDB's {@code DATETIME}; cut
	 * to the microsecond.
	 * @param statement the statement
	 * @param index the parameter index
	 * @param value the instant, or {@code null}
	 * @throws SQLException if binding fails
	 */
	public void bindInstant(PreparedStatement statement, int index, @Nullable Instant value) throws SQLException {
		// Cut here rather than left to the driver: PostgreSQL's rounds from half a
		// microsecond up, which would make a task due up to half a microsecond early.
		Instant instant = FireTimes.truncate(value);
		if (this.dialect == JdbcDialect.MARIADB) {
			if (instant == null) {
				statement.setNull(index, Types.TIMESTAMP);
			}
			else {
				statement.setObject(index, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
			}
		}
		else if (instant == null) {
			statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
		}
		else {
			statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
		}
	}

	/**
	 * Reads an instant bound by {@link #bindInstant}.
	 * @param resultSet the result set
	 * @param column the column index
	 * @return the instant, or {@code null}
	 * @throws SQLException if reading fails
	 */
	public @Nullable Instant readInstant(ResultSet resultSet, int column) throws SQLException {
		if (this.dialect == JdbcDialect.MARIADB) {
			LocalDateTime value = resultSet.getObject(column, LocalDateTime.class);
			return (value != null) ? value.toInstant(ZoneOffset.UTC) : null;
		}
		OffsetDateTime value = resultSet.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	static String placeholders(int count) {
		return String.join(", ", Collections.nCopies(count, "?"));
	}

}
