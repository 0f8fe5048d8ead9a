package dev.asyncz.store;

/**
 * Where a stored task stands, for filtering listings.
 */
public enum TaskState {

	/** Has a next run time. */
	SCHEDULED,

	/** Has no next run time until resumed. */
	PAUSED,

	/**
	 * Its last attempt failed and no retry is left; kept until someone runs or deletes it
	 * (or the failed-task retention ends).
	 */
	FAILED

}
