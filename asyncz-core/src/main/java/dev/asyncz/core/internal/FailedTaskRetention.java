package dev.asyncz.core.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.asyncz.event.TaskRemoved;
import dev.asyncz.store.TaskQuery;
import dev.asyncz.store.TaskState;
import dev.asyncz.store.TaskStore;
import dev.asyncz.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes tasks that stayed in the failed state longer than the configured retention —
 * the one removal that is neither a user's delete nor a successful final run, and only
 * when someone configured it. Looks at most once a minute.
 */
final class FailedTaskRetention {

	private static final Logger logger = LoggerFactory.getLogger(FailedTaskRetention.class);

	private static final long EVERY_NANOS = Duration.ofMinutes(1).toNanos();

	private static final int PAGE = 500;

	private final Duration retention;

	private final EventBus events;

	private long lastSweepNanos;

	private boolean swept;

	FailedTaskRetention(Duration retention, EventBus events) {
		this.retention = retention;
		this.events = events;
	}

	/**
	 * Whether a minute has passed since the last sweep (or there was none).
	 * @param monotonicNanos elapsed time
	 * @return true to sweep now
	 */
	boolean due(long monotonicNanos) {
		return !this.swept || monotonicNanos - this.lastSweepNanos >= EVERY_NANOS;
	}

	/**
	 * Removes the expired failed tasks of every store; call when {@link #due}.
	 * @param stores the started stores by name
	 * @param now the scheduler's time
	 * @param monotonicNanos elapsed time, read with {@code now}
	 */
	void sweep(Map<String, TaskStore> stores, Instant now, long monotonicNanos) {
		this.swept = true;
		this.lastSweepNanos = monotonicNanos;
		Instant cutoff = now.minus(this.retention);
		stores.forEach((name, store) -> {
			try {
				sweep(name, store, cutoff);
			}
			catch (RuntimeException ex) {
				logger.warn("Could not remove the expired failed tasks of store '{}': {}", name, ex.toString());
			}
		});
	}

	private void sweep(String storeName, TaskStore store, Instant cutoff) {
		List<Task> expired = new ArrayList<>();
		for (long offset = 0;; offset += PAGE) {
			List<Task> page = store.list(new TaskQuery(null, TaskState.FAILED, offset, PAGE));
			for (Task task : page) {
				if (task.failed() && task.failure().failedAt().isBefore(cutoff)) {
					expired.add(task);
				}
			}
			if (page.size() < PAGE) {
				break;
			}
		}
		for (Task task : expired) {
			if (store.remove(task.id())) {
				logger.info("Removed task '{}' of store '{}': it failed at {} and the failed-task retention is {}",
						task.id(), storeName, task.failure().failedAt(), this.retention);
				this.events.publish(new TaskRemoved(task));
			}
		}
	}

}
