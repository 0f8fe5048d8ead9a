package dev.asyncz.store;

import java.time.Instant;
import java.util.List;

import dev.asyncz.task.Task;
import dev.asyncz.trigger.Triggers;
import org.jspecify.annotations.Nullable;

/**
 * Tasks and helpers for the tests of {@link TaskStore#search(TaskSearch)}.
 */
public final class SearchFixtures {

	/** The time the tasks are due from. */
	public static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

	private SearchFixtures() {
	}

	/**
	 * The ids of a page, in order.
	 * @param result the page
	 * @return the ids
	 */
	public static List<String> ids(TaskSearchResult result) {
		return result.tasks().stream().map(Task::id).toList();
	}

	/**
	 * A one-shot task in the {@code default} store whose name and function are the same.
	 * @param id the id
	 * @param nameOrFunction its name and function
	 * @param nextRunTime its next run time, or {@code null} for a paused task
	 * @return the task
	 */
	public static Task task(String id, String nameOrFunction, @Nullable Instant nextRunTime) {
		return Task.builder()
			.id(id)
			.name(nameOrFunction)
			.function(nameOrFunction)
			.trigger(Triggers.at((nextRunTime != null) ? nextRunTime : T0))
			.store("default")
			.nextRunTime(nextRunTime)
			.build();
	}

}
