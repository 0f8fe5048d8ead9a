package dev.asyncz.test.cluster;

import dev.asyncz.task.TaskContext;

/**
 * Where the task functions of a {@link ClusterNode} write down what they ran, outside the
 * store under test. Its implementation must catch a second run of one fire time
 * ({@code (task id, fire time)} is unique), keep a note of it, and fail that run.
 */
public interface RunLog extends AutoCloseable {

	/**
	 * Notes that a run started (only the blocking function does, so a killed run leaves a
	 * trace).
	 * @param context the run
	 * @param node the node running it
	 */
	void started(TaskContext context, String node);

	/**
	 * Notes a finished run, once per fire time.
	 * @param context the run
	 * @param node the node that ran it
	 * @throws IllegalStateException if that fire time already ran (after noting the
	 * duplicate)
	 */
	void ran(TaskContext context, String node);

	/**
	 * Closes the connections of the log.
	 */
	@Override
	void close();

}
