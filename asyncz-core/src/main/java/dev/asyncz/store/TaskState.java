package dev.asyncz.store;

/**
 * Where a stored task stands, for filtering listings.
 */
public enum TaskState {

	/** Has a next run time. */
	SCHEDULED,

	/** Has no next run time until resumed. */
	PAUSED

}
