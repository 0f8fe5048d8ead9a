package dev.asyncz.event;

import java.time.Instant;

/**
 * A run claimed by an instance that died (its lease expired) is being run again here.
 *
 * @param taskId the task's id
 * @param function the function the task calls
 * @param store the store's name
 * @param executor the executor's name
 * @param scheduledRunTime the fire time of this run
 */
public record TaskRecovered(String taskId, String function, String store, String executor,
		Instant scheduledRunTime) implements TaskRunEvent {

}
