package dev.asyncz.benchmarks.durable;

import java.time.Instant;
import java.util.Arrays;

/**
 * Collects what the benchmark task saw of each run: when it was due, when it started and
 * ended. The task body does nothing else, so the figures measure the scheduler and its
 * store.
 */
public final class Recorder {

	private final boolean keepLateness;

	private long[] lateness = new long[1024];

	private int count;

	private long firstStartMicros = Long.MAX_VALUE;

	private long lastEndMicros = Long.MIN_VALUE;

	/**
	 * A recorder.
	 * @param keepLateness whether to keep each run's lateness, not just the count and the
	 * time span
	 */
	public Recorder(boolean keepLateness) {
		this.keepLateness = keepLateness;
	}

	/**
	 * The current wall time in microseconds since the epoch.
	 * @return the time
	 */
	public static long nowMicros() {
		Instant now = Instant.now();
		return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
	}

	/**
	 * Converts an instant to microseconds since the epoch.
	 * @param instant the instant
	 * @return the microseconds
	 */
	public static long micros(Instant instant) {
		return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
	}

	/**
	 * Records one run; called by the task body.
	 * @param scheduledMicros when the run was due
	 * @param startMicros when it started
	 */
	public void executed(long scheduledMicros, long startMicros) {
		long endMicros = nowMicros();
		synchronized (this) {
			if (this.keepLateness) {
				if (this.count == this.lateness.length) {
					this.lateness = Arrays.copyOf(this.lateness, this.count * 2);
				}
				this.lateness[this.count] = startMicros - scheduledMicros;
			}
			this.count++;
			this.firstStartMicros = Math.min(this.firstStartMicros, startMicros);
			this.lastEndMicros = Math.max(this.lastEndMicros, endMicros);
		}
	}

	/**
	 * What was recorded so far.
	 * @param startCalledMicros when the scheduler was asked to start
	 * @param readyMicros when it had started
	 * @return the result
	 */
	public synchronized WorkerResult result(long startCalledMicros, long readyMicros) {
		long[] kept = this.keepLateness ? Arrays.copyOf(this.lateness, this.count) : new long[0];
		return new WorkerResult(this.count, this.firstStartMicros, this.lastEndMicros, startCalledMicros, readyMicros,
				kept);
	}

}
