package dev.asyncz.dashboard.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import dev.asyncz.core.Scheduler;
import dev.asyncz.event.SchedulerEvent;
import dev.asyncz.event.SchedulerListener;
import dev.asyncz.event.TaskError;
import dev.asyncz.event.TaskExecuted;
import dev.asyncz.event.TaskMaxInstancesReached;
import dev.asyncz.event.TaskMissed;
import org.jspecify.annotations.Nullable;

/**
 * The latest runs of this instance's tasks, fed by scheduler events: a ring buffer, so a
 * scheduler running millions of tasks keeps only the last {@code capacity} runs.
 */
public final class RunHistory implements SchedulerListener, AutoCloseable {

	private static final int MAX_MESSAGE_LENGTH = 2000;

	private final Scheduler scheduler;

	private final Run[] ring;

	private long written;

	private RunHistory(Scheduler scheduler, int capacity) {
		this.scheduler = scheduler;
		this.ring = new Run[capacity];
	}

	/**
	 * Starts recording {@code scheduler}'s runs.
	 * @param scheduler the scheduler
	 * @param capacity the most runs remembered
	 * @return the history, to {@link #close()} when done
	 */
	@SuppressWarnings("unchecked")
	public static RunHistory attach(Scheduler scheduler, int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
		}
		RunHistory history = new RunHistory(scheduler, capacity);
		scheduler.addListener(history, TaskExecuted.class, TaskError.class, TaskMissed.class,
				TaskMaxInstancesReached.class);
		return history;
	}

	@Override
	public void onEvent(SchedulerEvent event) {
		if (event instanceof TaskExecuted executed) {
			record(new Run(executed.taskId(), executed.function(), executed.store(), Outcome.SUCCESS,
					executed.scheduledRunTime(), executed.startedAt(), executed.duration(), null, null));
		}
		else if (event instanceof TaskError error) {
			Throwable exception = error.exception();
			record(new Run(error.taskId(), error.function(), error.store(), Outcome.ERROR, error.scheduledRunTime(),
					error.startedAt(), error.duration(), exception.getClass().getName(),
					truncate(exception.getMessage())));
		}
		else if (event instanceof TaskMissed missed) {
			record(new Run(missed.taskId(), missed.function(), missed.store(), Outcome.MISSED,
					missed.scheduledRunTime(), null, null, null, null));
		}
		else if (event instanceof TaskMaxInstancesReached reached) {
			record(new Run(reached.taskId(), reached.function(), reached.store(), Outcome.MAX_INSTANCES_REACHED,
					reached.scheduledRunTime(), null, null, null, null));
		}
	}

	/**
	 * The remembered runs that match, newest first.
	 * @param filter which runs
	 * @param limit the most to return
	 * @return the runs
	 */
	public synchronized List<Run> recent(Predicate<Run> filter, int limit) {
		List<Run> runs = new ArrayList<>(Math.min(limit, 64));
		long oldest = Math.max(0, this.written - this.ring.length);
		for (long i = this.written - 1; i >= oldest && runs.size() < limit; i--) {
			Run run = this.ring[(int) (i % this.ring.length)];
			if (filter.test(run)) {
				runs.add(run);
			}
		}
		return runs;
	}

	/**
	 * The most runs remembered.
	 * @return the capacity
	 */
	public int capacity() {
		return this.ring.length;
	}

	@Override
	public void close() {
		this.scheduler.removeListener(this);
	}

	private synchronized void record(Run run) {
		this.ring[(int) (this.written % this.ring.length)] = run;
		this.written++;
	}

	private static @Nullable String truncate(@Nullable String message) {
		if (message == null || message.length() <= MAX_MESSAGE_LENGTH) {
			return message;
		}
		return message.substring(0, MAX_MESSAGE_LENGTH) + "…";
	}

	/**
	 * How a run ended.
	 */
	public enum Outcome {

		/** It ran and returned. */
		SUCCESS,

		/** It ran and threw. */
		ERROR,

		/** It was too late to run (misfire). */
		MISSED,

		/** It did not start: as many runs of the task as allowed were going on. */
		MAX_INSTANCES_REACHED

	}

	/**
	 * One run.
	 *
	 * @param taskId the task id
	 * @param function the function it called
	 * @param store the store of the task
	 * @param outcome how it ended
	 * @param scheduledRunTime the fire time
	 * @param startedAt when it started, or {@code null} if it did not run
	 * @param duration how long it ran, or {@code null} if it did not run
	 * @param errorType the exception's class name, for an error
	 * @param errorMessage the exception's message, for an error (unsanitised)
	 */
	public record Run(String taskId, String function, String store, Outcome outcome, Instant scheduledRunTime,
			@Nullable Instant startedAt, @Nullable Duration duration, @Nullable String errorType,
			@Nullable String errorMessage) {

		/**
		 * How late the run started.
		 * @return the lateness, or {@code null} if it did not run
		 */
		public @Nullable Duration lateness() {
			return (this.startedAt != null) ? Duration.between(this.scheduledRunTime, this.startedAt) : null;
		}

	}

}
