package dev.asyncz.event;

import java.time.Duration;
import java.time.Instant;

/**
 * A run of a task threw, or its returned stage completed exceptionally.
 *
 * @param taskId the task's id
 * @param function the function the task calls
 * @param store the store's name
 * @param executor the executor's name
 * @param scheduledRunTime the fire time of this run
 * @param startedAt when the run started
 * @param duration how long the run took
 * @param exception the failure
 */
public record TaskError(String taskId, String function, String store, String executor, Instant scheduledRunTime,
		Instant startedAt, Duration duration, Throwable exception) implements TaskRunEvent {

}
