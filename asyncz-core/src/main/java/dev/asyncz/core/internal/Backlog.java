package dev.asyncz.core.internal;

import java.util.List;
import java.util.function.Supplier;

import dev.asyncz.executor.SchedulerExecutor;

/**
 * How many more due runs the scheduler thread may hand to the executors: no more than
 * keeps {@code limit} runs waiting for a worker. Due tasks beyond that stay in their
 * store, where they cost nothing, instead of in an executor's queue, where a durable
 * store's claim on each would be held and renewed, other instances could not take them,
 * and every later claiming query would have to step over them. When the thread holds
 * back, the end of a run wakes it once the backlog is down to half the limit.
 * <p>
 * Executors that cannot tell their queue length (virtual threads, adapters) count as
 * having none, which is right for virtual threads: they start every run at once.
 */
final class Backlog {

	private final int limit;

	private final Supplier<List<SchedulerExecutor>> executors;

	private final Runnable wakeUp;

	private volatile boolean heldBack;

	/**
	 * A backlog limit over the scheduler's executors.
	 * @param limit the most runs to keep waiting for a worker
	 * @param executors the executors now
	 * @param wakeUp wakes the scheduler thread
	 */
	Backlog(int limit, Supplier<List<SchedulerExecutor>> executors, Runnable wakeUp) {
		this.limit = limit;
		this.executors = executors;
		this.wakeUp = wakeUp;
	}

	/**
	 * How many runs may be handed over now. Zero means hold back: the thread will be
	 * woken when there is room again.
	 * @return a count from zero to the limit
	 */
	int room() {
		// Raised before the count is read, so that a run ending after the read sees it
		// and no wake-up can be lost between the two.
		this.heldBack = true;
		int room = this.limit - waiting();
		if (room > 0) {
			this.heldBack = false;
			return room;
		}
		return 0;
	}

	/**
	 * Tells that a run ended; wakes the thread if it held back and there is room again.
	 */
	void runEnded() {
		if (this.heldBack && waiting() <= this.limit / 2) {
			this.heldBack = false;
			this.wakeUp.run();
		}
	}

	private int waiting() {
		// Indexed: an iterator per call would be garbage at the end of every run.
		List<SchedulerExecutor> executors = this.executors.get();
		int waiting = 0;
		for (int i = 0; i < executors.size(); i++) {
			waiting += Math.max(0, executors.get(i).queuedCount());
		}
		return waiting;
	}

}
