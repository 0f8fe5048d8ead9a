package dev.asyncz.event;

import java.time.Instant;

/**
 * A run time passed by more than the task's misfire grace time, so that run was skipped.
 *
 * @param taskId the task's id
 * @param function the function the task calls
 * @param store the store's name
 * @param executor the executor's name
 * @param scheduledRunTime the fire time of this run
 * @param detectedAt when the scheduler noticed
 */
public record TaskMissed(String taskId, String function, String store, String executor, Instant scheduledRunTime,
		Instant detectedAt) implements TaskRunEvent {

}
