package dev.asyncz.autoconfigure.metrics;

import dev.asyncz.task.Task;
import dev.asyncz.task.TaskContext;
import io.micrometer.observation.Observation;

/**
 * What an observation of one task run knows: the task, the run's context and, once the
 * run is over, its outcome.
 */
public final class TaskExecutionObservationContext extends Observation.Context {

	/** The outcome of a run that returned normally. */
	public static final String SUCCESS = "success";

	/** The outcome of a run that threw or whose returned stage failed. */
	public static final String ERROR = "error";

	/** The outcome while the run is in progress. */
	public static final String UNKNOWN = "unknown";

	private final Task task;

	private final TaskContext taskContext;

	private volatile String outcome = UNKNOWN;

	/**
	 * Creates a context for one run.
	 * @param task the task
	 * @param taskContext what the function is given
	 */
	public TaskExecutionObservationContext(Task task, TaskContext taskContext) {
		this.task = task;
		this.taskContext = taskContext;
	}

	/**
	 * The task being run.
	 * @return the task
	 */
	public Task getTask() {
		return this.task;
	}

	/**
	 * What the function is given: arguments, scheduled and actual start time.
	 * @return the task context
	 */
	public TaskContext getTaskContext() {
		return this.taskContext;
	}

	/**
	 * How the run ended: {@link #SUCCESS}, {@link #ERROR}, or {@link #UNKNOWN} while it
	 * runs.
	 * @return the outcome
	 */
	public String getOutcome() {
		return this.outcome;
	}

	void setOutcome(String outcome) {
		this.outcome = outcome;
	}

}
