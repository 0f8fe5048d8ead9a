package dev.asyncz.sample;

import dev.asyncz.autoconfigure.metrics.TaskExecutionObservationContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Logs each task run's observation at DEBUG when it stops: what a tracing bridge
 * (Micrometer Tracing with OpenTelemetry or Brave) would export as a span. The sample has
 * no tracer to export to; this handler shows the observation's name and keys instead.
 * Turn it on with {@code --logging.level.dev.asyncz.sample.RunObservationLog=debug}.
 */
@Component
public class RunObservationLog implements ObservationHandler<TaskExecutionObservationContext> {

	private static final Logger logger = LoggerFactory.getLogger(RunObservationLog.class);

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof TaskExecutionObservationContext;
	}

	@Override
	public void onStop(TaskExecutionObservationContext context) {
		if (logger.isDebugEnabled()) {
			logger.debug("Observation '{}' ({}) stopped: {}, scheduled for {}", context.getName(),
					context.getContextualName(), context.getLowCardinalityKeyValues(),
					context.getTaskContext().scheduledRunTime());
		}
	}

}
