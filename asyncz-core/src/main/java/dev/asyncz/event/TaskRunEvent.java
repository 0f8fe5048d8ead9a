package dev.asyncz.event;

import java.time.Instant;

/**
 * An event about one run of a task: carries what metrics and logs need, and never the
 * arguments.
 */
public sealed interface TaskRunEvent extends TaskEvent permits TaskSubmitted, TaskExecuted, TaskError, TaskMissed,
		TaskMaxInstancesReached, TaskRecovered, TaskLate, TaskRetryScheduled, TaskFailed, TaskDeferred {

	/**
	 * The function the task calls.
	 * @return the function name
	 */
	String function();

	/**
	 * The executor the run was meant for.
	 * @return the executor name
	 */
	String executor();

	/**
	 * The fire time this run is for.
	 * @return the scheduled run time
	 */
	Instant scheduledRunTime();

}
