package dev.asyncz.task;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.asyncz.trigger.Trigger;
import org.jspecify.annotations.Nullable;

/**
 * What a caller asks the scheduler to add. Anything left unset takes the scheduler's
 * defaults: a generated id, the {@code default} store and executor, and the configured
 * task defaults.
 *
 * <pre>{@code
 * scheduler.add(TaskRequest.of("send-reminder", Triggers.at(when))
 *     .id("reminder-42")
 *     .args("user-7", "Call the dentist")
 *     .store("durable")
 *     .build());
 * }</pre>
 *
 * @param id the task id, or {@code null} to generate one
 * @param name a label, or {@code null} for the id
 * @param function the registered function name, or a description when {@code callable} is
 * given
 * @param callable a Java callable (memory stores only), or {@code null}
 * @param args positional arguments
 * @param kwargs named arguments
 * @param trigger when to run
 * @param executor the executor name, or {@code null} for {@code default}
 * @param store the store name, or {@code null} for {@code default}
 * @param options the options set for this task; unset ones take the scheduler's defaults
 * @param paused whether to add it paused
 * @param replaceExisting whether to overwrite a task with the same id
 */
public record TaskRequest(@Nullable String id, @Nullable String name, String function, @Nullable TaskCallable callable,
		List<@Nullable Object> args, Map<String, @Nullable Object> kwargs, Trigger trigger, @Nullable String executor,
		@Nullable String store, TaskOptions options, boolean paused, boolean replaceExisting) {

	public TaskRequest {
		Objects.requireNonNull(function, "function");
		Objects.requireNonNull(trigger, "trigger");
		options = (options != null) ? options : TaskOptions.UNSET;
		args = (args != null) ? args : List.of();
		kwargs = (kwargs != null) ? kwargs : Map.of();
	}

	/**
	 * Starts a request for a task that calls a registered function.
	 * @param function the name the function was registered under
	 * @param trigger when to run
	 * @return a builder
	 */
	public static Builder of(String function, Trigger trigger) {
		return new Builder(function, null, trigger);
	}

	/**
	 * Starts a request for a task that calls a Java callable. Such a task can live only
	 * in a memory store, since a callable cannot be written down.
	 * @param description a label for the callable, shown where a function name would be
	 * @param callable the code to run
	 * @param trigger when to run
	 * @return a builder
	 */
	public static Builder of(String description, TaskCallable callable, Trigger trigger) {
		return new Builder(description, Objects.requireNonNull(callable, "callable"), trigger);
	}

	/**
	 * Builds {@link TaskRequest}s.
	 */
	public static final class Builder implements TaskOptions.Setters<Builder> {

		private final String function;

		private final @Nullable TaskCallable callable;

		private final Trigger trigger;

		private @Nullable String id;

		private @Nullable String name;

		private List<@Nullable Object> args = List.of();

		private Map<String, @Nullable Object> kwargs = Map.of();

		private @Nullable String executor;

		private @Nullable String store;

		private TaskOptions options = TaskOptions.UNSET;

		private boolean paused;

		private boolean replaceExisting;

		private Builder(String function, @Nullable TaskCallable callable, Trigger trigger) {
			this.function = Objects.requireNonNull(function, "function");
			this.callable = callable;
			this.trigger = Objects.requireNonNull(trigger, "trigger");
		}

		public Builder id(@Nullable String id) {
			this.id = id;
			return this;
		}

		public Builder name(@Nullable String name) {
			this.name = name;
			return this;
		}

		public Builder args(@Nullable Object... args) {
			this.args = Arrays.asList(args);
			return this;
		}

		public Builder argList(List<@Nullable Object> args) {
			this.args = args;
			return this;
		}

		public Builder kwargs(Map<String, @Nullable Object> kwargs) {
			this.kwargs = kwargs;
			return this;
		}

		public Builder executor(@Nullable String executor) {
			this.executor = executor;
			return this;
		}

		public Builder store(@Nullable String store) {
			this.store = store;
			return this;
		}

		/**
		 * Sets every option at once; unset ones take the scheduler's defaults.
		 * @param options the options
		 * @return this builder
		 */
		@Override
		public Builder options(TaskOptions options) {
			this.options = Objects.requireNonNull(options, "options");
			return this;
		}

		@Override
		public TaskOptions options() {
			return this.options;
		}

		public Builder paused(boolean paused) {
			this.paused = paused;
			return this;
		}

		public Builder replaceExisting(boolean replaceExisting) {
			this.replaceExisting = replaceExisting;
			return this;
		}

		public TaskRequest build() {
			return new TaskRequest(this.id, this.name, this.function, this.callable, this.args, this.kwargs,
					this.trigger, this.executor, this.store, this.options, this.paused, this.replaceExisting);
		}

	}

}
