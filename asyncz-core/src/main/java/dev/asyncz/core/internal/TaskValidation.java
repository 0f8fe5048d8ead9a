package dev.asyncz.core.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.asyncz.core.MaxTasksExceededException;
import dev.asyncz.store.TaskCodec;
import dev.asyncz.store.TaskStore;
import dev.asyncz.task.InvalidTaskException;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskCallable;
import dev.asyncz.task.TaskOptions;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.trigger.CronTrigger;
import dev.asyncz.trigger.IntervalTrigger;
import dev.asyncz.trigger.LifecycleTrigger;
import dev.asyncz.trigger.Trigger;
import dev.asyncz.trigger.ZonedTrigger;
import org.jspecify.annotations.Nullable;

/**
 * Turns what a caller asks for into a task the scheduler can keep: names resolved against
 * the registry, defaults applied, the trigger completed, and everything a store would
 * refuse later refused now, with a message that names the task.
 */
final class TaskValidation {

	/** The most distinct requested options whose merged value is shared. */
	private static final int SHARED_OPTIONS = 256;

	private final SchedulerSettings settings;

	private final Registry registry;

	private final ArgumentCheck arguments;

	/**
	 * Partial options (a request's, a function's defaults) → merged with the fallback
	 * they were merged with.
	 */
	private final Map<TaskOptions, MergedOptions> mergedOptions = new ConcurrentHashMap<>();

	/**
	 * The merge last looked up, found by identity: tasks added in bulk ask for the same
	 * options object, which then is not hashed (a record's hash is not cached) per add.
	 */
	private volatile @Nullable MergedOptions lastMerged;

	TaskValidation(SchedulerSettings settings, Registry registry, TaskCodec codec) {
		this.settings = settings;
		this.registry = registry;
		this.arguments = new ArgumentCheck(codec);
	}

	/**
	 * Builds the task a request asks for.
	 * @param request the request
	 * @param now the scheduler's time
	 * @return the task, with its first next run time (none when added paused)
	 * @throws InvalidTaskException if a name, the function, the trigger or an argument is
	 * not acceptable
	 */
	Task newTask(TaskRequest request, Instant now) {
		String storeName = (request.store() != null) ? request.store() : "default";
		TaskStore store = this.registry.store(storeName, request.id());
		String executor = (request.executor() != null) ? request.executor() : "default";
		if (request.id() != null && request.id().isBlank()) {
			throw new InvalidTaskException("A task id must not be blank, was '" + request.id() + "'");
		}
		String id = (request.id() != null) ? request.id() : UUID.randomUUID().toString().replace("-", "");
		if (id.length() > store.maxIdLength()) {
			throw new InvalidTaskException("Task id '" + id.substring(0, Math.min(40, id.length())) + "…' is "
					+ id.length() + " characters long; store '" + storeName + "' keeps ids of at most "
					+ store.maxIdLength());
		}
		this.registry.requireExecutor(executor, id);
		requireRunnable(store, storeName, id, request);
		Trigger trigger = prepare(request.trigger(), now);
		Instant nextRunTime = null;
		if (trigger instanceof LifecycleTrigger) {
			if (store.persistent()) {
				throw new InvalidTaskException("Task '" + id + "': it runs " + trigger.describe() + ", so it can live "
						+ "only in a memory store; store '" + storeName + "' is persistent");
			}
		}
		else if (!request.paused()) {
			// No orElseThrow: its capturing lambda would be one more allocation per add.
			Optional<Instant> first = trigger.firstFireTime(now);
			if (first.isEmpty()) {
				throw new InvalidTaskException(
						"Task '" + id + "': its trigger (" + trigger.describe() + ") will never fire");
			}
			nextRunTime = first.get();
		}
		// The canonical constructor rather than the builder: this is the hot path of bulk
		// imports, and every object allocated per add is copied by the young collections
		// that the millions of tasks kept alive survive.
		Task task = new Task(id, request.name(), request.function(), request.callable(), request.args(),
				request.kwargs(), trigger, executor, storeName, merged(request.options(), defaults(request)),
				nextRunTime);
		requireStorable(store, task);
		return task;
	}

	/**
	 * Partial options over their fallback, one shared value for equal ones: a million
	 * tasks added with {@code noMisfireLimit()}, or calling one function with defaults,
	 * point at one options object rather than a million copies. Up to
	 * {@link #SHARED_OPTIONS} distinct combinations are kept.
	 */
	private TaskOptions merged(TaskOptions requested, TaskOptions fallback) {
		if (requested == TaskOptions.UNSET) {
			return fallback;
		}
		MergedOptions last = this.lastMerged;
		if (last != null && last.requested() == requested && last.fallback() == fallback) {
			return last.merged();
		}
		MergedOptions known = this.mergedOptions.get(requested);
		if (known != null && known.fallback() == fallback) {
			this.lastMerged = known;
			return known.merged();
		}
		TaskOptions merged = requested.orElse(fallback);
		if (this.mergedOptions.size() < SHARED_OPTIONS) {
			this.mergedOptions.put(requested, new MergedOptions(requested, fallback, merged));
		}
		return merged;
	}

