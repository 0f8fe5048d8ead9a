package dev.asyncz.core.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import dev.asyncz.event.TaskFailed;
import dev.asyncz.event.TaskRetryScheduled;
import dev.asyncz.store.TaskStore;
import dev.asyncz.task.FireTimes;
import dev.asyncz.task.RetryPolicy;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what a failed run leaves behind, by the task's retry policy: a retry of the
 * same fire time (stored with the task, so it survives restarts and may run on another
 * instance), or — no retry left — the failed state for a one-shot and the next fire time
 * for a recurring task. A retry that would come at or after the next regular fire time is
 * not scheduled: a retry never delays or doubles a regular run.
 */
final class FailedRuns {

	private static final Logger logger = LoggerFactory.getLogger(FailedRuns.class);

	private final EventBus events;

	private final Clock clock;

	private final Release release;

	FailedRuns(EventBus events, Clock clock, Release release) {
		this.events = events;
		this.clock = clock;
		this.release = release;
	}

	void failed(Run run, Throwable error) {
		Task task = run.task();
		RetryPolicy retry = task.options().retry();
		Instant now = this.clock.instant();
		int attempts = run.attempt();
		if (retry.retries(error, attempts)) {
			Instant retryAt = FireTimes.truncate(now.plus(retry.delayAfter(attempts, ThreadLocalRandom.current())));
			if (run.after() == null || retryAt.isBefore(run.after())) {
				TaskFailure failure = TaskFailure.of(run.fireTime(), attempts, error, now, false);
				logger.warn("Task '{}' failed on attempt {} of {} for its fire time {}; trying again at {}", task.id(),
						attempts, retry.maxAttempts(), run.fireTime(), retryAt);
				this.release.release(run.store(), task, task.withNextRun(retryAt, failure));
				this.events.publish(new TaskRetryScheduled(task.id(), task.function(), task.store(), task.executor(),
						run.fireTime(), attempts, retryAt, failure.errorType(), failure.message()));
				return;
			}
			logger.warn("Task '{}' failed on attempt {} for its fire time {}; not trying again, as its next fire "
					+ "time {} comes first", task.id(), attempts, run.fireTime(), run.after());
		}
		TaskFailure failure = TaskFailure.of(run.fireTime(), attempts, error, now, true);
		boolean kept = run.after() == null;
		if (kept) {
			logger.error("Task '{}' failed {} time(s) for its fire time {} and is kept in the failed state: run it "
					+ "again or delete it", task.id(), attempts, run.fireTime());
		}
		else {
			logger.warn("Task '{}' failed {} time(s) for its fire time {}; it runs next at {}", task.id(), attempts,
					run.fireTime(), run.after());
		}
		this.release.release(run.store(), task, task.withNextRun(run.after(), failure));
		this.events.publish(new TaskFailed(task.id(), task.function(), task.store(), task.executor(), run.fireTime(),
				attempts, failure.errorType(), failure.message(), kept));
	}

	/**
	 * Ends a claim with the task's next state.
	 */
	@FunctionalInterface
	interface Release {

		boolean release(TaskStore store, Task claimed, Task next);

	}

}
