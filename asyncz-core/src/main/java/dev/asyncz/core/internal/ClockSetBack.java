package dev.asyncz.core.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.asyncz.store.TaskQuery;
import dev.asyncz.store.TaskState;
import dev.asyncz.store.TaskStore;
import dev.asyncz.task.FireTimes;
import dev.asyncz.task.Task;
import dev.asyncz.trigger.IntervalTrigger;
import dev.asyncz.trigger.LifecycleTrigger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-plans tasks after the wall clock was set back. Their next run times were computed on
 * the old clock: a task due a minute after the old time would otherwise wait the jump
 * plus a minute. So every scheduled task due within the jump of the old time gets the
 * first fire time after the new time, if that is earlier (a retry keeps its delay
 * instead); one-shots keep their instant, since it is one: the first fire time after the
 * new time is that instant again. Tasks due later than that, a daily run tomorrow, say,
 * already wait no longer than they should and are left alone.
 */
final class ClockSetBack {

	private static final Logger logger = LoggerFactory.getLogger(ClockSetBack.class);

	private static final int PAGE = 500;

	private ClockSetBack() {
	}

	/**
	 * Re-plans the affected tasks of every store.
	 * @param stores the started stores by name
	 * @param expected what the clock would read had it not been set
	 * @param now what it reads
	 * @param running whether a task (by id) has a run in progress here: its claim, and
	 * the next run time its end decides, are left alone
	 * @return how many tasks were re-planned
	 */
	static int replan(Map<String, TaskStore> stores, Instant expected, Instant now, Predicate<String> running) {
		Duration jump = Duration.between(now, expected);
		Instant windowEnd = expected.plus(jump);
		int replanned = 0;
		for (Map.Entry<String, TaskStore> entry : stores.entrySet()) {
			try {
				replanned += replan(entry.getValue(), jump, windowEnd, now, running);
			}
			catch (RuntimeException ex) {
				logger.warn("Could not re-plan the tasks of store '{}' after the clock was set back: {}",
						entry.getKey(), ex.toString());
			}
		}
		return replanned;
	}

	private static int replan(TaskStore store, Duration jump, Instant windowEnd, Instant now,
			Predicate<String> running) {
		List<Task> affected = new ArrayList<>();
		for (long offset = 0;; offset += PAGE) {
			List<Task> page = store.list(new TaskQuery(null, TaskState.SCHEDULED, offset, PAGE));
			for (Task task : page) {
				if (task.nextRunTime().isAfter(windowEnd)) {
					return update(store, affected, jump, now, running);
				}
				affected.add(task);
			}
			if (page.size() < PAGE) {
				return update(store, affected, jump, now, running);
			}
		}
	}

	private static int update(TaskStore store, List<Task> affected, Duration jump, Instant now,
			Predicate<String> running) {
		int count = 0;
		for (Task task : affected) {
			if (task.trigger() instanceof LifecycleTrigger || !task.nextRunTime().isAfter(now)
					|| running.test(task.id())) {
				continue;
			}
			Task replanned = replanned(task, jump, now);
			if (replanned != null) {
				store.update(replanned);
				count++;
			}
		}
		return count;
	}

	/**
	 * The task planned from the new time, or {@code null} when it already waits no longer
	 * than it should.
	 */
	private static @Nullable Task replanned(Task task, Duration jump, Instant now) {
		Instant current = task.nextRunTime();
		if (task.retryPending() || task.trigger() instanceof IntervalTrigger) {
			// Elapsed time, not wall time: the wait that was left stays the wait. An
			// interval counts on from there (its start moves with it), so its fire times
			// after the jump are new ones, not those it ran before.
			Instant shifted = FireTimes.truncate(current.minus(jump));
			Instant next = shifted.isBefore(now) ? FireTimes.truncate(now) : shifted;
			if (task.trigger() instanceof IntervalTrigger interval && !task.retryPending()) {
				if (interval.end() != null && next.isAfter(interval.end())) {
					return null;
				}
				return task.toBuilder().trigger(interval.startingAt(next)).nextRunTime(next).build();
			}
			return task.withNextRunTime(next);
		}
		// A wall-clock trigger (cron, calendar) follows the wall: the first fire time
		// after the new reading.
		Instant next = FireTimes.nextAfter(task.trigger(), now).orElse(null);
		return (next != null && next.isBefore(current)) ? task.withNextRunTime(next) : null;
	}

}
