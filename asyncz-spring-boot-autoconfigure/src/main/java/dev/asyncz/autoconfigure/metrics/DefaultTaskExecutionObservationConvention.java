package dev.asyncz.autoconfigure.metrics;

import io.micrometer.common.KeyValues;

/**
 * The default names and keys of a task run's observation: {@code asyncz.task.execution}
 * with low-cardinality keys {@code function}, {@code store}, {@code executor} and
 * {@code outcome}, and the run's scheduled time as the high-cardinality key
 * {@code scheduled.time}.
 */
public class DefaultTaskExecutionObservationConvention implements TaskExecutionObservationConvention {

	/** The observation's name, and so the name of its timer. */
	public static final String NAME = "asyncz.task.execution";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(TaskExecutionObservationContext context) {
		return "asyncz " + context.getTask().function();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(TaskExecutionObservationContext context) {
		return KeyValues.of("function", context.getTask().function(), "store", context.getTask().store(), "executor",
				context.getTask().executor(), "outcome", context.getOutcome());
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(TaskExecutionObservationContext context) {
		return KeyValues.of("scheduled.time", context.getTaskContext().scheduledRunTime().toString());
	}

}
