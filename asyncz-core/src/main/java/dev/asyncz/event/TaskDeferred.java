package dev.asyncz.event;

import java.time.Instant;

/**
 * A due task that this scheduler cannot run — its function is not registered here, its
 * executor does not exist here, or its arguments do not bind to this instance's version
 * of the function — was left in its store for instances that can run it, to be looked at
 * again here at {@code retryAt}. Published once per task and scheduler instance, the
 * first time; the task is never failed, quarantined or deleted for it.
 *
 * @param taskId the task's id
 * @param function the function the task calls
 * @param store the store's name
 * @param executor the executor's name
 * @param scheduledRunTime the fire time it was due for
 * @param reason why this instance cannot run it
 * @param retryAt when this instance may take it again, if no other did
 */
public record TaskDeferred(String taskId, String function, String store, String executor, Instant scheduledRunTime,
		String reason, Instant retryAt) implements TaskRunEvent {

}
