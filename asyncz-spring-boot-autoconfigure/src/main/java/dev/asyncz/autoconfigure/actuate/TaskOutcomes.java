package dev.asyncz.autoconfigure.actuate;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.asyncz.core.Scheduler;
import dev.asyncz.event.SchedulerEvent;
import dev.asyncz.event.SchedulerListener;
import dev.asyncz.event.TaskError;
import dev.asyncz.event.TaskExecuted;
import dev.asyncz.event.TaskMaxInstancesReached;
import dev.asyncz.event.TaskMissed;
import dev.asyncz.event.TaskRemoved;
import org.jspecify.annotations.Nullable;

/**
 * The last outcome of the most recently run tasks, fed by scheduler events. Bounded: a
 * scheduler with millions of one-shot tasks keeps only the latest {@code capacity}
 * outcomes.
 *
 * <p>
 * Public only so that the dashboard module shares it with the endpoint: not API, it may
 * change in any release.
 */
public final class TaskOutcomes implements SchedulerListener, AutoCloseable {

	public static final int DEFAULT_CAPACITY = 10_000;

	private static final int MAX_MESSAGE_LENGTH = 500;

	private final Scheduler scheduler;

	private final Map<String, TaskOutcome> outcomes;

	private TaskOutcomes(Scheduler scheduler, int capacity) {
		this.scheduler = scheduler;
		this.outcomes = new LinkedHashMap<>(16, 0.75f, false) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, TaskOutcome> eldest) {
				return size() > capacity;
			}

		};
	}

	/**
	 * Starts recording the outcomes of {@code scheduler}'s task runs.
	 * @param scheduler the scheduler
	 * @param capacity the most tasks remembered
	 * @return the recorder, to {@link #close()} when done
	 */
	@SuppressWarnings("unchecked")
	public static TaskOutcomes attach(Scheduler scheduler, int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
		}
		TaskOutcomes outcomes = new TaskOutcomes(scheduler, capacity);
		scheduler.addListener(outcomes, TaskExecuted.class, TaskError.class, TaskMissed.class,
				TaskMaxInstancesReached.class, TaskRemoved.class);
		return outcomes;
	}

	@Override
	public void onEvent(SchedulerEvent event) {
		if (event instanceof TaskExecuted executed) {
			record(executed.taskId(), new TaskOutcome(Outcome.SUCCESS, executed.scheduledRunTime(),
					executed.startedAt(), executed.duration(), null, null));
		}
		else if (event instanceof TaskError error) {
			Throwable exception = error.exception();
			record(error.taskId(), new TaskOutcome(Outcome.ERROR, error.scheduledRunTime(), error.startedAt(),
					error.duration(), exception.getClass().getName(), truncate(exception.getMessage())));
		}
		else if (event instanceof TaskMissed missed) {
			record(missed.taskId(), new TaskOutcome(Outcome.MISSED, missed.scheduledRunTime(), null, null, null, null));
		}
		else if (event instanceof TaskMaxInstancesReached reached) {
			record(reached.taskId(),
					new TaskOutcome(Outcome.MAX_INSTANCES_REACHED, reached.scheduledRunTime(), null, null, null, null));
		}
		else if (event instanceof TaskRemoved removed) {
			synchronized (this.outcomes) {
				this.outcomes.remove(removed.taskId());
			}
		}
	}

	/**
	 * The last outcome recorded for a task.
	 * @param taskId the task id
	 * @return the outcome, or empty if none is remembered
	 */
	Optional<TaskOutcome> last(String taskId) {
		synchronized (this.outcomes) {
			return Optional.ofNullable(this.outcomes.get(taskId));
		}
	}

	/**
	 * How many tasks have a remembered outcome.
	 * @return the count
	 */
	int size() {
		synchronized (this.outcomes) {
			return this.outcomes.size();
		}
	}

	@Override
	public void close() {
		this.scheduler.removeListener(this);
	}

	private void record(String taskId, TaskOutcome outcome) {
		synchronized (this.outcomes) {
			// Re-inserting moves the task to the young end, so the least recently run
			// task is evicted first.
			this.outcomes.remove(taskId);
			this.outcomes.put(taskId, outcome);
		}
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
	enum Outcome {

		SUCCESS, ERROR, MISSED, MAX_INSTANCES_REACHED

	}

	/**
	 * One run's outcome.
	 *
	 * @param outcome how it ended
	 * @param scheduledRunTime the fire time of the run
	 * @param startedAt when it started, or {@code null} if it did not run
	 * @param duration how long it ran, or {@code null} if it did not run
	 * @param errorType the exception's class name, for an error
	 * @param errorMessage the exception's message, for an error
	 */
	record TaskOutcome(Outcome outcome, Instant scheduledRunTime, @Nullable Instant startedAt,
			@Nullable Duration duration, @Nullable String errorType, @Nullable String errorMessage) {

	}

}
