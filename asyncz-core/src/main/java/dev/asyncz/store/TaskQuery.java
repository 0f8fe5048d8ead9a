package dev.asyncz.store;

import org.jspecify.annotations.Nullable;

/**
 * Filters and paging for listing tasks.
 *
 * @param function only tasks calling this function, or {@code null} for any
 * @param state only tasks in this state, or {@code null} for any
 * @param offset how many matching tasks to skip
 * @param limit the most tasks to return
 */
public record TaskQuery(@Nullable String function, @Nullable TaskState state, long offset, int limit) {

	public TaskQuery {
		if (offset < 0) {
			throw new IllegalArgumentException("offset must not be negative, was " + offset);
		}
		if (limit < 1) {
			throw new IllegalArgumentException("limit must be at least 1, was " + limit);
		}
	}

	/**
	 * The first {@code limit} tasks, unfiltered.
	 * @param limit page size
	 * @return the query
	 */
	public static TaskQuery first(int limit) {
		return new TaskQuery(null, null, 0, limit);
	}

}
