package dev.asyncz.event;

import dev.asyncz.task.Task;

/**
 * A task was changed: updated, rescheduled, paused or resumed.
 *
 * @param task the task (after the change, for modifications)
 */
public record TaskModified(Task task) implements TaskChangeEvent {

}
