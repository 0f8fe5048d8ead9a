package dev.asyncz.test;

import java.time.Instant;
import java.util.Objects;

import dev.asyncz.store.TaskCodec;
import dev.asyncz.task.Task;
import org.jspecify.annotations.Nullable;

/**
 * Stored task data as a store would hold it, written as-is by
 * {@link TaskStoreContractTests#writeRaw}: well formed or not, so that tests can plant
 * data that cannot be read.
 *
 * @param id the task id
 * @param function the function name
 * @param argumentsJson the arguments, as {@link TaskCodec#writeArguments} writes them
 * @param triggerJson the trigger, as {@link TaskCodec#writeTrigger} writes it
 * @param optionsJson the options, as {@link TaskCodec#writeOptions} writes them
 * @param nextRunTime the next run time, or {@code null} for a task without one
 * @param state the state a store with row states records ({@code SCHEDULED},
 * {@code PAUSED}, {@code FAILED}, or anything else); stores without states ignore it
 */
public record RawTask(String id, String function, String argumentsJson, String triggerJson, String optionsJson,
		@Nullable Instant nextRunTime, String state) {

	/**
	 * Checks the values are present (their content is not checked).
	 * @param id the task id
	 * @param function the function name
	 * @param argumentsJson the arguments JSON
	 * @param triggerJson the trigger JSON
	 * @param optionsJson the options JSON
	 * @param nextRunTime the next run time, or {@code null}
	 * @param state the state
	 */
	public RawTask {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(function, "function");
		Objects.requireNonNull(argumentsJson, "argumentsJson");
		Objects.requireNonNull(triggerJson, "triggerJson");
		Objects.requireNonNull(optionsJson, "optionsJson");
		Objects.requireNonNull(state, "state");
	}

	/**
	 * The data a store holds for a task, all of it readable.
	 * @param task the task (without a failure: its data is not part of a raw task)
	 * @param codec writes the JSON
	 * @return the data
	 */
	public static RawTask of(Task task, TaskCodec codec) {
		return new RawTask(task.id(), task.function(), codec.writeArguments(task.id(), task.args(), task.kwargs()),
				codec.writeTrigger(task.trigger()), codec.writeOptions(task.options()), task.nextRunTime(),
				(task.nextRunTime() != null) ? "SCHEDULED" : "PAUSED");
	}

	/**
	 * The same data with other arguments JSON.
	 * @param json the new text, read or not
	 * @return the data
	 */
	public RawTask withArgumentsJson(String json) {
		return new RawTask(this.id, this.function, json, this.triggerJson, this.optionsJson, this.nextRunTime,
				this.state);
	}

	/**
	 * The same data with other trigger JSON.
	 * @param json the new text, read or not
	 * @return the data
	 */
	public RawTask withTriggerJson(String json) {
		return new RawTask(this.id, this.function, this.argumentsJson, json, this.optionsJson, this.nextRunTime,
				this.state);
	}

	/**
	 * The same data with other options JSON.
	 * @param json the new text, read or not
	 * @return the data
	 */
	public RawTask withOptionsJson(String json) {
		return new RawTask(this.id, this.function, this.argumentsJson, this.triggerJson, json, this.nextRunTime,
				this.state);
	}

	/**
	 * The same data in another state.
	 * @param state the new state, known or not
	 * @return the data
	 */
	public RawTask withState(String state) {
		return new RawTask(this.id, this.function, this.argumentsJson, this.triggerJson, this.optionsJson,
				this.nextRunTime, state);
	}

	/**
	 * How many characters of JSON the data has.
	 * @return the length of the three JSON texts together
	 */
	public int jsonLength() {
		return this.argumentsJson.length() + this.triggerJson.length() + this.optionsJson.length();
	}

}
