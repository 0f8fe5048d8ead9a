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
	 * {@code text.toLowerCase(Locale.ROOT).contains(lowerPart)}, in one pass over a text
	 * of Latin-1 characters (most names) without a lower-case copy: a store testing a
	 * million names then makes no garbage and reads each character about once. Each
	 * Latin-1 character lowers to one Latin-1 character, so lowering them one by one is
	 * lowering the text. A text with any other character is lowered as a whole, since
	 * lowering one of those can change the text's length (a dotted capital I) or make a
	 * Latin-1 letter (the Kelvin sign); a match found before such a character stands
	 * whatever lowering comes after it.
	 */
	private static boolean containsIgnoringCase(String text, String lowerPart) {
		int length = text.length();
		int span = lowerPart.length() - 1;
		int last = length - span - 1;
		char first = lowerPart.charAt(0);
		char end = lowerPart.charAt(span);
		for (int start = 0; start < length; start++) {
			char c = text.charAt(start);
			if (c > 0xFF) {
				return text.toLowerCase(Locale.ROOT).contains(lowerPart);
			}
			// The window's last character is compared second: with names alike
			// ("Reminder 1", "Reminder 2"), it tells them apart sooner.
			if (start <= last && lower(c) == first && lower(text.charAt(start + span)) == end
					&& startsWithIgnoringCase(text, start, lowerPart)) {
				return true;
			}
		}
		return false;
	}

	private static boolean startsWithIgnoringCase(String text, int start, String lowerPart) {
		for (int i = 1; i < lowerPart.length(); i++) {
			if (lower(text.charAt(start + i)) != lowerPart.charAt(i)) {
				// A character beyond Latin-1 is left to the whole-text path, which the
				// outer loop reaches: lowered, it is never a Latin-1 character here.
				return false;
			}
		}
		return true;
	}

	/**
	 * A character lowered as {@code String.toLowerCase(Locale.ROOT)} would, for Latin-1;
	 * any other is returned as it is, which no lowered Latin-1 text contains.
	 */
	private static char lower(char c) {
		if (c <= 'Z') {
			return (c >= 'A') ? (char) (c + ('a' - 'A')) : c;
		}
		return (c >= 0x80 && c <= 0xFF) ? Character.toLowerCase(c) : c;
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
