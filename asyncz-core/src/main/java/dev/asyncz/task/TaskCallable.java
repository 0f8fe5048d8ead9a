package dev.asyncz.task;

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

}
