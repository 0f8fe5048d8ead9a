package dev.asyncz.store.mongodb.internal;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a change seen by the change stream should wake the scheduler: only if
 * it may come due before the next run time this store last told the scheduler, since the
 * scheduler sleeps until the earliest of those (or less). While the store is reading its
 * next run time, every change wakes the scheduler: the read may have missed it.
 */
public final class WakeUpGate {

	private static final Logger logger = LoggerFactory.getLogger(WakeUpGate.class);

	/** What is reported while nothing waits: any change comes before it. */
	private static final Instant NOTHING_WAITS = Instant.MAX;

	private final Runnable wakeUp;

	/** The next run time last reported; {@code null} while a read is under way. */
	private volatile @Nullable Instant reported;

	/**
	 * Creates a gate that knows no reported time yet.
	 * @param wakeUp wakes the scheduler
	 */
	public WakeUpGate(Runnable wakeUp) {
		this.wakeUp = wakeUp;
	}

	/**
	 * Called before the store reads its next run time.
	 */
	public void reading() {
		this.reported = null;
	}

	/**
	 * Called with the next run time the store is about to report.
	 * @param next the next run time, or empty if no task waits
	 */
	public void reported(Optional<Instant> next) {
		this.reported = next.orElse(NOTHING_WAITS);
	}

	/**
	 * Wakes the scheduler if a task may now come due before the reported time.
	 * @param scheduledAt the earliest the changed task may come due
	 * @return whether the scheduler was woken
	 */
	public boolean changed(Instant scheduledAt) {
		Instant last = this.reported;
		if (last != null && !scheduledAt.isBefore(last)) {
			return false;
		}
		wake();
		return true;
	}

	/**
	 * Wakes the scheduler whatever it was told: changes may have been missed.
	 */
	public void wakeUp() {
		wake();
	}

	/**
	 * A failure to wake must not end the watching: polling wakes the scheduler anyway.
	 */
	private void wake() {
		try {
			this.wakeUp.run();
		}
		catch (RuntimeException ex) {
			logger.warn("Waking the scheduler after a change failed: {}", ex.toString());
		}
	}

}
