package dev.asyncz.store.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.asyncz.store.CorruptTaskException;
import dev.asyncz.store.TaskCodec;
import dev.asyncz.store.WriteFormat;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskFailure;
import dev.asyncz.task.TaskOptions;
import dev.asyncz.trigger.DateTrigger;
import dev.asyncz.trigger.Trigger;
import org.jspecify.annotations.Nullable;

/**
 * A task row as read, before its JSON is decoded: reading a row never fails on bad data,
 * decoding it may, and then the row is quarantined.
 *
 * @param id the task id
 * @param name the task name
 * @param function the function name
 * @param argumentsJson arguments as written by {@link TaskCodec#writeArguments}, or empty
 * for none
 * @param triggerJson the trigger as written by {@link TaskCodec#writeTrigger}, or empty
 * for a date trigger at {@code nextRunTime}
 * @param executor the executor name
 * @param optionsJson the options as written by {@link TaskCodec#writeOptions}
 * @param nextRunTime the next run time, or {@code null} when paused or failed
 * @param state the row state
 * @param version the row version, raised by every write
 * @param failureJson how the runs of the current fire time failed, as written by
 * {@link TaskCodec#writeFailure}, or {@code null}
 */
public record TaskRow(String id, String name, String function, @Nullable String argumentsJson,
		@Nullable String triggerJson, String executor, @Nullable String optionsJson, @Nullable Instant nextRunTime,
		String state, long version, @Nullable String failureJson) {

	/** The states this store writes: any other was written by someone else. */
	/** How many of {@link #texts} come before the next run time. */
	static final int TEXTS_BEFORE_TIME = 6;

	/**
	 * What the arguments and trigger columns hold when their value follows from the rest
	 * of the row (see {@link #texts}). Rows written before this form have JSON there, and
	 * read as before.
	 */
	private static final String COMPACT = "";

	private static final TaskCodec.Arguments NO_ARGUMENTS = new TaskCodec.Arguments(List.of(), Map.of());

	private static final Set<String> KNOWN_STATES = Set.of("SCHEDULED", "PAUSED", "FAILED", "RUNNING", "QUARANTINED");

	/**
	 * Reads the current row, whose columns are {@link TaskTable#COLUMNS}.
	 * @param resultSet positioned on a row
	 * @param table decides how times are read
	 * @return the row
	 * @throws SQLException if reading fails
	 */
	static TaskRow read(ResultSet resultSet, TaskTable table) throws SQLException {
		return new TaskRow(resultSet.getString(1), resultSet.getString(2), resultSet.getString(3),
				resultSet.getString(4), resultSet.getString(5), resultSet.getString(6), resultSet.getString(7),
				table.readInstant(resultSet, 8), resultSet.getString(9), resultSet.getLong(10),
				resultSet.getString(11));
	}

	/**
	 * Binds a task's written columns in the order of {@link TaskTable#insert()} and
	 * {@link TaskTable#update(boolean)}, then its id.
	 * @param statement the statement
	 * @param table decides how times are bound
	 * @param codec writes the JSON columns
	 * @param task the task
	 * @return the index of the next parameter
	 * @throws SQLException if binding fails
	 */
	static int bind(PreparedStatement statement, TaskTable table, TaskCodec codec, Task task) throws SQLException {
		@Nullable String[] texts = texts(codec, task);
		for (int i = 0; i < TEXTS_BEFORE_TIME; i++) {
			statement.setString(i + 1, texts[i]);
		}
		table.bindInstant(statement, TEXTS_BEFORE_TIME + 1, task.nextRunTime());
		for (int i = TEXTS_BEFORE_TIME; i < texts.length; i++) {
			statement.setString(i + 2, texts[i]);
		}
		return texts.length + 2;
	}

	/**
	 * A task's written columns other than its next run time, in the order of
	 * {@link TaskTable#insert()} and {@link TaskTable#update(boolean)} (the next run time
	 * comes after the first {@value #TEXTS_BEFORE_TIME}): name, function, arguments,
	 * trigger, executor, options, state, failure and id.
	 * @param codec writes the JSON columns
	 * @param task the task
	 * @return the values
	 */
	static @Nullable String[] texts(TaskCodec codec, Task task) {
		return new String[] { task.name(), task.function(), argumentsText(codec, task), triggerText(codec, task),
				task.executor(), codec.writeOptions(task.options()), state(task),
				(task.failure() != null) ? codec.writeFailure(task.failure()) : null, task.id() };
	}

	/**
	 * The arguments column: in the compact form, empty for a task without arguments (no
	 * JSON document is empty, so the two cannot be confused), saving the 23 characters of
	 * an empty document on every such row.
	 */
	private static String argumentsText(TaskCodec codec, Task task) {
		if (codec.writeFormat() == WriteFormat.COMPACT && task.args().isEmpty() && task.kwargs().isEmpty()) {
			return COMPACT;
		}
		return codec.writeArguments(task.id(), task.args(), task.kwargs());
	}

	/**
	 * The trigger column: in the compact form, empty for a date trigger at the next run
	 * time, which {@code next_run_time} then holds; most one-shot tasks wait so. Every
	 * write of the next run time writes this column too, so the two cannot drift apart.
	 */
	private static String triggerText(TaskCodec codec, Task task) {
		if (codec.writeFormat() == WriteFormat.COMPACT && task.trigger() instanceof DateTrigger date
				&& date.runAt().equals(task.nextRunTime())) {
			return COMPACT;
		}
		return codec.writeTrigger(task.trigger());
	}

	/**
	 * The state a row holding this task has when it is not claimed.
	 * @param task the task
	 * @return {@code SCHEDULED}, {@code PAUSED} or {@code FAILED}
	 */
	static String state(Task task) {
		if (task.nextRunTime() != null) {
			return "SCHEDULED";
		}
		return (task.failure() != null) ? "FAILED" : "PAUSED";
	}

	private Trigger readTrigger(TaskCodec codec, String triggerJson) {
		if (!COMPACT.equals(triggerJson)) {
			return codec.readTrigger(triggerJson);
		}
		if (this.nextRunTime == null) {
			throw new CorruptTaskException("the trigger is left out, as for a date trigger at the next run time, "
					+ "but the row has no next run time");
		}
		try {
			return new DateTrigger(this.nextRunTime);
		}
		catch (RuntimeException ex) {
			throw new CorruptTaskException("invalid date trigger at the next run time: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Whether the row's claim had expired when it was claimed again.
	 * @return true for a row that was running under an expired lease
	 */
	public boolean recovered() {
		return "RUNNING".equals(this.state);
	}

	/**
	 * Decodes the task.
	 * @param codec reads the JSON columns
	 * @param store the store name to put into the task
	 * @return the task
	 * @throws CorruptTaskException naming what cannot be read
	 */
	public Task toTask(TaskCodec codec, String store) {
		if (!KNOWN_STATES.contains(this.state)) {
			throw new CorruptTaskException("unknown state '" + this.state + "'");
		}
		if (this.argumentsJson == null || this.triggerJson == null || this.optionsJson == null) {
			throw new CorruptTaskException("arguments, trigger or options missing");
		}
		TaskCodec.Arguments arguments = COMPACT.equals(this.argumentsJson) ? NO_ARGUMENTS
				: codec.readArguments(this.argumentsJson);
		Trigger trigger = readTrigger(codec, this.triggerJson);
		TaskOptions options = codec.readOptions(this.optionsJson);
		TaskFailure failure = (this.failureJson != null) ? codec.readFailure(this.failureJson) : null;
		try {
			return Task.builder()
				.id(this.id)
				.name(this.name)
				.function(this.function)
				.args(arguments.args())
				.kwargs(arguments.kwargs())
				.trigger(trigger)
				.executor(this.executor)
				.store(store)
				.options(options)
				.nextRunTime(this.nextRunTime)
				.failure(failure)
				.build();
		}
		catch (RuntimeException ex) {
			throw new CorruptTaskException("invalid task values: " + ex.getMessage(), ex);
		}
	}

}
