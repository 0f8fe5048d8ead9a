package dev.asyncz.store.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import dev.asyncz.store.CorruptTaskException;
import dev.asyncz.store.StoreException;
import dev.asyncz.store.TaskCodec;
import dev.asyncz.store.TaskQuery;
import dev.asyncz.store.TaskSearch;
import dev.asyncz.store.jdbc.JdbcDialect;
import dev.asyncz.task.ConflictingIdException;
import dev.asyncz.task.FireTimes;
import dev.asyncz.task.Task;
import org.jspecify.annotations.Nullable;

/**
 * The statements of the JDBC store, each in its own unit of work.
 */
public final class TaskRepository {

	/**
	 * How long after a lease's end a wake-up for it comes, so that the row is claimable.
	 */
	private static final Duration LEASE_END_MARGIN = Duration.ofMillis(10);

	private static final int MAX_REASON_LENGTH = 1000;

	private static final String UNREADABLE = "unreadable";

	private static final int RENEW_CHUNK = 500;

	/** The most rows one insert statement or batch of {@link #insertAll} writes. */
	private static final int INSERT_CHUNK = 1000;

	private final JdbcAccess jdbc;

	private final TaskTable table;

	/**
	 * Creates a repository.
	 * @param jdbc how connections are borrowed
	 * @param table the table's SQL
	 */
	public TaskRepository(JdbcAccess jdbc, TaskTable table) {
		this.jdbc = jdbc;
		this.table = table;
	}

	public TaskTable table() {
		return this.table;
	}

