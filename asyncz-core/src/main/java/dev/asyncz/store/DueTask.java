package dev.asyncz.store;

import dev.asyncz.task.Task;

/**
 * A due task handed out (and claimed) by {@link TaskStore#acquireDueTasks}.
 *
 * @param task the task as stored
 * @param recovered whether an earlier claim on it expired (its holder died mid-run), so
 * this is a re-run
 */
public record DueTask(Task task, boolean recovered) {

}
