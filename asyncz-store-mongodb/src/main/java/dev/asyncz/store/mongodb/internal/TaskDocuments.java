package dev.asyncz.store.mongodb.internal;

import java.time.Instant;
import java.util.Set;

import dev.asyncz.store.CorruptTaskException;
import dev.asyncz.store.TaskCodec;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskFailure;
import dev.asyncz.task.TaskOptions;
import dev.asyncz.trigger.Trigger;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * How a task is laid out as a document: its id as {@code _id}; name, function and
 * executor as strings; arguments, trigger, options and failure as the JSON texts
 * {@link TaskCodec} writes (kept as text so that numbers, nulls and key order come back
 * exactly as written, and a text that cannot be read is quarantined rather than refused
 * by the driver); the next run time in epoch microseconds; a state; and a version raised
 * by every write. A claimed task also holds its owner, the claim's marker, whether it was
 * recovered, and its lease expiry as a date of the server's clock.
 */
public final class TaskDocuments {

	/** The task id. */
	public static final String ID = "_id";

	/** The task name. */
	public static final String NAME = "name";

	/** The function name. */
	public static final String FUNCTION = "function";

	/** The arguments JSON. */
	public static final String ARGUMENTS = "arguments";

	/** The trigger JSON. */
	public static final String TRIGGER = "trigger";

	/** The executor name. */
	public static final String EXECUTOR = "executor";

	/** The options JSON. */
	public static final String OPTIONS = "options";

	/** The failure JSON, absent without a failure. */
	public static final String FAILURE = "failure";

	/** The next run time in epoch microseconds, absent when paused or failed. */
	public static final String NEXT = "next";

	/** The state, one of the constants below. */
	public static final String STATE = "state";

	/** Raised by every write; a claim is identified by the version it produced. */
	public static final String VERSION = "version";

	/** The instance holding the claim. */
	public static final String OWNER = "owner";

	/** Marks the documents one acquisition claimed, so it can read back exactly those. */
	public static final String CLAIM = "claim";

	/** Whether the claim took the task over from an expired one. */
	public static final String RECOVERED = "recovered";

	/** When the claim expires, by the server's clock. */
	public static final String LEASE_UNTIL = "leaseUntil";

	/** Why the task was set aside. */
	public static final String REASON = "reason";

	/** When the task was set aside, in epoch microseconds of the scheduler's clock. */
	public static final String QUARANTINED_AT = "quarantinedAt";

	/** Waits for its next run time. */
	public static final String SCHEDULED = "SCHEDULED";

	/** Has no next run time and no failure. */
	public static final String PAUSED = "PAUSED";

	/** Has no next run time because its runs failed for good. */
	public static final String FAILED = "FAILED";

	/** Claimed by an instance. */
	public static final String RUNNING = "RUNNING";

	/** Set aside because it cannot be read. */
	public static final String QUARANTINED = "QUARANTINED";

	/** The states of the tasks a store holds, quarantined ones excluded. */
	public static final Set<String> LIVE_STATES = Set.of(SCHEDULED, PAUSED, FAILED, RUNNING);

	private TaskDocuments() {
	}

	/**
	 * The fields a write sets for a task, state included.
	 * @param task the task
	 * @param codec writes the JSON texts
	 * @return the fields, without id and version
	 */
	public static Document fields(Task task, TaskCodec codec) {
		Document fields = new Document(NAME, task.name()).append(FUNCTION, task.function())
			.append(ARGUMENTS, codec.writeArguments(task.id(), task.args(), task.kwargs()))
			.append(TRIGGER, codec.writeTrigger(task.trigger()))
			.append(EXECUTOR, task.executor())
			.append(OPTIONS, codec.writeOptions(task.options()))
			.append(STATE, state(task));
		if (task.nextRunTime() != null) {
			fields.append(NEXT, Micros.of(task.nextRunTime()));
		}
		if (task.failure() != null) {
			fields.append(FAILURE, codec.writeFailure(task.failure()));
		}
		return fields;
	}

