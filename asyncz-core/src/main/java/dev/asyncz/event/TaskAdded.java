package dev.asyncz.event;

import dev.asyncz.task.Task;

/**
 * A task was added.
 *
 * @param task the task (after the change, for modifications)
 */
public record TaskAdded(Task task) implements TaskChangeEvent {

}
