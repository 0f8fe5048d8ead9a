package dev.asyncz.benchmarks.durable;

import java.time.Instant;
import java.util.List;

/**
 * One scheduler under test with its store: how to create and remove its tables or keys,
 * seed due one-shot tasks through its own API, count what is still due, measure what it
 * stores, and start an instance that runs the benchmark task.
 */
interface Subject extends AutoCloseable {

	/** The function, task or job name every subject registers. */
	String TASK_NAME = "bench-noop";

	/**
	 * Creates the subject's tables (or nothing, for Redis).
	 */
	void createSchema();

	/**
	 * Removes every stored task and scheduler row, keeping the tables.
	 */
	void clear();

	/**
	 * Removes the subject's tables or keys.
	 */
	void dropSchema();

	/**
	 * Stores one-shot tasks that run the benchmark task once.
	 * @param idPrefix starts each task id, followed by its index
	 * @param runTimes the run time of each task
	 */
	void seed(String idPrefix, List<Instant> runTimes);

	/**
	 * How many tasks due at or before {@code horizon} have not finished (waiting or
	 * running).
	 * @param horizon the latest run time counted
	 * @return the count
	 */
	long pending(Instant horizon);

	/**
	 * What the stored tasks take, after the database has tidied up (VACUUM ANALYZE).
	 * @return bytes and task count
	 */
	Footprint footprint();

	/**
	 * Starts a scheduler instance with its own connections and worker pool.
	 * @param instanceName unique among the instances of one run
	 * @param recorder notified by each run of the benchmark task
	 * @param clustered whether other instances share the tables (only Quartz needs to be
	 * told)
	 * @return the running instance
	 */
	Instance start(String instanceName, Recorder recorder, boolean clustered);

	@Override
	void close();

	/**
	 * A running scheduler instance.
	 */
	interface Instance {

		/**
		 * Shuts the instance down, waiting for runs in progress, and closes its
		 * connections.
		 */
		void stop();

		/**
		 * Adds one one-shot task with one call of the scheduler's public API.
		 * @param id the task id
		 * @param runTime when it runs
		 */
		default void add(String id, Instant runTime) {
			throw new UnsupportedOperationException("This subject is not measured adding tasks");
		}

		/**
		 * Adds one-shot tasks with one call of the scheduler's bulk API.
		 * @param ids the task ids
		 * @param runTimes the run time of each
		 */
		default void addAll(List<String> ids, List<Instant> runTimes) {
			throw new UnsupportedOperationException("This subject is not measured adding tasks");
		}

	}

	/**
	 * Stored size of the tasks.
	 *
	 * @param bytes the size of the tables with indexes and TOAST, or of the Redis keys
	 * @param tasks how many tasks they hold
	 */
	record Footprint(long bytes, long tasks) {

		double bytesPerTask() {
			return (this.tasks > 0) ? (double) this.bytes / this.tasks : Double.NaN;
		}

	}

}
