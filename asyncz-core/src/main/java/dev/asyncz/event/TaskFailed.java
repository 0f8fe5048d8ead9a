package dev.asyncz.event;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The last attempt of a fire time failed and no retry is left. A one-shot is kept in the
 * failed state, to be run again or deleted; a recurring task goes on with its next fire
 * time.
 *
 * @param taskId the task's id
 * @param function the function the task calls
 * @param store the store's name
 * @param executor the executor's name
 * @param scheduledRunTime the fire time whose runs failed
 * @param attempts how many runs of it failed
 * @param errorType the class name of the last error
 * @param message the last error's message
 * @param kept whether the task stays in the failed state (a one-shot); false when it goes
 * on with its next fire time
 */
public record TaskFailed(String taskId, String function, String store, String executor, Instant scheduledRunTime,
		int attempts, String errorType, @Nullable String message, boolean kept) implements TaskRunEvent {

}
