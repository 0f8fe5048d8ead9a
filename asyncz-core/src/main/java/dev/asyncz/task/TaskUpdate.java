package dev.asyncz.task;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.asyncz.trigger.Trigger;
import org.jspecify.annotations.Nullable;

/**
 * Changes to apply to an existing task; only what is set changes. A new trigger also
 * recomputes the next run time (as {@link dev.asyncz.core.Scheduler#reschedule} does).
 */
public final class TaskUpdate implements TaskOptions.Setters<TaskUpdate> {

	private @Nullable String name;

	private @Nullable List<@Nullable Object> args;

	private @Nullable Map<String, @Nullable Object> kwargs;

	private @Nullable Trigger trigger;

	private @Nullable String executor;

	private TaskOptions options = TaskOptions.UNSET;

	public static TaskUpdate create() {
		return new TaskUpdate();
	}

	public TaskUpdate name(String name) {
		this.name = name;
		return this;
	}

	public TaskUpdate args(List<@Nullable Object> args) {
		this.args = args;
		return this;
	}

	public TaskUpdate kwargs(Map<String, @Nullable Object> kwargs) {
		this.kwargs = kwargs;
		return this;
	}

	public TaskUpdate trigger(Trigger trigger) {
		this.trigger = trigger;
		return this;
	}

	public TaskUpdate executor(String executor) {
		this.executor = executor;
		return this;
	}

	/**
	 * Sets options; those left unset keep the task's current values.
	 * @param options the options to change
	 * @return this update
	 */
	@Override
	public TaskUpdate options(TaskOptions options) {
		this.options = options;
		return this;
	}

	@Override
	public TaskOptions options() {
		return this.options;
	}

	/**
	 * The new trigger, if this update sets one.
	 * @return the trigger or empty
	 */
	public Optional<Trigger> trigger() {
		return Optional.ofNullable(this.trigger);
	}

	/**
	 * Applies this update to {@code task}, leaving its next run time alone.
	 * @param task the current task
	 * @return the updated task
	 */
	public Task applyTo(Task task) {
		Task.Builder builder = task.toBuilder();
		if (this.name != null) {
			builder.name(this.name);
		}
		if (this.args != null) {
			builder.args(this.args);
		}
		if (this.kwargs != null) {
			builder.kwargs(this.kwargs);
		}
		if (this.trigger != null) {
			builder.trigger(this.trigger);
		}
		if (this.executor != null) {
			builder.executor(this.executor);
		}
		builder.options(this.options.orElse(task.options()));
		return builder.build();
	}

}
