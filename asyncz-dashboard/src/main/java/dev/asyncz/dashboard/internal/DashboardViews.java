package dev.asyncz.dashboard.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.asyncz.autoconfigure.actuate.AsynczEndpoint.ExecutorDescriptor;
import dev.asyncz.autoconfigure.actuate.AsynczEndpoint.QuarantinedDescriptor;
import dev.asyncz.autoconfigure.actuate.AsynczEndpoint.TaskDetailsDescriptor;
import dev.asyncz.autoconfigure.actuate.AsynczEndpoint.TaskSummaryDescriptor;
import dev.asyncz.core.SchedulerState;
import dev.asyncz.dashboard.internal.RunHistory.Outcome;
import dev.asyncz.store.TaskSearch;
import org.jspecify.annotations.Nullable;

/**
 * The JSON bodies of the dashboard's API. Task and executor descriptors are the Actuator
 * endpoint's, so both show a task the same way.
 */
final class DashboardViews {

	private DashboardViews() {
	}

	/**
	 * What the page needs to know before it asks anything else.
	 *
	 * @param writesEnabled whether write buttons are shown (and writes accepted)
	 * @param pollIntervalMillis how often to refresh
	 * @param stores the store names
	 */
	record Config(boolean writesEnabled, long pollIntervalMillis, List<String> stores) {

	}

	/**
	 * The overview page.
	 *
	 * @param state the scheduler's state
	 * @param instanceId this instance's id
	 * @param timezone the default zone
	 * @param now the scheduler's time
	 * @param stores each store
	 * @param executors each executor
	 * @param runs the last hour's runs
	 * @param timeline fire times of the next 24 hours
	 */
	record Overview(SchedulerState state, String instanceId, String timezone, Instant now, List<StoreView> stores,
			List<ExecutorDescriptor> executors, RunStats runs, Timeline timeline) {

	}

	/**
	 * A store in the overview.
	 *
	 * @param name its name
	 * @param type its kind
	 * @param persistent whether its tasks outlive the process
	 * @param reachable whether it answered
	 * @param error why it did not
	 * @param taskCount how many tasks it holds, if it answered
	 * @param quarantined how many tasks it holds in quarantine, if it answered
	 * @param byStatus how many tasks in each status, empty when the store cannot tell
	 */
	record StoreView(String name, String type, boolean persistent, boolean reachable, @Nullable String error,
			@Nullable Long taskCount, @Nullable Long quarantined, Map<TaskSearch.Status, Long> byStatus) {

	}

	/**
	 * Runs of the last hour, from this instance's run history.
	 *
	 * @param perMinute runs started in each of the last 60 minutes, oldest first
	 * @param errorsPerMinute of those, the ones that failed
	 * @param latenessMillis lateness percentiles (p50, p90, p99, max) of runs started in
	 * the last hour, empty when none
	 * @param historySince the oldest run remembered: when later than an hour ago, the
	 * history holds less than an hour
	 * @param historyCapacity the most runs remembered
	 */
	record RunStats(List<Integer> perMinute, List<Integer> errorsPerMinute, Map<String, Long> latenessMillis,
			@Nullable Instant historySince, int historyCapacity) {

	}

	/**
	 * Fire times in the next 24 hours.
	 *
	 * @param from the start of the first hour
	 * @param perHour fire times in each hour
	 * @param tasksRead how many scheduled tasks were read, earliest first
	 * @param partial whether more tasks or fire times exist than were counted
	 */
	record Timeline(Instant from, List<Integer> perHour, int tasksRead, boolean partial) {

	}

	/**
	 * A page of tasks.
	 *
	 * @param store the store searched
	 * @param status the status filter, or {@code quarantined}
	 * @param offset tasks skipped
	 * @param limit the page size
	 * @param complete {@code false} when the store gave up before seeing every task
	 * @param tasks the tasks (none for quarantined)
	 * @param quarantined the quarantined tasks (for that filter only)
	 */
	record TaskPage(String store, @Nullable String status, long offset, int limit, boolean complete,
			List<TaskSummaryDescriptor> tasks, List<QuarantinedDescriptor> quarantined) {

	}

	/**
	 * One task.
	 *
	 * @param task the task as the endpoint describes it
	 * @param nextFireTimes the next fire times from its trigger
	 * @param runs its runs this instance remembers, newest first
	 */
	record TaskView(TaskDetailsDescriptor task, List<Instant> nextFireTimes, List<RunView> runs) {

	}

	/**
	 * A run.
	 *
	 * @param taskId the task id
	 * @param function the function
	 * @param store the store
	 * @param outcome how it ended
	 * @param scheduledRunTime the fire time
	 * @param startedAt when it started
	 * @param durationMillis how long it ran
	 * @param latenessMillis how late it started
	 * @param errorType the error's class
	 * @param errorMessage the error's message, sanitised unless shown
	 */
	record RunView(String taskId, String function, String store, Outcome outcome, Instant scheduledRunTime,
			@Nullable Instant startedAt, @Nullable Long durationMillis, @Nullable Long latenessMillis,
			@Nullable String errorType, @Nullable String errorMessage) {

	}

	/**
	 * A page of runs.
	 *
	 * @param capacity the most runs remembered
	 * @param runs the runs, newest first
	 */
	record RunPage(int capacity, List<RunView> runs) {

	}

	/**
	 * A refused or failed request.
	 *
	 * @param error what went wrong and what to do
	 */
	record Problem(String error) {

	}

}
