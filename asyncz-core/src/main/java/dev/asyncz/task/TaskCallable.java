package dev.asyncz.task;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The work a task does. Registered under a name in {@link TaskFunctions} so that stored
 * tasks can call it, or given directly to a task in a memory store.
 *
 * <p>
 * A function that returns a {@link java.util.concurrent.CompletionStage} counts as
 * running until that stage completes: max-instances and the executed/error events wait
 * for it.
 */
@FunctionalInterface
public interface TaskCallable {

	/**
	 * Runs the task once.
	 * @param context the task's arguments and the run's details
	 * @return anything, or a {@code CompletionStage} for asynchronous work
	 * @throws Exception reported as a task error event; the schedule goes on
	 */
	Object run(TaskContext context) throws Exception;

	/**
	 * Runs the task once with the parameter values that {@link #bind} returned for its
	 * arguments, so that a function that converts its arguments does so once per run. The
	 * scheduler binds a run's arguments once, then calls this rather than
	 * {@link #run(TaskContext)} when {@code bind} returned values. The default ignores
	 * them and calls {@code run(context)}.
	 * @param context the task's arguments and the run's details
	 * @param bound what {@link #bind} returned for {@code context}'s arguments
	 * @return anything, or a {@code CompletionStage} for asynchronous work
	 * @throws Exception reported as a task error event; the schedule goes on
	 */
	default Object runBound(TaskContext context, List<@Nullable Object> bound) throws Exception {
		return run(context);
	}

	/**
	 * The values this function's parameters would receive for these arguments, without
	 * running it. The scheduler asks when a task is added (to refuse arguments that do
	 * not bind, and those a persistent store would hand back as something else) and
	 * before a stored task runs (to leave a task this instance's version of the function
	 * cannot take to instances that can); what it returns then is handed to
	 * {@link #runBound}.
	 * @param args positional arguments
	 * @param kwargs named arguments
	 * @return the parameter values in order, or {@code null} for a function that takes
	 * its arguments as they are (the default)
	 * @throws ArgumentMismatchException naming the parameter that the arguments do not
	 * fit
	 */
	default @Nullable List<@Nullable Object> bind(List<@Nullable Object> args, Map<String, @Nullable Object> kwargs) {
		return null;
	}

}
