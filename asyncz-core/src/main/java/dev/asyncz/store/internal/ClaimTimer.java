package dev.asyncz.store.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one daemon thread of a durable store: it renews the store's leases and, where the
 * store needs it, wakes the scheduler at a fixed interval. A failing action is logged and
 * runs again at its next turn: an executor drops a periodic action for good once it
 * throws, and a dropped renewal would let every claim expire.
 */
public final class ClaimTimer {

	private static final Logger logger = LoggerFactory.getLogger(ClaimTimer.class);

	private final ScheduledExecutorService executor;

	/**
	 * Starts the thread.
	 * @param threadName the thread's name
	 */
	public ClaimTimer(String threadName) {
		this.executor = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, threadName);
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Runs {@code action} every {@code period}, the first time one period from now.
	 * @param period the delay between the end of one run and the start of the next, at
	 * least a millisecond
	 * @param what what the action does, for the log
	 * @param action the action
	 */
	public void every(Duration period, String what, Runnable action) {
		long millis = Math.max(1, period.toMillis());
		this.executor.scheduleWithFixedDelay(() -> {
			try {
				action.run();
			}
			catch (RuntimeException ex) {
				logger.warn("Could not {}; trying again in {} ms", what, millis, ex);
			}
		}, millis, millis, TimeUnit.MILLISECONDS);
	}

	/**
	 * Runs {@code action} once, as soon as the thread is free.
	 * @param what what the action does, for the log
	 * @param action the action
	 * @return the action's completion
	 */
	public Future<?> once(String what, Runnable action) {
		return this.executor.submit(() -> {
			try {
				action.run();
			}
			catch (RuntimeException ex) {
				logger.warn("Could not {}", what, ex);
			}
		});
	}

	/**
	 * Stops the thread, interrupting an action in progress.
	 */
	public void stop() {
		this.executor.shutdownNow();
	}

}
