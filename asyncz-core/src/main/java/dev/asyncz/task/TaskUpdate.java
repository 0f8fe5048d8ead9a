package dev.asyncz.task;

import dev.asyncz.core.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.asyncz.trigger.Trigger;
import org.jspecify.annotations.Nullable;

/**
 * Changes to apply to an existing task; only what is set changes. A new trigger also
 * recomputes the next run time (as {@link Scheduler#reschedule} does).
 */
public final class TaskUpdate {

	private @Nullable String name;

	private @Nullable List<@Nullable Object> args;

	private @Nullable Map<String, @Nullable Object> kwargs;

	private @Nullable Trigger trigger;

	private @Nullable String executor;

	private @Nullable Boolean coalesce;

	private @Nullable Integer maxInstances;

	private @Nullable Optional<Duration> misfireGraceTime;

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

	public TaskUpdate coalesce(boolean coalesce) {
		this.coalesce = coalesce;
		return this;
	}

	public TaskUpdate maxInstances(int maxInstances) {
		this.maxInstances = maxInstances;
		return this;
	}

	/**
	 * Sets the misfire grace time.
	 * @param misfireGraceTime the new grace time, or {@code null} for no limit
	 * @return this update
	 */
	public TaskUpdate misfireGraceTime(@Nullable Duration misfireGraceTime) {
		this.misfireGraceTime = Optional.ofNullable(misfireGraceTime);
		return this;
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
		if (this.coalesce != null) {
			builder.coalesce(this.coalesce);
		}
		if (this.maxInstances != null) {
			builder.maxInstances(this.maxInstances);
		}
		if (this.misfireGraceTime != null) {
			builder.misfireGraceTime(this.misfireGraceTime.orElse(null));
		}
		return builder.build();
	}

}
