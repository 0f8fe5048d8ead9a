package dev.asyncz.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records when probed tasks start, against when they were due, and tells the harness once
 * the expected number has started. Times are wall-clock microseconds since the epoch, the
 * clock all three subjects schedule against. One probe serves several rounds:
 * {@link #expect(int)} starts one.
 */
final class Probe {

	private volatile Round round = new Round(0);

	/**
	 * A probe for runs that never report.
	 * @return a probe expecting nothing
	 */
	static Probe none() {
		return new Probe();
	}

	/**
	 * Starts a round; call it only while no probed task is running.
	 * @param count how many runs the round waits for
	 * @return this probe
	 */
	Probe expect(int count) {
		this.round = new Round(count);
		return this;
	}

	/**
	 * Called by a probed task as it starts.
	 * @param scheduledMicros when the run was due, in epoch microseconds
	 */
	void ran(long scheduledMicros) {
		this.round.ran(scheduledMicros);
	}

	/**
	 * Waits until every run the round expects has started.
	 * @param timeout how long at most
	 * @throws InterruptedException if interrupted
	 */
	void await(Duration timeout) throws InterruptedException {
		Round current = this.round;
		if (!current.done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new IllegalStateException("Only " + current.recorded.get() + " of " + current.expected
					+ " probed tasks ran within " + timeout);
		}
	}

	/**
	 * When the round's first run started.
	 * @return epoch microseconds
	 */
	long firstStartMicros() {
		return Arrays.stream(this.round.started).min().orElseThrow();
	}

	/**
	 * When the round's last run started.
	 * @return epoch microseconds
	 */
	long lastStartMicros() {
		return Arrays.stream(this.round.started).max().orElseThrow();
	}

	/**
	 * How late each run of the round started, sorted.
	 * @return start minus due time per run, in microseconds, ascending
	 */
	long[] sortedLatenessMicros() {
		Round current = this.round;
		long[] lateness = new long[current.expected];
		for (int i = 0; i < current.expected; i++) {
			lateness[i] = current.started[i] - current.scheduled[i];
		}
		Arrays.sort(lateness);
		return lateness;
	}

	/**
	 * The wall clock now.
	 * @return epoch microseconds
	 */
	static long nowMicros() {
		return epochMicros(Instant.now());
	}

	/**
	 * An instant as a number.
	 * @param instant the instant
	 * @return epoch microseconds
	 */
	static long epochMicros(Instant instant) {
		return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
	}

	private static final class Round {

		private final int expected;

		private final long[] scheduled;

		private final long[] started;

		private final AtomicInteger claimed = new AtomicInteger();

		// Counted after the slot is written, so that whoever sees the last count sees
		// every slot.
		private final AtomicInteger recorded = new AtomicInteger();

		private final CountDownLatch done;

		Round(int expected) {
			this.expected = expected;
			this.scheduled = new long[expected];
			this.started = new long[expected];
			this.done = new CountDownLatch((expected > 0) ? 1 : 0);
		}

		void ran(long scheduledMicros) {
			long now = nowMicros();
			int slot = this.claimed.getAndIncrement();
			if (slot >= this.expected) {
				return;
			}
			this.scheduled[slot] = scheduledMicros;
			this.started[slot] = now;
			if (this.recorded.incrementAndGet() == this.expected) {
				this.done.countDown();
			}
		}

	}

}