	/**
	 * The fields a write removes when {@link #fields} leaves them out: a stale next run
	 * time or failure, and everything about claims and quarantine.
	 * @param task the task being written
	 * @return the fields to unset
	 */
	public static Document unset(Task task) {
		Document unset = new Document(OWNER, "").append(CLAIM, "")
			.append(RECOVERED, "")
			.append(LEASE_UNTIL, "")
			.append(REASON, "")
			.append(QUARANTINED_AT, "");
		if (task.nextRunTime() == null) {
			unset.append(NEXT, "");
		}
		if (task.failure() == null) {
			unset.append(FAILURE, "");
		}
		return unset;
	}

	/**
	 * The state a document holding this task has when it is not claimed.
	 * @param task the task
	 * @return {@link #SCHEDULED}, {@link #PAUSED} or {@link #FAILED}
	 */
	public static String state(Task task) {
		if (task.nextRunTime() != null) {
			return SCHEDULED;
		}
		return (task.failure() != null) ? FAILED : PAUSED;
	}

	/**
	 * Decodes a task document.
	 * @param document the document
	 * @param codec reads the JSON texts
	 * @param store the store name to put into the task
	 * @return the task
	 * @throws CorruptTaskException naming what cannot be read
	 */
	public static Task toTask(Document document, TaskCodec codec, String store) {
		String state = text(document, STATE);
		if (!LIVE_STATES.contains(state)) {
			throw new CorruptTaskException("unknown state '" + state + "'");
		}
		return readData(document, codec, store);
	}

	/**
	 * Decodes a task document's data whatever its state, as a retry of a quarantined one
	 * does.
	 * @param document the document
	 * @param codec reads the JSON texts
	 * @param store the store name to put into the task
	 * @return the task
	 * @throws CorruptTaskException naming what cannot be read
	 */
	public static Task readData(Document document, TaskCodec codec, String store) {
		TaskCodec.Arguments arguments = codec.readArguments(text(document, ARGUMENTS));
		Trigger trigger = codec.readTrigger(text(document, TRIGGER));
		TaskOptions options = codec.readOptions(text(document, OPTIONS));
		String failureJson = optionalText(document, FAILURE);
		TaskFailure failure = (failureJson != null) ? codec.readFailure(failureJson) : null;
		Object next = document.get(NEXT);
		if (next != null && !(next instanceof Long)) {
			throw new CorruptTaskException("field '" + NEXT + "' is not a 64-bit integer of microseconds: " + next);
		}
		try {
			return Task.builder()
				.id(text(document, ID))
				.name(text(document, NAME))
				.function(text(document, FUNCTION))
				.args(arguments.args())
				.kwargs(arguments.kwargs())
				.trigger(trigger)
				.executor(text(document, EXECUTOR))
				.store(store)
				.options(options)
				.nextRunTime((next != null) ? Micros.instant((Long) next) : null)
				.failure(failure)
				.build();
		}
		catch (RuntimeException ex) {
			throw new CorruptTaskException("invalid task values: " + ex.getMessage(), ex);
		}
	}

	/**
	 * How many characters of data the document holds: the lengths of its JSON texts.
	 * @param document the document
	 * @return the size
	 */
	public static long dataSize(Document document) {
		long size = 0;
		for (String field : new String[] { ARGUMENTS, TRIGGER, OPTIONS, FAILURE }) {
			if (document.get(field) instanceof String text) {
				size += text.length();
			}
		}
		return size;
	}

	/**
	 * When the document was set aside.
	 * @param document a quarantined document
	 * @return the time, or {@code null} when it was not recorded
	 */
	public static @Nullable Instant quarantinedAt(Document document) {
		return (document.get(QUARANTINED_AT) instanceof Long micros) ? Micros.instant(micros) : null;
	}

	private static String text(Document document, String field) {
		String text = optionalText(document, field);
		if (text == null) {
			throw new CorruptTaskException("field '" + field + "' is missing");
		}
		return text;
	}

	private static @Nullable String optionalText(Document document, String field) {
		Object value = document.get(field);
		if (value == null || value instanceof String) {
			return (String) value;
		}
		throw new CorruptTaskException("field '" + field + "' is not a string: " + value);
	}

}
