package dev.asyncz.store;

import java.util.List;

import dev.asyncz.task.Task;

/**
 * A page of a {@link TaskSearch}.
 *
 * @param tasks the tasks of the page
 * @param complete {@code false} when the store stopped looking before it had seen every
 * task (the default search's scan budget): a page shorter than asked for, or empty, then
 * does not prove that no further task matches
 */
public record TaskSearchResult(List<Task> tasks, boolean complete) {

	public TaskSearchResult {
		tasks = List.copyOf(tasks);
	}

}
