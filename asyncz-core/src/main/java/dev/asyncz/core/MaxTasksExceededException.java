package dev.asyncz.core;

import dev.asyncz.AsynczException;

/**
 * Adding a task would take the scheduler past its configured {@code max-tasks} limit.
 */
public class MaxTasksExceededException extends AsynczException {

	private static final long serialVersionUID = 1L;

	public MaxTasksExceededException(long limit) {
		super("The scheduler already holds its limit of " + limit
				+ " tasks (asyncz.max-tasks); delete tasks or raise the limit");
	}

}
