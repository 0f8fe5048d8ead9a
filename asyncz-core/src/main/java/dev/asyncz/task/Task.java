package dev.asyncz.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.asyncz.trigger.Trigger;
import org.jspecify.annotations.Nullable;

/**
 * A scheduled task as its store holds it: an immutable value. Change a task through the
 * {@link dev.asyncz.core.Scheduler}, which validates the change and tells its store and
 * listeners.
 *
 * @param id unique within the scheduler
 * @param name a label for people; the id when none was given
 * @param function the registered function name (for a callable task, a description of it)
 * @param callable the Java callable of a memory-store task, or {@code null} to look
 * {@code function} up in {@link TaskFunctions}
 * @param args positional arguments
 * @param kwargs named arguments
 * @param trigger decides the run times
 * @param executor name of the executor that runs it
 * @param store name of the store that holds it
 * @param options how it runs (coalescing, overlap, misfire rules), every option set
 * @param nextRunTime the next time it runs: a fire time, or the time of a retry; kept to
 * the microsecond (finer digits are dropped), as every store keeps it; {@code null} while
 * the task is paused or failed
 * @param failure how the runs of its current fire time failed, or {@code null}
 */
public record Task(String id, String name, String function, @Nullable TaskCallable callable,
		List<@Nullable Object> args, Map<String, @Nullable Object> kwargs, Trigger trigger, String executor,
		String store, TaskOptions options, @Nullable Instant nextRunTime, @Nullable TaskFailure failure) {

	public Task {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(function, "function");
		Objects.requireNonNull(trigger, "trigger");
		Objects.requireNonNull(executor, "executor");
		Objects.requireNonNull(store, "store");
		name = (name != null) ? name : id;
		args = immutableList(args);
		kwargs = immutableMap(kwargs);
		Objects.requireNonNull(options, "options");
		if (!options.complete()) {
			throw new InvalidTaskException("Task '" + id + "': every option must be set, was " + options);
		}
		nextRunTime = FireTimes.truncate(nextRunTime);
	}

	/**
	 * A task with no failure.
	 * @param id unique within the scheduler
	 * @param name a label for people
	 * @param function the registered function name
	 * @param callable the Java callable of a memory-store task, or {@code null}
	 * @param args positional arguments
	 * @param kwargs named arguments
	 * @param trigger decides the run times
	 * @param executor name of the executor that runs it
	 * @param store name of the store that holds it
	 * @param options how it runs, every option set
	 * @param nextRunTime the next fire time; {@code null} while paused
	 */
	public Task(String id, String name, String function, @Nullable TaskCallable callable, List<@Nullable Object> args,
			Map<String, @Nullable Object> kwargs, Trigger trigger, String executor, String store, TaskOptions options,
			@Nullable Instant nextRunTime) {
		this(id, name, function, callable, args, kwargs, trigger, executor, store, options, nextRunTime, null);
	}

	/**
	 * Whether the task is paused: it has no next run time and did not fail.
	 * @return true if paused
	 */
	public boolean paused() {
		return this.nextRunTime == null && this.failure == null;
	}

	/**
	 * Whether the task failed for good: its last attempt failed and it waits for someone
	 * to run or delete it.
	 * @return true if failed
	 */
	public boolean failed() {
		return this.nextRunTime == null && this.failure != null;
	}

	/**
	 * Whether the next run is a retry of a failed fire time.
	 * @return true if a retry is pending
	 */
	public boolean retryPending() {
		return this.nextRunTime != null && this.failure != null && !this.failure.exhausted();
	}

	/**
	 * A copy with another next run time.
	 * @param nextRunTime the new next run time, or {@code null} to pause
	 * @return the copy
	 */
	public Task withNextRunTime(@Nullable Instant nextRunTime) {
		return new Task(this.id, this.name, this.function, this.callable, this.args, this.kwargs, this.trigger,
				this.executor, this.store, this.options, nextRunTime, this.failure);
	}

	/**
	 * A copy with another next run time and failure.
	 * @param nextRunTime the new next run time
	 * @param failure the failure, or {@code null} for none
	 * @return the copy
	 */
	public Task withNextRun(@Nullable Instant nextRunTime, @Nullable TaskFailure failure) {
		return new Task(this.id, this.name, this.function, this.callable, this.args, this.kwargs, this.trigger,
				this.executor, this.store, this.options, nextRunTime, failure);
	}

	/**
	 * A builder pre-filled with this task's values.
	 * @return the builder
	 */
	public Builder toBuilder() {
		return new Builder().id(this.id)
			.name(this.name)
			.function(this.function)
			.callable(this.callable)
			.args(this.args)
			.kwargs(this.kwargs)
			.trigger(this.trigger)
			.executor(this.executor)
			.store(this.store)
			.options(this.options)
			.nextRunTime(this.nextRunTime)
			.failure(this.failure);
	}

	/**
	 * A builder for a task value; mostly for stores reading tasks back.
	 * @return an empty builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	private static List<@Nullable Object> immutableList(@Nullable List<@Nullable Object> list) {
		return (list == null || list.isEmpty()) ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
	}

	private static Map<String, @Nullable Object> immutableMap(@Nullable Map<String, @Nullable Object> map) {
		return (map == null || map.isEmpty()) ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
	}

	/**
	 * Builds {@link Task} values.
	 */
	public static final class Builder {

		private @Nullable String id;

		private @Nullable String name;

		private @Nullable String function;

		private @Nullable TaskCallable callable;

		private @Nullable List<@Nullable Object> args;

		private @Nullable Map<String, @Nullable Object> kwargs;

		private @Nullable Trigger trigger;

		private String executor = "default";

		private String store = "default";

		private TaskOptions options = TaskOptions.STANDARD;

		private @Nullable Instant nextRunTime;

		private @Nullable TaskFailure failure;

		private Builder() {
		}

		public Builder id(String id) {
			this.id = id;
			return this;
		}

		public Builder name(@Nullable String name) {
			this.name = name;
			return this;
		}

		public Builder function(String function) {
			this.function = function;
			return this;
		}

		public Builder callable(@Nullable TaskCallable callable) {
			this.callable = callable;
			return this;
		}

		public Builder args(@Nullable List<@Nullable Object> args) {
			this.args = args;
			return this;
		}

		public Builder kwargs(@Nullable Map<String, @Nullable Object> kwargs) {
			this.kwargs = kwargs;
			return this;
		}

		public Builder trigger(Trigger trigger) {
			this.trigger = trigger;
			return this;
		}

		public Builder executor(String executor) {
			this.executor = executor;
			return this;
		}

		public Builder store(String store) {
			this.store = store;
			return this;
		}

		public Builder options(TaskOptions options) {
			this.options = options;
			return this;
		}

		public Builder nextRunTime(@Nullable Instant nextRunTime) {
			this.nextRunTime = nextRunTime;
			return this;
		}

		public Builder failure(@Nullable TaskFailure failure) {
			this.failure = failure;
			return this;
		}

		public Task build() {
			return new Task(this.id, this.name, this.function, this.callable, this.args, this.kwargs, this.trigger,
					this.executor, this.store, this.options, this.nextRunTime, this.failure);
		}

	}

}
