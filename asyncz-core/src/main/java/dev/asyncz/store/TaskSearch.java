package dev.asyncz.store;

import java.util.Locale;

import dev.asyncz.task.Task;
import org.jspecify.annotations.Nullable;

/**
 * A search of one store's tasks for an operator's view (the dashboard): the filters of a
 * {@link TaskQuery} plus an id prefix, a name and the tasks a run holds now. Blank
 * filters count as absent.
 *
 * @param function only tasks calling this function, or {@code null} for any
 * @param status only tasks in this status, or {@code null} for any
 * @param idPrefix only tasks whose id starts with this, or {@code null} for any
 * @param name only tasks whose name contains this, ignoring case, or {@code null} for any
 * @param offset how many matching tasks to skip
 * @param limit the most tasks to return
 * @see TaskStore#search(TaskSearch)
 */
public record TaskSearch(@Nullable String function, @Nullable Status status, @Nullable String idPrefix,
		@Nullable String name, long offset, int limit) {

	public TaskSearch {
		if (offset < 0) {
			throw new IllegalArgumentException("offset must not be negative, was " + offset);
		}
		if (limit < 1) {
			throw new IllegalArgumentException("limit must be at least 1, was " + limit);
		}
		function = blankToNull(function);
		idPrefix = blankToNull(idPrefix);
		name = blankToNull(name);
		name = (name != null) ? name.toLowerCase(Locale.ROOT) : null;
	}

	/**
	 * Whether a task passes the function, id prefix and name filters (not the status,
	 * which only its store knows for sure).
	 * @param task the task
	 * @return whether it matches
	 */
	public boolean matchesAttributes(Task task) {
		return matchesAttributes(task.id(), task.function(), task.name());
	}

	/**
	 * Whether a task with this id, function and name passes the function, id prefix and
	 * name filters: for a store that can read them without making the task.
	 * @param id the task's id
	 * @param function the task's function name
	 * @param name the task's name
	 * @return whether it matches
	 */
	public boolean matchesAttributes(String id, String function, String name) {
		return (this.function == null || this.function.equals(function))
				&& (this.idPrefix == null || id.startsWith(this.idPrefix)) && matchesName(name);
	}

	/**
	 * Whether a task's name passes the name filter: contains it, ignoring case.
	 * @param name the task's name
	 * @return whether it matches, always when the search has no name filter
	 */
	public boolean matchesName(String name) {
		return this.name == null || containsIgnoringCase(name, this.name);
	}

	/**
	 * Whether the search filters on nothing but the status and the function: what
	 * {@link TaskStore#list(TaskQuery)} can answer alone.
	 * @return whether only those filters are set
	 */
	public boolean listable() {
		return this.idPrefix == null && this.name == null && this.status != Status.RUNNING;
	}

	/**
	 * {@code text.toLowerCase(Locale.ROOT).contains(lowerPart)}, without the lower-case
	 * copy when the text is ASCII (most names): a store testing a million names then
	 * makes no garbage.
	 */
	private static boolean containsIgnoringCase(String text, String lowerPart) {
		int length = text.length();
		for (int i = 0; i < length; i++) {
			if (text.charAt(i) >= 0x80) {
				return text.toLowerCase(Locale.ROOT).contains(lowerPart);
			}
		}
		int last = length - lowerPart.length();
		for (int start = 0; start <= last; start++) {
			if (startsWithIgnoringCase(text, start, lowerPart)) {
				return true;
			}
		}
		return false;
	}

	private static boolean startsWithIgnoringCase(String asciiText, int start, String lowerPart) {
		for (int i = 0; i < lowerPart.length(); i++) {
			char c = asciiText.charAt(start + i);
			if (c >= 'A' && c <= 'Z') {
				c = (char) (c + ('a' - 'A'));
			}
			if (c != lowerPart.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	/**
	 * Where a task stands, as a search sees it.
	 */
	public enum Status {

		/** Waiting for its next run time. */
		SCHEDULED,

		/** Claimed by a scheduler: due and handed out, being run. */
		RUNNING,

		/** Has no next run time until resumed. */
		PAUSED,

		/** Its last attempt failed and no retry is left. */
		FAILED;

		/**
		 * The listing state of this status, or {@code null} for {@link #RUNNING}, which
		 * listings do not know.
		 * @return the state
		 */
		@Nullable TaskState listingState() {
			return switch (this) {
				case SCHEDULED -> TaskState.SCHEDULED;
				case PAUSED -> TaskState.PAUSED;
				case FAILED -> TaskState.FAILED;
				case RUNNING -> null;
			};
		}

	}

}
