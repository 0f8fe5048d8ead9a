package dev.asyncz.autoconfigure.internal;

import java.time.Duration;

import dev.asyncz.core.Scheduler;
import dev.asyncz.core.SchedulerState;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Starts the scheduler when the application context starts and stops it when the context
 * closes.
 *
 * <p>
 * Its phase is below the web server's, so the scheduler starts before requests arrive and
 * stops only after the web server has finished its graceful shutdown (a request in flight
 * can still add a task); it is above the default phase 0 of lifecycle beans such as
 * connection pools and message listeners, which therefore start before and stop after it.
 * With a startup delay, the start happens on a separate thread so that the application's
 * startup is not held up.
 */
public final class SchedulerLifecycle implements SmartLifecycle {

	/**
	 * The phase: below the web server's graceful shutdown and start phases, above the
	 * default.
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Logger logger = LoggerFactory.getLogger(SchedulerLifecycle.class);

	private final Scheduler scheduler;

	private final Duration startupDelay;

	private final boolean awaitTermination;

	private final Object monitor = new Object();

	private boolean running;

	private @Nullable Thread delayedStart;

	/**
	 * Creates the life cycle.
	 * @param scheduler the scheduler to start and stop
	 * @param startupDelay how long to wait before starting it
	 * @param awaitTermination whether stopping waits for runs in progress
	 */
	public SchedulerLifecycle(Scheduler scheduler, Duration startupDelay, boolean awaitTermination) {
		this.scheduler = scheduler;
		this.startupDelay = startupDelay;
		this.awaitTermination = awaitTermination;
	}

	@Override
	public void start() {
		synchronized (this.monitor) {
			if (this.running) {
				return;
			}
			this.running = true;
			if (this.startupDelay.isNegative() || this.startupDelay.isZero()) {
				startScheduler();
				return;
			}
			Thread thread = new Thread(this::startAfterDelay, "asyncz-delayed-start");
			thread.setDaemon(true);
			this.delayedStart = thread;
			thread.start();
		}
	}

	private void startAfterDelay() {
		try {
			Thread.sleep(this.startupDelay.toMillis());
		}
		catch (InterruptedException ex) {
			// Stopped during the delay: the scheduler never starts.
			return;
		}
		synchronized (this.monitor) {
			if (this.running && this.delayedStart == Thread.currentThread()) {
				this.delayedStart = null;
				try {
					startScheduler();
				}
				catch (RuntimeException ex) {
					logger.error("Could not start the asyncz scheduler after a delay of {}", this.startupDelay, ex);
				}
			}
		}
	}

	private void startScheduler() {
		// A scheduler the application started itself is left alone.
		if (this.scheduler.state() == SchedulerState.STOPPED) {
			this.scheduler.start();
		}
	}

	@Override
	public void stop() {
		synchronized (this.monitor) {
			if (!this.running) {
				return;
			}
			this.running = false;
			Thread pending = this.delayedStart;
			this.delayedStart = null;
			if (pending != null) {
				pending.interrupt();
				return;
			}
		}
		if (this.scheduler.state() != SchedulerState.STOPPED) {
			this.scheduler.shutdown(this.awaitTermination);
		}
	}

	@Override
	public boolean isRunning() {
		synchronized (this.monitor) {
			return this.running;
		}
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
