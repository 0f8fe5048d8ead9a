package dev.asyncz.store.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.asyncz.task.Task;
import dev.asyncz.task.TaskCallable;
import dev.asyncz.task.TaskFailure;
import dev.asyncz.task.TaskOptions;
import dev.asyncz.trigger.Trigger;
import org.jspecify.annotations.Nullable;

/**
 * Everything of a task but its id, trigger and next run time: what a million tasks added
 * the same way have in common, kept once for all of them.
 *
 * @param name the task's name, or {@code null} when it is its id (the default)
 * @param function the function name
 * @param callable the Java callable, or {@code null}
 * @param args the positional arguments
 * @param kwargs the named arguments
 * @param executor the executor name
 * @param store the store name
 * @param options the options
 * @param failure the failure, or {@code null}
 * @param nameBigrams the {@link NameBigrams} of the name, {@link NameBigrams#UNKNOWN}
 * without one
 */
record TaskShape(@Nullable String name, String function, @Nullable TaskCallable callable, List<@Nullable Object> args,
		Map<String, @Nullable Object> kwargs, String executor, String store, TaskOptions options,
		@Nullable TaskFailure failure, long nameBigrams) {

	/**
	 * The shape of a task.
	 * @param task the task
	 * @return its shape, not shared with any other
	 */
	static TaskShape of(Task task) {
		String name = task.name().equals(task.id()) ? null : task.name();
		return new TaskShape(name, task.function(), task.callable(), task.args(), task.kwargs(), task.executor(),
				task.store(), task.options(), task.failure(),
				(name != null) ? NameBigrams.ofName(name) : NameBigrams.UNKNOWN);
	}

	/**
	 * Whether a task has this shape. Arguments and failures count as the same only when
	 * they are the same objects: tasks with equal but distinct argument values keep their
	 * own, however they may be changed.
	 * @param task the task
	 * @return true if {@link #task} with the task's id, trigger and next run time makes a
	 * task equal to it
	 */
	boolean fits(Task task) {
		return this.callable == task.callable() && this.args == task.args() && this.kwargs == task.kwargs()
				&& this.failure == task.failure() && this.function.equals(task.function())
				&& this.executor.equals(task.executor()) && this.store.equals(task.store())
				&& this.options.equals(task.options())
				&& ((this.name != null) ? this.name.equals(task.name()) : task.name().equals(task.id()));
	}

	/**
	 * Makes the task again.
	 * @param id its id
	 * @param trigger its trigger
	 * @param nextRunTime its next run time
	 * @return the task
	 */
	Task task(String id, Trigger trigger, @Nullable Instant nextRunTime) {
		return new Task(id, (this.name != null) ? this.name : id, this.function, this.callable, this.args, this.kwargs,
				trigger, this.executor, this.store, this.options, nextRunTime, this.failure);
	}

}
