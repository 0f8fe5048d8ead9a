package dev.asyncz.benchmarks.durable;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Starts scheduler instances for a run: in fresh JVMs for measurements, in this JVM for
 * the smoke test.
 */
interface Workers {

	/**
	 * Starts one instance; returns before it is ready.
	 * @param kind the subject
	 * @param instanceName unique within the run
	 * @param clustered whether another instance shares the tables
	 * @param keepLateness whether to keep each run's lateness
	 * @param adds what the instance adds once started (and reports instead of runs), or
	 * {@code null}
	 * @return the handle
	 */
	Handle launch(SubjectKind kind, String instanceName, boolean clustered, boolean keepLateness,
			@Nullable AddWork adds);

	/**
	 * Names what the next instances leave behind (logs, recordings), if anything.
	 * @param runLabel e.g. {@code throughput_one-run2}
	 */
	default void label(String runLabel) {
	}

	/**
	 * A started instance.
	 */
	interface Handle {

		/**
		 * Waits until the scheduler has started.
		 * @param timeout how long to wait
		 * @return when it was ready, in epoch microseconds
		 */
		long awaitReady(Duration timeout);

		/**
		 * Stops the instance, waiting for runs in progress.
		 * @return what it saw
		 */
		WorkerResult stop();

		/**
		 * Ends the instance at once, after a failure elsewhere.
		 */
		void kill();

	}

}
