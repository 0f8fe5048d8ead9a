package dev.asyncz.core.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Consumer;

import dev.asyncz.core.StuckTask;
import dev.asyncz.event.TaskDeferred;
import dev.asyncz.task.FireTimes;
import dev.asyncz.task.Task;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The due tasks this instance cannot run: their function is not registered here, their
 * executor does not exist here, or their arguments do not bind to this instance's version
 * of the function — as happens to the old instances of a rolling deploy. Such a task is
 * never failed, quarantined or deleted: it goes back to its store due a little later,
 * with a back-off per task doubling from {@link #FIRST_BACKOFF} to {@link #MAX_BACKOFF},
 * so that instances that can run it take it meanwhile and this one does not spin on it.
 *
 * <p>
 * People hear of it once per task (a {@link TaskDeferred} event, and a WARN line — at
 * most twenty every ten seconds, then a count of those left out), and again, as an ERROR
 * and in {@link #stuck}, once it has been put off here for longer than the stuck
 * threshold without a break. A task not put off again within {@link #FORGET_AFTER} ran
 * elsewhere, or was changed or deleted, and is forgotten; at most {@link #MAX_TRACKED}
 * tasks are remembered, so the bookkeeping stays small when a whole store is foreign to
 * this instance.
 */
final class UnrunnableTasks {

	private static final Logger logger = LoggerFactory.getLogger(UnrunnableTasks.class);

	static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

	static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

	/**
	 * Longer than the longest back-off, so that a task still put off is never forgotten.
	 */
	static final Duration FORGET_AFTER = MAX_BACKOFF.multipliedBy(3);

	static final int MAX_TRACKED = 10_000;

	/**
	 * How long after a put-off task is due again this instance waits before it looks: the
	 * others, told of it, take it first.
	 */
	static final Duration COURTESY = Duration.ofSeconds(1);

	private final EventBus events;

	private final WarnBudget warnings = new WarnBudget(logger, 20, Duration.ofSeconds(10),
			"tasks this instance cannot run (see the TaskDeferred events and the asyncz.task.deferred metric)");

	private final Duration stuckThreshold;

	/** Task id → how it was put off; read by other threads through {@link #stuck}. */
	private final Map<String, Deferral> deferrals = new ConcurrentHashMap<>();

	/** When the tasks put off are due again, so that this instance looks last. */
	private final NavigableSet<Instant> retryTimes = new ConcurrentSkipListSet<>();

	private volatile Instant lastPruned = Instant.MIN;

	UnrunnableTasks(EventBus events, Duration stuckThreshold) {
		this.events = events;
		this.stuckThreshold = stuckThreshold;
	}

	/**
	 * Puts a task off: says so the first time, and when it becomes stuck.
	 * @param task the task as claimed
	 * @param fireTime the fire time it was due for
	 * @param reason why this instance cannot run it
	 * @param now the scheduler's time
	 * @param putBack stores the task due again at the given time; called before anyone
	 * hears of it, so that they find it stored so
	 */
	void defer(Task task, Instant fireTime, String reason, Instant now, Consumer<Instant> putBack) {
		prune(now);
		Deferral previous = this.deferrals.get(task.id());
		if (previous != null && forgotten(previous, now)) {
			// A break: it ran elsewhere (or changed) in between, and is put off anew.
			previous = null;
		}
		if (previous == null && this.deferrals.size() >= MAX_TRACKED) {
			// Unremembered, it is put off as long as a task put off many times: quietly,
			// as thousands of others already were.
			putBack.accept(FireTimes.truncate(now.plus(MAX_BACKOFF)));
			return;
		}
		Deferral deferral = (previous != null) ? previous.again(now, reason)
				: new Deferral(task.id(), task.store(), task.function(), task.executor(), reason, now, now, 1, false);
		Instant retryAt = FireTimes.truncate(now.plus(deferral.backoff()));
		this.deferrals.put(task.id(), deferral);
		this.retryTimes.add(retryAt);
		putBack.accept(retryAt);
		if (previous == null) {
			if (this.warnings.allow()) {
				logger.warn(
						"Task '{}' in store '{}' is due but cannot run on this instance ({}); it stays stored for "
								+ "instances that can run it, and is looked at here again at {}",
						task.id(), task.store(), reason, retryAt);
			}
			this.events.publish(new TaskDeferred(task.id(), task.function(), task.store(), task.executor(), fireTime,
					reason, retryAt));
		}
		if (!deferral.reportedStuck() && deferral.puttingOff(now).compareTo(this.stuckThreshold) >= 0) {
			logger.error(
					"Task '{}' in store '{}' has been due for {} and no instance ran it: {}. Deploy the code "
							+ "that runs it, or update or delete the task",
					task.id(), task.store(), deferral.puttingOff(now), reason);
			this.deferrals.put(task.id(), deferral.stuckReported());
		}
	}

	/**
	 * When to look for due tasks: {@code next}, or a little after it when it is the time
	 * a task this instance put off is due again — the instances that can run it were
	 * told, and this one would only put it off once more. That delays this instance's
	 * other tasks due within {@link #COURTESY} of it by as much, at most.
	 * @param next the earliest time a store has something due, or {@code null}
	 * @return when to look
	 */
	@Nullable Instant afterOthers(@Nullable Instant next) {
		if (next == null || this.retryTimes.isEmpty()) {
			return next;
		}
		this.retryTimes.headSet(next.minus(MAX_BACKOFF)).clear();
		return this.retryTimes.contains(next) ? next.plus(COURTESY) : next;
	}

	/**
	 * Forgets a task that ran here.
	 * @param taskId the task id
	 */
	void ran(String taskId) {
		if (!this.deferrals.isEmpty()) {
			this.deferrals.remove(taskId);
		}
	}

	/**
	 * The tasks put off here for longer than the stuck threshold, without a break.
	 * @param now the scheduler's time
	 * @return the stuck tasks, oldest first
	 */
	List<StuckTask> stuck(Instant now) {
		return this.deferrals.values()
			.stream()
			.filter((deferral) -> !forgotten(deferral, now)
					&& deferral.puttingOff(now).compareTo(this.stuckThreshold) >= 0)
			.sorted(Comparator.comparing(Deferral::first))
			.map(Deferral::describe)
			.toList();
	}

	private void prune(Instant now) {
		if (this.deferrals.isEmpty() || now.isBefore(this.lastPruned.plus(MAX_BACKOFF))) {
			return;
		}
		this.lastPruned = now;
		this.deferrals.values().removeIf((deferral) -> forgotten(deferral, now));
	}

	private static boolean forgotten(Deferral deferral, Instant now) {
		return deferral.last().plus(FORGET_AFTER).isBefore(now);
	}

	/**
	 * How one task has been put off.
	 */
	private record Deferral(String id, String store, String function, String executor, String reason, Instant first,
			Instant last, int times, boolean reportedStuck) {

		Deferral again(Instant now, String newReason) {
			return new Deferral(this.id, this.store, this.function, this.executor, newReason, this.first, now,
					this.times + 1, this.reportedStuck);
		}

		Deferral stuckReported() {
			return new Deferral(this.id, this.store, this.function, this.executor, this.reason, this.first, this.last,
					this.times, true);
		}

		Duration backoff() {
			Duration backoff = FIRST_BACKOFF.multipliedBy(1L << Math.min(this.times - 1, 16));
			return (backoff.compareTo(MAX_BACKOFF) > 0) ? MAX_BACKOFF : backoff;
		}

		Duration puttingOff(Instant now) {
			return Duration.between(this.first, now);
		}

		StuckTask describe() {
			return new StuckTask(this.id, this.store, this.function, this.executor, this.reason, this.first);
		}

	}

}
