package dev.asyncz.task;

import java.time.Duration;
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
 * @param coalesce whether missed runs collapse into one, or {@code null} for the default
 * @param maxInstances how many runs may overlap, or {@code null} for the default
 * @param misfireGraceTime how late a run may start, or {@code null} for the default
 * @param noMisfireLimit whether the task runs no matter how late (overrides the default
 * grace time)
 * @param paused whether to add it paused
 * @param replaceExisting whether to overwrite a task with the same id
 */
public record TaskRequest(@Nullable String id, @Nullable String name, String function, @Nullable TaskCallable callable,
		List<@Nullable Object> args, Map<String, @Nullable Object> kwargs, Trigger trigger, @Nullable String executor,
		@Nullable String store, @Nullable Boolean coalesce, @Nullable Integer maxInstances,
		@Nullable Duration misfireGraceTime, boolean noMisfireLimit, boolean paused, boolean replaceExisting) {

	public TaskRequest {
		Objects.requireNonNull(function, "function");
		Objects.requireNonNull(trigger, "trigger");
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
	public static final class Builder {

		private final String function;

		private final @Nullable TaskCallable callable;

		private final Trigger trigger;

		private @Nullable String id;

		private @Nullable String name;

		private List<@Nullable Object> args = List.of();

		private Map<String, @Nullable Object> kwargs = Map.of();

		private @Nullable String executor;

		private @Nullable String store;

		private @Nullable Boolean coalesce;

		private @Nullable Integer maxInstances;

		private @Nullable Duration misfireGraceTime;

		private boolean noMisfireLimit;

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

		public Builder coalesce(boolean coalesce) {
			this.coalesce = coalesce;
			return this;
		}

		public Builder maxInstances(int maxInstances) {
			this.maxInstances = maxInstances;
			return this;
		}

		public Builder misfireGraceTime(@Nullable Duration misfireGraceTime) {
			this.misfireGraceTime = misfireGraceTime;
			return this;
		}

		/**
		 * Lets the task run no matter how late it is, whatever the scheduler's default
		 * grace time.
		 * @return this builder
		 */
		public Builder noMisfireLimit() {
			this.noMisfireLimit = true;
			this.misfireGraceTime = null;
			return this;
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
					this.trigger, this.executor, this.store, this.coalesce, this.maxInstances, this.misfireGraceTime,
					this.noMisfireLimit, this.paused, this.replaceExisting);
		}

	}

}
