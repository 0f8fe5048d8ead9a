package dev.asyncz.core.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.asyncz.task.FireTimes;
import dev.asyncz.task.MisfirePolicy;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskFailure;
import dev.asyncz.task.TaskOptions;
import dev.asyncz.trigger.Trigger;
import org.jspecify.annotations.Nullable;

/**
 * Works out what to do with a claimed, due task: the one fire time to run now (if any),
 * which fire times are skipped as misfires, and the task's next run time once that run is
 * over. One claim, one run: when several fire times each get a run
 * ({@code coalesce=false}), the next one is the next run time, already due, and is
 * claimed again as soon as this run ends.
 *
 * <p>
 * Catch-up is bounded: a task missed for years, or a clock set to the year 2200, never
 * enumerates more than {@link #MAX_ENUMERATED} fire times in one pass.
 */
final class RunPlanner {

	/** The most fire times looked at for one task in one pass. */
	static final int MAX_ENUMERATED = 1000;

	private RunPlanner() {
	}

	/**
	 * Plans one due task.
	 * @param task the due task; its next run time is at or before {@code now}
	 * @param now the current time
	 * @param recovered whether this is a re-run after a lost claim (misfire rules do not
	 * apply: it was due and claimed in time)
	 * @return the plan
	 */
	static Plan plan(Task task, Instant now, boolean recovered) {
		Trigger trigger = task.trigger();
		TaskFailure failure = task.failure();
		if (task.retryPending()) {
			Instant regular = FireTimes.nextAfter(trigger, failure.fireTime()).orElse(null);
			if (regular == null || regular.isAfter(now)) {
				return new Plan(failure.fireTime(), failure.attempts() + 1, List.of(), 0, null, regular, false, false);
			}
			// The next regular fire time came before the retry could run: a retry never
			// delays or doubles a regular run, so it is dropped.
			return planFireTimes(task, regular, now, recovered, true);
		}
		return planFireTimes(task, task.nextRunTime(), now, recovered, false);
	}

	private static Plan planFireTimes(Task task, Instant first, Instant now, boolean recovered, boolean retryDropped) {
		Trigger trigger = task.trigger();
		TaskOptions options = task.options();
		Instant horizon = (recovered || !options.hasMisfireLimit()) ? null : now.minus(options.misfireGraceTime());
		if ((horizon == null || !first.isBefore(horizon)) && !first.isAfter(now)) {
			// The usual case, worked out without the lists below (a burst of runs makes a
			// plan per run): one fire time due and on time, the next one not yet due.
			// Every policy runs it alone.
			Instant after = next(trigger, first);
			if (after == null || after.isAfter(now)) {
				return new Plan(first, 1, List.of(), 0, null, after, false, retryDropped);
			}
		}
		List<Instant> missed = new ArrayList<>();
		boolean truncated = false;
		Instant cursor = first;
		if (horizon != null) {
			while (cursor != null && cursor.isBefore(horizon)) {
				if (missed.size() == MAX_ENUMERATED) {
					truncated = true;
					cursor = skipTo(trigger, horizon, cursor);
					break;
				}
				missed.add(cursor);
				cursor = next(trigger, cursor);
			}
		}
		List<Instant> onTime = new ArrayList<>();
		while (cursor != null && !cursor.isAfter(now)) {
			if (onTime.size() == MAX_ENUMERATED) {
				truncated = true;
				cursor = next(trigger, now);
				break;
			}
			onTime.add(cursor);
			cursor = next(trigger, cursor);
		}
		// cursor: the first fire time after all those enumerated (after now), or null
		// when the trigger is finished.
		MisfirePolicy policy = options.misfirePolicy();
		if (policy == MisfirePolicy.RUN_ONCE) {
			List<Instant> all = new ArrayList<>(missed);
			all.addAll(onTime);
			Instant run = all.get(all.size() - 1);
			return new Plan(run, 1, List.of(), all.size() - 1, lateness(run, horizon, now), cursor, truncated,
					retryDropped);
		}
		if (!onTime.isEmpty()) {
			if (options.coalesce()) {
				Instant run = onTime.get(onTime.size() - 1);
				return new Plan(run, 1, missed, onTime.size() - 1, null, cursor, truncated, retryDropped);
			}
			Instant after = (onTime.size() > 1) ? onTime.get(1) : cursor;
			return new Plan(onTime.get(0), 1, missed, 0, null, after, truncated, retryDropped);
		}
		if (cursor == null && policy == MisfirePolicy.RUN_IF_WITHIN_GRACE && !missed.isEmpty()) {
			// A trigger's final fire time is never skipped by default: a late one-shot is
			// still work someone asked for.
			Instant run = missed.remove(missed.size() - 1);
			return new Plan(run, 1, missed, 0, lateness(run, horizon, now), null, truncated, retryDropped);
		}
		return new Plan(null, 0, missed, 0, null, cursor, truncated, retryDropped);
	}

	private static @Nullable Instant next(Trigger trigger, Instant after) {
		return FireTimes.nextAfter(trigger, after).orElse(null);
	}

	private static @Nullable Duration lateness(Instant run, @Nullable Instant horizon, Instant now) {
		return (horizon != null && run.isBefore(horizon)) ? Duration.between(run, now) : null;
	}

	/**
	 * Jumps over fire times long past: the first fire time at or after {@code horizon},
	 * never earlier than the cursor.
	 */
	private static @Nullable Instant skipTo(Trigger trigger, Instant horizon, Instant cursor) {
		Optional<Instant> first = FireTimes.first(trigger, horizon);
		if (first.isPresent() && first.get().isAfter(cursor)) {
			return first.get();
		}
		return next(trigger, horizon);
	}

	/**
	 * What to do with one due task.
	 *
	 * @param runTime the fire time to run now, or {@code null} for none
	 * @param attempt which run of that fire time it is (1 unless a retry)
	 * @param missed fire times skipped as too late, oldest first; at most
	 * {@link #MAX_ENUMERATED}
	 * @param coalesced how many more fire times the run stands for
	 * @param lateness how much later than its grace time the run starts, or {@code null}
	 * when on time
	 * @param after the task's next run time once this run is over, or {@code null} when
	 * the trigger is finished
	 * @param truncated whether more fire times were skipped than listed
	 * @param retryDropped whether a pending retry was dropped because the next regular
	 * fire time came first
	 */
	record Plan(@Nullable Instant runTime, int attempt, List<Instant> missed, int coalesced,
			@Nullable Duration lateness, @Nullable Instant after, boolean truncated, boolean retryDropped) {

	}

}
