package dev.asyncz.core.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Interrupts runs that take longer than their task's timeout. One daemon thread for all
 * runs, started with the first run that has a timeout: tasks without one cost nothing.
 */
final class RunTimeouts {

	private @Nullable ScheduledExecutorService timer;

	/**
	 * Arranges for {@code onTimeout} to run once {@code timeout} has passed.
	 * @return a handle that cancels it
	 */
	synchronized ScheduledFuture<?> schedule(Duration timeout, Runnable onTimeout) {
		if (this.timer == null) {
			this.timer = Executors.newSingleThreadScheduledExecutor((runnable) -> {
				Thread thread = new Thread(runnable, "asyncz-timeouts");
				thread.setDaemon(true);
				return thread;
			});
		}
		return this.timer.schedule(onTimeout, timeout.toNanos(), TimeUnit.NANOSECONDS);
	}

	synchronized void shutdown() {
		if (this.timer != null) {
			this.timer.shutdownNow();
			this.timer = null;
		}
	}

	/**
	 * One run's guard against a late interrupt: the timeout interrupts the run's thread
	 * only while the run is still going, and the run, once over, clears an interrupt that
	 * the timeout delivered, so that the pooled thread does not carry it into its next
	 * run.
	 */
	static final class Guard {

		private final Thread thread;

		private boolean over;

		private boolean timedOut;

		Guard(Thread thread) {
			this.thread = thread;
		}

		synchronized void timeOut() {
			if (!this.over) {
				this.timedOut = true;
				this.thread.interrupt();
			}
		}

		/**
		 * Marks the run over; the first call is on the run's own thread.
		 * @return whether the run had timed out, on the first call only: later calls (the
		 * end of a stage the run returned) report nothing new
		 */
		synchronized boolean end() {
			if (this.over) {
				return false;
			}
			this.over = true;
			if (this.timedOut && Thread.currentThread() == this.thread) {
				Thread.interrupted();
			}
			return this.timedOut;
		}

	}

}
