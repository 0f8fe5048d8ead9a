package dev.asyncz.event;

import java.time.Duration;
import java.time.Instant;

/**
 * A fire time runs later than the task's misfire grace time allows, because its misfire
 * policy runs it however late (a one-shot's only fire time, by default).
 *
 * @param taskId the task's id
 * @param function the function the task calls
 * @param store the store's name
 * @param executor the executor's name
 * @param scheduledRunTime the fire time of this run
 * @param detectedAt when the scheduler noticed
 * @param lateness how late the run starts
 * @param skipped how many older fire times of the task were skipped with it (coalesced)
 */
public record TaskLate(String taskId, String function, String store, String executor, Instant scheduledRunTime,
		Instant detectedAt, Duration lateness, int skipped) implements TaskRunEvent {

}