	/**
	 * Inserts a task at version 0.
	 * @param task the task
	 * @param codec writes its JSON columns
	 * @throws ConflictingIdException if the id is taken (the database's unique constraint
	 * says so)
	 */
	public void insert(Task task, TaskCodec codec) {
		this.jdbc.callerWrite("add task '" + task.id() + "'", (connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(this.table.insert())) {
				TaskRow.bind(statement, this.table, codec, task);
				statement.executeUpdate();
			}
			catch (SQLException ex) {
				if (isIntegrityViolation(ex)) {
					throw new ConflictingIdException(task.id());
				}
				throw ex;
			}
			return null;
		});
	}

	/**
	 * Inserts tasks at version 0 in one transaction (the caller's, if it has one), in
	 * chunks of {@value #INSERT_CHUNK} rows: all of them or, when the database refuses
	 * one, none. On PostgreSQL each chunk is one statement, and up to a chunk goes in one
	 * statement without an explicit transaction.
	 * @param tasks the tasks
	 * @param codec writes their JSON columns
	 * @param notification on PostgreSQL, the payload to notify the other instances with
	 * in the same transaction, or {@code null} not to notify them
	 * @throws ConflictingIdException naming a taken id (or one that two of the tasks
	 * share)
	 */
	public void insertAll(List<Task> tasks, TaskCodec codec, @Nullable String notification) {
		boolean postgres = this.table.dialect() == JdbcDialect.POSTGRESQL;
		String what = "add " + tasks.size() + ((tasks.size() == 1) ? " task" : " tasks");
		JdbcAccess.Work<Void> work = (connection) -> {
			for (int from = 0; from < tasks.size(); from += INSERT_CHUNK) {
				int to = Math.min(tasks.size(), from + INSERT_CHUNK);
				List<Task> chunk = tasks.subList(from, to);
				if (postgres) {
					insertRows(connection, chunk, codec, (to == tasks.size()) ? notification : null);
				}
				else {
					insertBatch(connection, chunk, codec);
				}
			}
			return null;
		};
		try {
			if (postgres && tasks.size() <= INSERT_CHUNK) {
				this.jdbc.callerWrite(what, work);
			}
			else {
				this.jdbc.callerTransaction(what, work);
			}
		}
		catch (StoreException ex) {
			if (isIntegrityViolation(ex.getCause())) {
				throw conflict(tasks, ex);
			}
			throw ex;
		}
	}

	private void insertRows(Connection connection, List<Task> chunk, TaskCodec codec, @Nullable String notification)
			throws SQLException {
		int texts = TaskRow.texts(codec, chunk.get(0)).length;
		String[][] columns = new String[texts][chunk.size()];
		Long[] micros = new Long[chunk.size()];
		for (int row = 0; row < chunk.size(); row++) {
			Task task = chunk.get(row);
			@Nullable String[] values = TaskRow.texts(codec, task);
			for (int column = 0; column < texts; column++) {
				columns[column][row] = values[column];
			}
			Instant next = FireTimes.truncate(task.nextRunTime());
			micros[row] = (next != null) ? ChronoUnit.MICROS.between(Instant.EPOCH, next) : null;
		}
		try (PreparedStatement statement = connection.prepareStatement(this.table.insertRows(notification != null))) {
			int parameter = 1;
			for (int column = 0; column < texts; column++) {
				if (column == TaskRow.TEXTS_BEFORE_TIME) {
					statement.setArray(parameter++, connection.createArrayOf("bigint", micros));
				}
				statement.setArray(parameter++, connection.createArrayOf("text", columns[column]));
			}
			if (notification != null) {
				statement.setString(parameter++, this.table.channel());
				statement.setString(parameter, notification);
			}
			statement.execute();
		}
	}

	private void insertBatch(Connection connection, List<Task> chunk, TaskCodec codec) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(this.table.insert())) {
			for (Task task : chunk) {
				TaskRow.bind(statement, this.table, codec, task);
				statement.addBatch();
			}
			statement.executeBatch();
		}
	}

	/**
	 * What a refused insert of several tasks ran into: the first of them whose id has a
	 * row, else the first id two of them share, else the database's own failure.
	 */
	private RuntimeException conflict(List<Task> tasks, StoreException failure) {
		Set<String> taken = new HashSet<>();
		for (int from = 0; from < tasks.size(); from += INSERT_CHUNK) {
			List<Task> chunk = tasks.subList(from, Math.min(tasks.size(), from + INSERT_CHUNK));
			taken.addAll(this.jdbc.callerRead("look up " + chunk.size() + " task ids", (connection) -> {
				try (PreparedStatement statement = connection.prepareStatement(this.table.existingIds(chunk.size()))) {
					for (int i = 0; i < chunk.size(); i++) {
						statement.setString(i + 1, chunk.get(i).id());
					}
					List<String> ids = new ArrayList<>();
					try (ResultSet resultSet = statement.executeQuery()) {
						while (resultSet.next()) {
							ids.add(resultSet.getString(1));
						}
					}
					return ids;
				}
			}));
		}
		Set<String> seen = new HashSet<>();
		for (Task task : tasks) {
			if (taken.contains(task.id())) {
				return new ConflictingIdException(task.id());
			}
			if (!seen.add(task.id())) {
				return ConflictingIdException.twiceInOneCall(task.id());
			}
		}
		return failure;
	}

	/**
	 * Overwrites a task, ending any claim on it.
	 * @param task the new value
	 * @param codec writes its JSON columns
	 * @param version the version the row must still have, or {@code null} to overwrite
	 * any version
	 * @return whether a row was written
	 */
	public boolean update(Task task, TaskCodec codec, @Nullable Long version) {
		// A version means the scheduler's own release, which never joins a caller's
		// transaction; without one it is a caller's change.
		JdbcAccess.Work<Boolean> work = (connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(this.table.update(version != null))) {
				int next = TaskRow.bind(statement, this.table, codec, task);
				if (version != null) {
					statement.setLong(next, version);
				}
				return statement.executeUpdate() > 0;
			}
		};
		String what = "update task '" + task.id() + "'";
		return (version != null) ? this.jdbc.autoCommit(what, work) : this.jdbc.callerWrite(what, work);
	}

	/**
	 * Whether a row with this id exists, quarantined or not.
	 * @param id the task id
	 * @return true if it exists
	 */
	public boolean exists(String id) {
		return this.jdbc.autoCommit("look up task '" + id + "'", (connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(this.table.exists())) {
				statement.setString(1, id);
				try (ResultSet resultSet = statement.executeQuery()) {
					return resultSet.next();
				}
			}
		});
	}

	/**
	 * Reads a row that is not quarantined.
	 * @param id the task id
	 * @return the row, or empty
	 */
	public Optional<TaskRow> find(String id) {
		return this.jdbc.callerRead("read task '" + id + "'", (connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(this.table.selectById())) {
				statement.setString(1, id);
				return readRows(statement).stream().findFirst();
			}
		});
	}

	/**
	 * Deletes a row.
	 * @param id the task id
	 * @return whether a row was deleted
	 */
	public boolean delete(String id) {
		return this.jdbc.callerWrite("remove task '" + id + "'", (connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(this.table.deleteById())) {
				statement.setString(1, id);
				return statement.executeUpdate() > 0;
			}
		});
	}

	/**
	 * Deletes a row only while {@code owner} still holds the claim at {@code version}.
	 * @param id the task id
	 * @param owner the claim holder
	 * @param version the row version the claim produced
	 * @return whether the row was deleted
	 */
	public boolean deleteClaimed(String id, String owner, long version) {
		return this.jdbc.autoCommit("complete task '" + id + "'", (connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(this.table.deleteClaimed())) {
				statement.setString(1, id);
				statement.setString(2, owner);
				statement.setLong(3, version);
				return statement.executeUpdate() > 0;
			}
		});
	}

	/**
	 * Deletes claimed rows in one transaction, each only while {@code owner} still holds
	 * its claim at the version it produced. One statement batch and one commit, however
	 * many rows: the commit is what a completion costs.
	 * @param owner the claim holder
	 * @param completions the rows
	 */
	public void deleteClaimed(String owner, List<Completion> completions) {
		if (completions.size() == 1) {
			Completion only = completions.get(0);
			deleteClaimed(only.id(), owner, only.version());
			return;
		}
		if (this.table.dialect() == JdbcDialect.POSTGRESQL) {
			deleteClaimedRows(owner, completions);
			return;
		}
		this.jdbc.transaction("complete " + completions.size() + " tasks", (connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(this.table.deleteClaimed())) {
				for (Completion completion : completions) {
					statement.setString(1, completion.id());
					statement.setString(2, owner);
					statement.setLong(3, completion.version());
					statement.addBatch();
				}
				statement.executeBatch();
			}
			return null;
		});
	}

	private void deleteClaimedRows(String owner, List<Completion> completions) {
		String[] ids = new String[completions.size()];
		Long[] versions = new Long[completions.size()];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = completions.get(i).id();
			versions[i] = completions.get(i).version();
		}
		this.jdbc.autoCommit("complete " + ids.length + " tasks", (connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(this.table.deleteClaimedRows())) {
				statement.setString(1, owner);
				statement.setArray(2, connection.createArrayOf("varchar", ids));
				statement.setArray(3, connection.createArrayOf("bigint", versions));
				statement.executeUpdate();
			}
			return null;
		});
	}

	/**
	 * Deletes every row that is not quarantined.
	 */
	public void deleteAll() {
		this.jdbc.callerWrite("remove all tasks", (connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(this.table.deleteAll())) {
				return statement.executeUpdate();
			}
		});
	}

	/**
	 * Counts rows that are not quarantined.
	 * @return the count
	 */
	public long count() {
		return this.jdbc.autoCommit("count tasks", (connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(this.table.count());
					ResultSet resultSet = statement.executeQuery()) {
				resultSet.next();
				return resultSet.getLong(1);
			}
		});
	}

	/**
	 * When the scheduler should look at the table again: the earliest next run time over
	 * claimable rows, or the moment the earliest lease another instance holds runs out
	 * (its row becomes claimable then, and no notification will say so), whichever comes
	 * first.
	 * @param now the scheduler's time
	 * @param owner this instance, whose own leases do not count
	 * @return the time, or empty if nothing is scheduled or leased
	 */
	public Optional<Instant> nextWakeUp(Instant now, String owner) {
		return this.jdbc.autoCommit("find the next run time", (connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(this.table.nextWakeUp())) {
				this.table.bindInstant(statement, 1, now);
				statement.setString(2, owner);
				try (ResultSet resultSet = statement.executeQuery()) {
					if (!resultSet.next()) {
						return Optional.empty();
					}
					Instant next = this.table.readInstant(resultSet, 1);
					Instant leaseEnd = this.table.readInstant(resultSet, 2);
					Instant databaseNow = this.table.readInstant(resultSet, 3);
					if (leaseEnd == null || databaseNow == null) {
						return Optional.ofNullable(next);
					}
					// The lease is timed by the database's clock: carried over to the
					// scheduler's as a duration, a little after it ends ("<" in claims).
					Duration left = Duration.between(databaseNow, leaseEnd).plus(LEASE_END_MARGIN);
					Instant leaseWakeUp = now.plus(left.isNegative() ? Duration.ZERO : left);
					return Optional.of((next == null || leaseWakeUp.isBefore(next)) ? leaseWakeUp : next);
				}
			}
		});
	}

	/**
	 * Reads a page of rows that are not quarantined.
	 * @param query filters and paging
	 * @return the rows, in listing order
	 */
	public List<TaskRow> list(TaskQuery query) {
		return this.jdbc.autoCommit("list tasks", (connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(this.table.list(query))) {
				int index = 1;
				if (query.function() != null) {
					statement.setString(index++, query.function());
				}
				statement.setInt(index++, query.limit());
				statement.setLong(index, query.offset());
				return readRows(statement);
			}
		});
	}

	/**
	 * Reads a page of an operator's search, every filter applied by the database.
	 * @param search the filters and paging
	 * @return the rows, in listing order
	 */
	public List<TaskRow> search(TaskSearch search) {
		return this.jdbc.autoCommit("search tasks", (connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(this.table.search(search))) {
				int index = 1;
				if (search.function() != null) {
					statement.setString(index++, search.function());
				}
				if (search.idPrefix() != null) {
					statement.setString(index++, TaskTable.startsWith(search.idPrefix()));
				}
				if (search.name() != null) {
					statement.setString(index++, TaskTable.contains(search.name()));
				}
				statement.setInt(index++, search.limit());
				statement.setLong(index, search.offset());
				return readRows(statement);
			}
		});
	}

	/**
	 * Counts the rows that are not quarantined by search status, in one query.
	 * @return the counts, every status present
	 */
	public Map<TaskSearch.Status, Long> countByStatus() {
		return this.jdbc.autoCommit("count tasks by status", (connection) -> {
			Map<TaskSearch.Status, Long> counts = new EnumMap<>(TaskSearch.Status.class);
			for (TaskSearch.Status status : TaskSearch.Status.values()) {
				counts.put(status, 0L);
			}
			try (PreparedStatement statement = connection.prepareStatement(this.table.countByStatus());
					ResultSet resultSet = statement.executeQuery()) {
				while (resultSet.next()) {
					counts.put(TaskSearch.Status.valueOf(resultSet.getString(1).trim()), resultSet.getLong(2));
				}
			}
			return counts;
		});
	}

	/**
	 * Claims the earliest due rows for {@code owner} in one transaction. Rows that
	 * {@code decoder} rejects are quarantined in the same transaction. Nothing is
	 * returned unless it committed.
	 * @param now due rows have a next run time at or before this
	 * @param limit the most rows to claim
	 * @param owner the claiming instance
	 * @param decoder turns a row into a task, or throws {@link CorruptTaskException}
	 * @return the claimed and the quarantined rows
	 */
	public Claims claimDue(Instant now, int limit, String owner, Function<TaskRow, Task> decoder) {
		return this.jdbc.transaction("claim due tasks", (connection) -> {
			List<TaskRow> won = (this.table.dialect() == JdbcDialect.POSTGRESQL)
					? claimReturningRows(connection, now, limit, owner) : lockAndClaim(connection, now, limit, owner);
			List<Claimed> claimed = new ArrayList<>(won.size());
			List<Quarantined> quarantined = new ArrayList<>();
			for (TaskRow row : won) {
				try {
					claimed.add(new Claimed(decoder.apply(row), row.version() + 1, row.recovered()));
				}
				catch (CorruptTaskException ex) {
					// The claim raised the version the row was read at.
					if (quarantine(connection, row.id(), row.version() + 1, ex.getMessage(), now)) {
						quarantined.add(new Quarantined(row.id(), ex.getMessage()));
					}
				}
			}
			return new Claims(claimed, quarantined);
		});
	}

	/**
	 * Extends the leases {@code owner} holds on the given rows.
	 * @param owner the claim holder
	 * @param ids the claimed task ids
	 * @return how many leases were extended
	 */
	public int renew(String owner, Collection<String> ids) {
		List<String> all = new ArrayList<>(ids);
		return this.jdbc.autoCommit("renew leases", (connection) -> {
			int renewed = 0;
			for (int from = 0; from < all.size(); from += RENEW_CHUNK) {
				List<String> chunk = all.subList(from, Math.min(all.size(), from + RENEW_CHUNK));
				try (PreparedStatement statement = connection.prepareStatement(this.table.renew(chunk.size()))) {
					statement.setString(1, owner);
					for (int i = 0; i < chunk.size(); i++) {
						statement.setString(i + 2, chunk.get(i));
					}
					renewed += statement.executeUpdate();
				}
			}
			return renewed;
		});
	}

	/**
	 * Sets a row aside as unreadable, unless it was quarantined or rewritten since it was
	 * read.
	 * @param row the row as read
	 * @param reason what is wrong with it
	 * @param now when, by the scheduler's clock
	 * @return whether this call quarantined it
	 */
	public boolean quarantine(TaskRow row, String reason, Instant now) {
		return this.jdbc.autoCommit("quarantine task '" + row.id() + "'",
				(connection) -> quarantine(connection, row.id(), row.version(), reason, now));
	}

	/**
	 * Reads a quarantined row.
	 * @param id the task id
	 * @return the row, or empty when no quarantined row has that id
	 */
	public Optional<TaskRow> findQuarantined(String id) {
		return this.jdbc.autoCommit("read quarantined task '" + id + "'", (connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(this.table.selectQuarantined())) {
				statement.setString(1, id);
				return readRows(statement).stream().findFirst();
			}
		});
	}

	/**
	 * Reads a page of quarantined rows, by id.
	 * @param offset how many to skip
	 * @param limit the most to read
	 * @return the entries
	 */
	public List<QuarantinedRow> listQuarantined(long offset, int limit) {
		return this.jdbc.autoCommit("list quarantined tasks", (connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(this.table.listQuarantined())) {
				statement.setInt(1, limit);
				statement.setLong(2, offset);
				List<QuarantinedRow> rows = new ArrayList<>();
				try (ResultSet resultSet = statement.executeQuery()) {
					while (resultSet.next()) {
						String reason = resultSet.getString(2);
						rows.add(new QuarantinedRow(resultSet.getString(1), (reason != null) ? reason : UNREADABLE,
								this.table.readInstant(resultSet, 3), resultSet.getLong(4)));
					}
				}
				return rows;
			}
		});
	}

	/**
	 * Counts quarantined rows.
	 * @return the count
	 */
	public long countQuarantined() {
		return this.jdbc.autoCommit("count quarantined tasks", (connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(this.table.countQuarantined());
					ResultSet resultSet = statement.executeQuery()) {
				resultSet.next();
				return resultSet.getLong(1);
			}
		});
	}

	/**
	 * Takes a quarantined row out of quarantine as the task it now reads as.
	 * @param row the row as read
	 * @param task what it reads as
	 * @return whether it was restored; not when it changed since it was read
	 */
	public boolean restore(TaskRow row, Task task) {
		return this.jdbc.autoCommit("restore task '" + row.id() + "'", (connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(this.table.restore())) {
				statement.setString(1, TaskRow.state(task));
				statement.setString(2, row.id());
				statement.setLong(3, row.version());
				return statement.executeUpdate() > 0;
			}
		});
	}

	/**
	 * Keeps a quarantined row in quarantine with a new reason.
	 * @param id the task id
	 * @param reason what is wrong with it now
	 */
	public void requarantine(String id, String reason) {
		this.jdbc.autoCommit("quarantine task '" + id + "' again", (connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(this.table.requarantine())) {
				statement.setString(1, shortened(reason));
				statement.setString(2, id);
				return statement.executeUpdate();
			}
		});
	}

	/**
	 * Deletes a quarantined row.
	 * @param id the task id
	 * @return whether a quarantined row was deleted
	 */
	public boolean deleteQuarantined(String id) {
		return this.jdbc.autoCommit("remove quarantined task '" + id + "'", (connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(this.table.deleteQuarantined())) {
				statement.setString(1, id);
				return statement.executeUpdate() > 0;
			}
		});
	}

	/**
	 * Reads the rows in a state this store never writes.
	 * @return the rows
	 */
	public List<TaskRow> unknownStates() {
		return this.jdbc.autoCommit("look for rows in unknown states", (connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(this.table.selectUnknownStates())) {
				return readRows(statement);
			}
		});
	}

	/**
	 * Sends a PostgreSQL notification on the table's channel.
	 * @param payload the payload
	 */
	public void notifyListeners(String payload) {
		this.jdbc.callerWrite("notify other instances", (connection) -> {
			try (PreparedStatement statement = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
				statement.setString(1, this.table.channel());
				statement.setString(2, payload);
				statement.execute();
			}
			return null;
		});
	}

	private List<TaskRow> claimReturningRows(Connection connection, Instant now, int limit, String owner)
			throws SQLException {
		List<TaskRow> due = readDue(connection, this.table.claimDueReturningRows(), now, limit, owner);
		// Handed out earliest first, as the other dialects' claims are.
		due.sort(Comparator.comparing(TaskRow::nextRunTime, Comparator.nullsLast(Comparator.naturalOrder())));
		return due;
	}

	/**
	 * Locks the earliest due rows, then claims them with one batch of version-checked
	 * updates, a single round trip where the driver pipelines batches, instead of one
	 * statement per row.
	 * @return the rows this claim won, as they were before it
	 */
	private List<TaskRow> lockAndClaim(Connection connection, Instant now, int limit, String owner)
			throws SQLException {
		List<TaskRow> due = readDue(connection, this.table.selectDueForUpdate(), now, limit, null);
		if (due.isEmpty()) {
			return due;
		}
		int[] counts;
		try (PreparedStatement claim = connection.prepareStatement(this.table.claim())) {
			for (TaskRow row : due) {
				claim.setString(1, owner);
				claim.setString(2, row.id());
				claim.setLong(3, row.version());
				claim.addBatch();
			}
			// The version check makes a claim safe even where locking reads would hand
			// out a row another transaction claimed meanwhile.
			counts = claim.executeBatch();
		}
		boolean[] won = new boolean[due.size()];
		List<String> unknown = new ArrayList<>();
		for (int i = 0; i < due.size(); i++) {
			if (counts[i] == Statement.SUCCESS_NO_INFO) {
				unknown.add(due.get(i).id());
			}
			else {
				won[i] = counts[i] > 0;
			}
		}
		if (!unknown.isEmpty()) {
			// Drivers that rewrite a batch into one statement do not say which rows it
			// changed: read back who holds them, in this transaction.
			Map<String, Long> versions = claimedVersions(connection, owner, unknown);
			for (int i = 0; i < due.size(); i++) {
				Long version = versions.get(due.get(i).id());
				if (counts[i] == Statement.SUCCESS_NO_INFO && version != null) {
					won[i] = version == due.get(i).version() + 1;
				}
			}
		}
		List<TaskRow> claimed = new ArrayList<>(due.size());
		for (int i = 0; i < due.size(); i++) {
			if (won[i]) {
				claimed.add(due.get(i));
			}
		}
		return claimed;
	}

	/**
	 * Runs a statement over due rows (parameters: now, limit, and the owner if given) and
	 * reads the rows it returns.
	 */
	private List<TaskRow> readDue(Connection connection, String sql, Instant now, int limit, @Nullable String owner)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			this.table.bindInstant(statement, 1, now);
			statement.setInt(2, limit);
			if (owner != null) {
				statement.setString(3, owner);
			}
			return readRows(statement);
		}
	}

	private Map<String, Long> claimedVersions(Connection connection, String owner, List<String> ids)
			throws SQLException {
		Map<String, Long> versions = new HashMap<>();
		try (PreparedStatement statement = connection.prepareStatement(this.table.claimedVersions(ids.size()))) {
			statement.setString(1, owner);
			for (int i = 0; i < ids.size(); i++) {
				statement.setString(i + 2, ids.get(i));
			}
			try (ResultSet resultSet = statement.executeQuery()) {
				while (resultSet.next()) {
					versions.put(resultSet.getString(1), resultSet.getLong(2));
				}
			}
		}
		return versions;
	}

	private boolean quarantine(Connection connection, String id, long version, @Nullable String reason, Instant now)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(this.table.quarantine())) {
			statement.setString(1, shortened(reason));
			this.table.bindInstant(statement, 2, now);
			statement.setString(3, id);
			statement.setLong(4, version);
			return statement.executeUpdate() > 0;
		}
	}

	private static String shortened(@Nullable String reason) {
		String text = (reason != null) ? reason : UNREADABLE;
		return (text.length() > MAX_REASON_LENGTH) ? text.substring(0, MAX_REASON_LENGTH) : text;
	}

	private List<TaskRow> readRows(PreparedStatement statement) throws SQLException {
		List<TaskRow> rows = new ArrayList<>();
		try (ResultSet resultSet = statement.executeQuery()) {
			while (resultSet.next()) {
				rows.add(TaskRow.read(resultSet, this.table));
			}
		}
		return rows;
	}

	private static boolean isIntegrityViolation(SQLException ex) {
		return ex.getSQLState() != null && ex.getSQLState().startsWith("23");
	}

	/**
	 * Whether a failure, a cause of it or (for a batch) an exception chained to it says
	 * that a constraint was violated.
	 */
	private static boolean isIntegrityViolation(@Nullable Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql) {
				for (SQLException next = sql; next != null; next = next.getNextException()) {
					if (isIntegrityViolation(next)) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/**
	 * A task claimed by {@link #claimDue}.
	 *
	 * @param task the decoded task
	 * @param version the row version the claim produced
	 * @param recovered whether an expired claim was taken over
	 */
	public record Claimed(Task task, long version, boolean recovered) {

	}

	/**
	 * A row quarantined by {@link #claimDue}.
	 *
	 * @param id the task id
	 * @param reason what is wrong with it
	 */
	public record Quarantined(String id, String reason) {

	}

	/**
	 * A quarantined row as listed.
	 *
	 * @param id the task id
	 * @param reason what is wrong with it
	 * @param quarantinedAt when it was quarantined, or {@code null} if an earlier version
	 * did it
	 * @param dataSize the characters of its stored JSON
	 */
	public record QuarantinedRow(String id, String reason, @Nullable Instant quarantinedAt, long dataSize) {

	}

	/**
	 * The outcome of {@link #claimDue}.
	 *
	 * @param claimed the claimed tasks, earliest first
	 * @param quarantined the rows set aside
	 */
	public record Claims(List<Claimed> claimed, List<Quarantined> quarantined) {

	}

}
