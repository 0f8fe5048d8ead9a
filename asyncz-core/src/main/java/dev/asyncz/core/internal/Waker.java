package dev.asyncz.core.internal;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets the scheduler thread sleep until a deadline and be woken early. A wake-up that
 * comes while the thread is busy is remembered, so it is never lost between two sleeps.
 */
final class Waker {

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition woken = this.lock.newCondition();

	private boolean pending;

	void wakeUp() {
		this.lock.lock();
		try {
			this.pending = true;
			this.woken.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Sleeps up to {@code nanos} unless a wake-up is pending or arrives.
	 * @param nanos the longest sleep
	 */
	void sleep(long nanos) {
		this.lock.lock();
		try {
			long remaining = nanos;
			while (!this.pending && remaining > 0) {
				remaining = this.woken.awaitNanos(remaining);
			}
			this.pending = false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.lock.unlock();
		}
	}

}
