package dev.asyncz.benchmarks;

import java.time.Instant;

/**
 * One scheduler under test, driven the way its users would drive it. Adds and deletes
 * come from one harness thread; runs report to the subject's {@link Probe}.
 */
interface Subject extends AutoCloseable {

	/**
	 * Adds a one-shot task that does nothing when it runs.
	 * @param id a unique id
	 * @param due when it should run
	 */
	void add(String id, Instant due);

	/**
	 * Adds a one-shot task that tells the probe when it starts.
	 * @param id a unique id
	 * @param due when it should run
	 */
	void addProbed(String id, Instant due);

	/**
	 * Deletes a task that has not run.
	 * @param id the id it was added with
	 */
	void delete(String id);

	/**
	 * Lets due tasks run: nothing runs before, so tasks can be queued up first.
	 */
	void start();

	/**
	 * Stops the scheduler without waiting for tasks.
	 */
	@Override
	void close();

}