	/**
	 * The options a request falls back on: its function's defaults, then the scheduler's.
	 * The scheduler's own instance when the function has none (always for a Java
	 * callable, whose function name is only a description).
	 */
	private TaskOptions defaults(TaskRequest request) {
		TaskOptions schedulerDefaults = this.settings.taskDefaults();
		if (request.callable() != null) {
			return schedulerDefaults;
		}
		TaskOptions declared = this.settings.functions().defaults(request.function());
		if (declared == TaskOptions.UNSET) {
			return schedulerDefaults;
		}
		return merged(declared, schedulerDefaults);
	}

	/**
	 * Checks that the task's arguments bind to its function and, in a persistent store,
	 * come back from their JSON form as equal values.
	 * @param store the task's store
	 * @param task the task
	 */
	void requireStorable(TaskStore store, Task task) {
		TaskCallable function = (task.callable() == null) ? this.settings.functions().find(task.function()).orElse(null)
				: null;
		this.arguments.check(task, function, store.persistent());
	}

	/**
	 * Fills in what a trigger left to the scheduler: the default zone, the scheduler-wide
	 * daylight-saving policy for a cron trigger that keeps its origin's, and for an
	 * interval without a start a start one interval from now — pinned, so the grid
	 * survives restarts and jitter cannot make it drift.
	 * @param trigger the trigger as given
	 * @param now the scheduler's time
	 * @return the completed trigger
	 */
	Trigger prepare(Trigger trigger, Instant now) {
		Trigger prepared = trigger;
		if (prepared instanceof ZonedTrigger zoned && zoned.zone() == null) {
			prepared = zoned.inZone(this.settings.zone());
		}
		SchedulerSettings.DstPolicy dst = this.settings.dstPolicy();
		if (dst != null && prepared instanceof CronTrigger cron && cron.hasOriginDstPolicy()) {
			prepared = cron.withDstPolicy(dst.gap(), dst.overlap());
		}
		if (prepared instanceof IntervalTrigger interval && interval.start() == null) {
			prepared = interval.startingAt(now.plus(interval.interval()));
		}
		return prepared;
	}

	/**
	 * Refuses one more task when the scheduler holds its limit.
	 * @param store the store the task goes to
	 * @param id the task's id
	 * @param replaceExisting whether the task may replace one of its id in that store,
	 * which the count already holds (looked up only at the limit)
	 * @throws MaxTasksExceededException if full
	 */
	void checkCapacity(TaskStore store, String id, boolean replaceExisting) {
		long limit = this.settings.maxTasks();
		if (limit != Long.MAX_VALUE && heldTasks() >= limit && !(replaceExisting && store.get(id).isPresent())) {
			throw new MaxTasksExceededException(limit);
		}
	}

	/**
	 * Refuses new tasks that would take the scheduler past its limit.
	 * @param adding how many tasks are added, none replacing another
	 * @throws MaxTasksExceededException if they do not all fit
	 */
	void checkCapacity(int adding) {
		long limit = this.settings.maxTasks();
		if (limit != Long.MAX_VALUE && heldTasks() + adding > limit) {
			throw new MaxTasksExceededException(limit);
		}
	}

	private long heldTasks() {
		long total = 0;
		for (Map.Entry<String, TaskStore> entry : this.registry.stores().entrySet()) {
			total += this.registry.started(entry.getKey(), entry.getValue()).count();
		}
		return total;
	}

	private void requireRunnable(TaskStore store, String storeName, String id, TaskRequest request) {
		if (request.callable() != null) {
			if (store.persistent()) {
				throw new InvalidTaskException("Task '" + id + "': store '" + storeName
						+ "' is persistent and can only call registered functions, not a Java callable; register it "
						+ "with scheduler.functions().register(name, function) and add the task by that name");
			}
			return;
		}
		if (!this.settings.functions().contains(request.function())) {
			throw new InvalidTaskException("Task '" + id + "': no task function named '" + request.function()
					+ "'; registered functions: " + this.settings.functions().names());
		}
	}

	/**
	 * Requested options merged with a fallback.
	 */
	private record MergedOptions(TaskOptions requested, TaskOptions fallback, TaskOptions merged) {

	}

}
