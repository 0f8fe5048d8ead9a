package dev.asyncz.event;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A run failed and will be tried again.
 *
 * @param taskId the task's id
 * @param function the function the task calls
 * @param store the store's name
 * @param executor the executor's name
 * @param scheduledRunTime the fire time whose run failed (the retry runs for it too)
 * @param attempt which run of that fire time failed: 1 for the first
 * @param retryAt when the next attempt runs
 * @param errorType the class name of the error
 * @param message the error's message
 */
public record TaskRetryScheduled(String taskId, String function, String store, String executor,
		Instant scheduledRunTime, int attempt, Instant retryAt, String errorType,
		@Nullable String message) implements TaskRunEvent {

}
