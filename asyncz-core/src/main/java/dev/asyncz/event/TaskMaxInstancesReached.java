package dev.asyncz.event;

import java.time.Instant;

/**
 * A run was skipped because the task already had its maximum number of runs in progress.
 *
 * @param taskId the task's id
 * @param function the function the task calls
 * @param store the store's name
 * @param executor the executor's name
 * @param scheduledRunTime the fire time of this run
 * @param maxInstances the task's limit of overlapping runs
 */
public record TaskMaxInstancesReached(String taskId, String function, String store, String executor,
		Instant scheduledRunTime, int maxInstances) implements TaskRunEvent {

}
