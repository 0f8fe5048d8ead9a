package dev.asyncz.event;

import dev.asyncz.task.Task;

/**
 * A task was added, changed or removed; carries the task itself.
 */
public sealed interface TaskChangeEvent extends TaskEvent permits TaskAdded, TaskModified, TaskRemoved, TaskRestored {

	/**
	 * The task (after the change, for modifications).
	 * @return the task
	 */
	Task task();

	@Override
	default String taskId() {
		return task().id();
	}

	@Override
	default String store() {
		return task().store();
	}

}
