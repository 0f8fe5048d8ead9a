package dev.asyncz.core;

/**
 * The life cycle of a {@link Scheduler}.
 */
public enum SchedulerState {

	/** Built or shut down: tasks can be added, nothing runs. */
	STOPPED,

	/** Running due tasks. */
	RUNNING,

	/** Started, but holding back due tasks until resumed. */
	PAUSED

}
