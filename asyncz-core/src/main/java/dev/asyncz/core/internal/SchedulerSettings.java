package dev.asyncz.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import dev.asyncz.core.StoreWriteCoordinator;
import dev.asyncz.core.TaskRunInterceptor;
import dev.asyncz.executor.SchedulerExecutor;
import dev.asyncz.store.TaskStore;
import dev.asyncz.task.TaskFunctions;
import dev.asyncz.task.TaskOptions;
import dev.asyncz.trigger.DstGapPolicy;
import dev.asyncz.trigger.DstOverlapPolicy;
import org.jspecify.annotations.Nullable;

/**
 * Everything a scheduler is built from, as {@link dev.asyncz.core.SchedulerBuilder}
 * collected it.
 *
 * @param stores stores by name
 * @param executors executors by name
 * @param functions the named functions
 * @param clock the clock
 * @param zone the default trigger zone
 * @param maxWait the longest sleep
 * @param taskDefaults the options of tasks whose requests leave them unset (complete)
 * @param maxTasks the task limit
 * @param clockJumpThreshold drift that counts as a clock jump
 * @param shutdownTimeout how long a graceful shutdown waits
 * @param batchSize due tasks per store per pass
 * @param instanceId this scheduler's id among peers
 * @param interceptors wrap every task run, outermost first
 * @param dstPolicy replaces the origin's daylight-saving policies of the cron triggers
 * that keep them, or {@code null}
 * @param failedTaskRetention how long a failed task is kept, or {@code null} for until
 * someone runs or deletes it
 * @param stuckTaskThreshold how long a task this instance cannot run waits before it is
 * reported as stuck
 * @param storeWrites when callers' changes reach their stores
 * @param runOnCaller whether the scheduler starts no thread of its own and runs what is
 * due on the thread that calls {@link dev.asyncz.core.Scheduler#runDueTasks()}
 */
public record SchedulerSettings(Map<String, TaskStore> stores, Map<String, SchedulerExecutor> executors,
		TaskFunctions functions, Clock clock, ZoneId zone, Duration maxWait, TaskOptions taskDefaults, long maxTasks,
		Duration clockJumpThreshold, Duration shutdownTimeout, int batchSize, String instanceId,
		List<TaskRunInterceptor> interceptors, @Nullable DstPolicy dstPolicy, @Nullable Duration failedTaskRetention,
		Duration stuckTaskThreshold, StoreWriteCoordinator storeWrites, boolean runOnCaller) {

	/**
	 * A scheduler-wide daylight-saving policy.
	 *
	 * @param gap what a wall time that does not exist does
	 * @param overlap what a wall time that happens twice does
	 */
	public record DstPolicy(DstGapPolicy gap, DstOverlapPolicy overlap) {

	}

}
