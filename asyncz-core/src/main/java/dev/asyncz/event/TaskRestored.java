package dev.asyncz.event;

import dev.asyncz.task.Task;

/**
 * A quarantined task was retried, could be read this time and is back in its store as its
 * data says: scheduled, paused or failed.
 *
 * @param task the task as it was read
 */
public record TaskRestored(Task task) implements TaskChangeEvent {

}
