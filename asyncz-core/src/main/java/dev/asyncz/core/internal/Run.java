package dev.asyncz.core.internal;

import java.time.Instant;

import dev.asyncz.store.TaskStore;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskFailure;
import org.jspecify.annotations.Nullable;

/**
 * One run the loop submitted, with what it needs to end the task's claim afterwards.
 *
 * @param store the task's store
 * @param task the task as claimed
 * @param fireTime the fire time it runs for
 * @param attempt which run of that fire time it is
 * @param after the task's next run time once the run succeeded, or {@code null} when the
 * trigger is finished
 * @param carried the failure to keep with the task when it moves on (one with no retry
 * left), or {@code null}
 */
record Run(TaskStore store, Task task, Instant fireTime, int attempt, @Nullable Instant after,
		@Nullable TaskFailure carried) {

}
