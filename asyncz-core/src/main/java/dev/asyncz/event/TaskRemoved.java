package dev.asyncz.event;

import dev.asyncz.task.Task;

/**
 * A task was removed, by a caller or because its trigger finished.
 *
 * @param task the task (after the change, for modifications)
 */
public record TaskRemoved(Task task) implements TaskChangeEvent {

}
