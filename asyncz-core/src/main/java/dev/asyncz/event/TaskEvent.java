package dev.asyncz.event;

/**
 * An event about one task.
 */
public sealed interface TaskEvent extends SchedulerEvent permits TaskChangeEvent, TaskRunEvent {

	/**
	 * The task's id.
	 * @return the id
	 */
	String taskId();

	/**
	 * The name of the store that holds the task.
	 * @return the store name
	 */
	String store();

}
