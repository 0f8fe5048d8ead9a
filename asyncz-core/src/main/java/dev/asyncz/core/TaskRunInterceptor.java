package dev.asyncz.core;

import dev.asyncz.task.Task;
import dev.asyncz.task.TaskContext;
import org.jspecify.annotations.Nullable;

/**
 * Wraps every run of a task, on the thread that runs it: the place for tracing spans, MDC
 * entries or a security context. Registered with
 * {@link SchedulerBuilder#interceptor(TaskRunInterceptor)}; the first registered is the
 * outermost.
 *
 * <p>
 * An interceptor must call {@link Invocation#proceed()} exactly once and return its
 * result (or rethrow its exception), so that the run's outcome and events stay as the
 * function made them. A function may return a
 * {@link java.util.concurrent.CompletionStage}: the run then ends when that stage
 * completes, after {@code around} has returned.
 */
@FunctionalInterface
public interface TaskRunInterceptor {

	/**
	 * Runs around one run of a task.
	 * @param task the task as it was when the run was handed to its executor
	 * @param context what the function is given
	 * @param next the rest of the chain, ending with the function itself
	 * @return what {@code next} returned
	 * @throws Exception what {@code next} threw
	 */
	@Nullable Object around(Task task, TaskContext context, Invocation next) throws Exception;

	/**
	 * The rest of the interceptor chain.
	 */
	@FunctionalInterface
	interface Invocation {

		/**
		 * Runs the next interceptor, or the function when none is left.
		 * @return the function's result
		 * @throws Exception the function's failure
		 */
		@Nullable Object proceed() throws Exception;

	}

}
