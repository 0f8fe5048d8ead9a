package dev.asyncz.autoconfigure.metrics;

import java.util.concurrent.CompletionStage;

import dev.asyncz.core.TaskRunInterceptor;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Makes every task run an {@link Observation}, so that Micrometer Tracing users get a
 * span per run and code inside the function sees it as the current observation. A run
 * that returns a {@link CompletionStage} is observed until the stage completes.
 */
public final class ObservationTaskRunInterceptor implements TaskRunInterceptor {

	private static final DefaultTaskExecutionObservationConvention DEFAULT_CONVENTION = new DefaultTaskExecutionObservationConvention();

	private final ObservationRegistry registry;

	private final @Nullable TaskExecutionObservationConvention convention;

	/**
	 * Creates an interceptor.
	 * @param registry where observations go
	 * @param convention a convention replacing the default one, or {@code null}
	 */
	public ObservationTaskRunInterceptor(ObservationRegistry registry,
			@Nullable TaskExecutionObservationConvention convention) {
		this.registry = registry;
		this.convention = convention;
	}

	@Override
	@SuppressWarnings("try") // the scope is held open for its side effect: the run's
								// current observation
	public @Nullable Object around(Task task, TaskContext context, Invocation next) throws Exception {
		TaskExecutionObservationContext observationContext = new TaskExecutionObservationContext(task, context);
		Observation observation = Observation
			.createNotStarted(this.convention, DEFAULT_CONVENTION, () -> observationContext, this.registry)
			.start();
		Object result;
		try (Observation.Scope scope = observation.openScope()) {
			result = next.proceed();
		}
		catch (Exception | Error ex) {
			stop(observation, observationContext, ex);
			throw ex;
		}
		if (result instanceof CompletionStage<?> stage) {
			stage.whenComplete((value, failure) -> stop(observation, observationContext, failure));
		}
		else {
			stop(observation, observationContext, null);
		}
		return result;
	}

	private static void stop(Observation observation, TaskExecutionObservationContext context,
			@Nullable Throwable failure) {
		if (failure != null) {
			context.setOutcome(TaskExecutionObservationContext.ERROR);
			observation.error(failure);
		}
		else {
			context.setOutcome(TaskExecutionObservationContext.SUCCESS);
		}
		observation.stop();
	}

}
