package dev.asyncz.autoconfigure.actuate;

import java.time.Duration;
import java.time.Instant;

import dev.asyncz.core.Scheduler;
import dev.asyncz.event.SchedulerEvent;
import dev.asyncz.event.SchedulerListener;
import dev.asyncz.event.TaskMissed;

/**
 * Counts the misfires of a recent window, fed by {@link TaskMissed} events. Memory stays
 * fixed however many misfires there are: counts are kept per minute in a ring of buckets,
 * so the window is exact to within one minute.
 */
final class RecentMisfires implements SchedulerListener, AutoCloseable {

	static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);

	private static final long BUCKET_MILLIS = Duration.ofMinutes(1).toMillis();

	private final Scheduler scheduler;

	private final Duration window;

	private final long[] bucketIds;

	private final long[] counts;

	private RecentMisfires(Scheduler scheduler, Duration window) {
		this.scheduler = scheduler;
		this.window = window;
		int buckets = (int) Math.max(1, window.toMillis() / BUCKET_MILLIS);
		this.bucketIds = new long[buckets];
		this.counts = new long[buckets];
	}

	/**
	 * Starts counting {@code scheduler}'s misfires.
	 * @param scheduler the scheduler, whose clock places misfires in time
	 * @param window how far back to count
	 * @return the counter, to {@link #close()} when done
	 */
	@SuppressWarnings("unchecked")
	static RecentMisfires attach(Scheduler scheduler, Duration window) {
		RecentMisfires misfires = new RecentMisfires(scheduler, window);
		scheduler.addListener(misfires, TaskMissed.class);
		return misfires;
	}

	@Override
	public void onEvent(SchedulerEvent event) {
		if (event instanceof TaskMissed missed) {
			record(missed.detectedAt());
		}
	}

	/**
	 * The window misfires are counted over.
	 * @return the window
	 */
	Duration window() {
		return this.window;
	}

	/**
	 * Misfires detected within the window before the scheduler's now.
	 * @return the count
	 */
	synchronized long count() {
		long current = bucketId(this.scheduler.clock().instant());
		long oldest = current - this.counts.length + 1;
		long total = 0;
		for (int i = 0; i < this.counts.length; i++) {
			if (this.bucketIds[i] >= oldest && this.bucketIds[i] <= current) {
				total += this.counts[i];
			}
		}
		return total;
	}

	@Override
	public void close() {
		this.scheduler.removeListener(this);
	}

	private synchronized void record(Instant at) {
		long id = bucketId(at);
		int slot = (int) Math.floorMod(id, (long) this.counts.length);
		if (this.bucketIds[slot] != id) {
			this.bucketIds[slot] = id;
			this.counts[slot] = 0;
		}
		this.counts[slot]++;
	}

	private static long bucketId(Instant at) {
		return Math.floorDiv(at.toEpochMilli(), BUCKET_MILLIS);
	}

}
