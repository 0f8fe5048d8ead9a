package dev.asyncz.core.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.asyncz.task.Task;
import dev.asyncz.task.TaskOptions;
import dev.asyncz.trigger.Trigger;
import org.jspecify.annotations.Nullable;

/**
 * Works out what to do with a due task: which of its missed run times still run, which
 * count as misfires, and when it runs next. Catch-up is bounded: a task missed for years,
 * or a clock set to the year 2200, never enumerates more than {@link #MAX_ENUMERATED} run
 * times.
 */
final class RunPlanner {

	/** The most run times looked at for one task in one pass. */
	static final int MAX_ENUMERATED = 1000;

	private RunPlanner() {
	}

	/**
	 * Plans one due task.
	 * @param task the due task; its next run time is at or before {@code now}
	 * @param now the current time
	 * @param recovered whether this is a re-run after a lost claim (misfire rules do not
	 * apply)
	 * @return the plan
	 */
	static Plan plan(Task task, Instant now, boolean recovered) {
		Trigger trigger = task.trigger();
		TaskOptions options = task.options();
		// Misfire rules do not apply to a recovered run: it was due and claimed in time.
		Duration grace = (recovered || !options.hasMisfireLimit()) ? null : options.misfireGraceTime();
		Instant first = task.nextRunTime();
		List<Instant> missed = new ArrayList<>();
		List<Instant> runnable = new ArrayList<>();
		boolean truncated = false;
		Instant cursor = first;
		if (grace != null) {
			Instant horizon = now.minus(grace);
			while (cursor != null && cursor.isBefore(horizon)) {
				if (missed.size() == MAX_ENUMERATED) {
					truncated = true;
					cursor = skipTo(trigger, horizon, cursor);
					break;
				}
				missed.add(cursor);
				cursor = trigger.nextFireTimeAfter(cursor).orElse(null);
			}
		}
		Instant last = missed.isEmpty() ? null : missed.get(missed.size() - 1);
		while (cursor != null && !cursor.isAfter(now)) {
			if (runnable.size() == MAX_ENUMERATED) {
				truncated = true;
				break;
			}
			runnable.add(cursor);
			last = cursor;
			cursor = trigger.nextFireTimeAfter(cursor).orElse(null);
		}
		if (truncated && cursor != null && !cursor.isAfter(now)) {
			cursor = trigger.nextFireTimeAfter(now).orElse(null);
		}
		if (options.coalesce() && runnable.size() > 1) {
			runnable = List.of(runnable.get(runnable.size() - 1));
		}
		return new Plan(List.copyOf(missed), List.copyOf(runnable), cursor, truncated, last);
	}

	/**
	 * Jumps over run times long past: the first fire time at or after {@code horizon},
	 * never earlier than the cursor.
	 */
	private static @Nullable Instant skipTo(Trigger trigger, Instant horizon, Instant cursor) {
		Optional<Instant> first = trigger.firstFireTime(horizon);
		if (first.isPresent() && first.get().isAfter(cursor)) {
			return first.get();
		}
		return trigger.nextFireTimeAfter(horizon).orElse(null);
	}

	/**
	 * What to do with one due task.
	 *
	 * @param missed run times too late to run (misfires), oldest first; at most
	 * {@link #MAX_ENUMERATED}
	 * @param runnable run times to run now (one when coalescing)
	 * @param nextRunTime the next fire time after this pass, or {@code null} when the
	 * trigger is finished
	 * @param truncated whether more run times were skipped than listed
	 * @param lastRunTime the latest run time looked at
	 */
	record Plan(List<Instant> missed, List<Instant> runnable, @Nullable Instant nextRunTime, boolean truncated,
			@Nullable Instant lastRunTime) {

	}

}
