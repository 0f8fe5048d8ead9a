package dev.asyncz.autoconfigure.metrics;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of a task run. Declare a bean of this type to replace
 * {@link DefaultTaskExecutionObservationConvention}; keep task ids out of low-cardinality
 * keys.
 */
public interface TaskExecutionObservationConvention extends ObservationConvention<TaskExecutionObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof TaskExecutionObservationContext;
	}

}
