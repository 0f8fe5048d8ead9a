package dev.asyncz.dashboard.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.asyncz.autoconfigure.actuate.AsynczEndpoint.SchedulerDescriptor;
import dev.asyncz.autoconfigure.actuate.AsynczEndpoint.StoreDescriptor;
import dev.asyncz.autoconfigure.actuate.SchedulerDescriber;
import dev.asyncz.core.Scheduler;
import dev.asyncz.dashboard.internal.DashboardViews.Overview;
import dev.asyncz.dashboard.internal.DashboardViews.RunStats;
import dev.asyncz.dashboard.internal.DashboardViews.StoreView;
import dev.asyncz.dashboard.internal.DashboardViews.Timeline;
import dev.asyncz.dashboard.internal.RunHistory.Outcome;
import dev.asyncz.dashboard.internal.RunHistory.Run;
import dev.asyncz.store.TaskSearch;
import dev.asyncz.task.Task;
import dev.asyncz.trigger.Trigger;

/**
 * Builds the overview. Every part is bounded whatever the number of tasks: one page of
 * scheduled tasks per store for the timeline, the run history for the run figures, and
 * the stores' own counts.
 */
final class OverviewReader {

	/** Scheduled tasks read per store for the timeline, earliest first. */
	static final int TIMELINE_TASKS = 2000;

	private static final Duration HOUR = Duration.ofHours(1);

	private final Scheduler scheduler;

	private final SchedulerDescriber describer;

	private final RunHistory history;

	OverviewReader(Scheduler scheduler, SchedulerDescriber describer, RunHistory history) {
		this.scheduler = scheduler;
		this.describer = describer;
		this.history = history;
	}

	Overview read(boolean showValues) {
		SchedulerDescriptor described = this.describer.scheduler(showValues);
		Instant now = described.now();
		List<StoreView> stores = described.stores().stream().map(this::store).toList();
		return new Overview(described.state(), this.scheduler.instanceId(), described.timezone(), now, stores,
				described.executors(), runStats(now), timeline(now, stores));
	}

	private StoreView store(StoreDescriptor store) {
		boolean reachable = store.error() == null;
		Map<TaskSearch.Status, Long> byStatus = Map.of();
		if (reachable) {
			try {
				byStatus = this.scheduler.countByStatus(store.name());
			}
			catch (RuntimeException ex) {
				// Counted as unknown; reachability is the store's own report.
			}
		}
		return new StoreView(store.name(), store.type(), store.persistent(), reachable, store.error(),
				store.taskCount(), store.quarantinedCount(), byStatus);
	}

	private RunStats runStats(Instant now) {
		Instant hourAgo = now.minus(HOUR);
		int[] perMinute = new int[60];
		int[] errors = new int[60];
		List<Long> lateness = new ArrayList<>();
		List<Run> all = this.history.recent((run) -> true, this.history.capacity());
		for (Run run : all) {
			Instant at = (run.startedAt() != null) ? run.startedAt() : run.scheduledRunTime();
			if (at.isBefore(hourAgo) || at.isAfter(now)) {
				continue;
			}
			int minute = (int) Math.min(59, Duration.between(hourAgo, at).toMinutes());
			perMinute[minute]++;
			if (run.outcome() == Outcome.ERROR) {
				errors[minute]++;
			}
			if (run.lateness() != null) {
				lateness.add(run.lateness().toMillis());
			}
		}
		Instant since = all.isEmpty() ? null : all.get(all.size() - 1).scheduledRunTime();
		return new RunStats(toList(perMinute), toList(errors), percentiles(lateness), since, this.history.capacity());
	}

	private Timeline timeline(Instant now, List<StoreView> stores) {
		Instant end = now.plus(Duration.ofHours(24));
		int[] perHour = new int[24];
		int read = 0;
		boolean partial = false;
		for (StoreView store : stores) {
			if (!store.reachable()) {
				partial = true;
				continue;
			}
			List<Task> tasks;
			try {
				tasks = this.scheduler
					.search(store.name(),
							new TaskSearch(null, TaskSearch.Status.SCHEDULED, null, null, 0, TIMELINE_TASKS))
					.tasks();
			}
			catch (RuntimeException ex) {
				partial = true;
				continue;
			}
			read += tasks.size();
			partial |= tasks.size() == TIMELINE_TASKS;
			for (Task task : tasks) {
				partial |= count(task, now, end, perHour);
			}
		}
		return new Timeline(now, toList(perHour), read, partial);
	}

	/**
	 * Counts a task's fire times before {@code end}, from its next run time.
	 * @return whether it has more than one preview holds
	 */
	private static boolean count(Task task, Instant now, Instant end, int[] perHour) {
		Instant next = task.nextRunTime();
		if (next == null || !next.isBefore(end)) {
			return false;
		}
		List<Instant> times = task.trigger().nextFireTimes(next, Trigger.MAX_PREVIEW);
		for (Instant time : times) {
			if (!time.isBefore(end)) {
				return false;
			}
			int hour = (int) Math.max(0, Duration.between(now, time).toHours());
			perHour[Math.min(23, hour)]++;
		}
		return times.size() == Trigger.MAX_PREVIEW;
	}

	private static Map<String, Long> percentiles(List<Long> values) {
		Map<String, Long> percentiles = new LinkedHashMap<>();
		if (values.isEmpty()) {
			return percentiles;
		}
		long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
		percentiles.put("p50", rank(sorted, 0.50));
		percentiles.put("p90", rank(sorted, 0.90));
		percentiles.put("p99", rank(sorted, 0.99));
		percentiles.put("max", sorted[sorted.length - 1]);
		return percentiles;
	}

	/** The nearest-rank percentile. */
	static long rank(long[] sorted, double quantile) {
		int index = (int) Math.ceil(quantile * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	private static List<Integer> toList(int[] values) {
		return Arrays.stream(values).boxed().toList();
	}

}
