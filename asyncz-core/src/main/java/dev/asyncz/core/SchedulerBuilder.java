package dev.asyncz.core;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.asyncz.core.internal.DefaultScheduler;
import dev.asyncz.core.internal.SchedulerSettings;
import dev.asyncz.core.internal.SchedulerSettings.DstPolicy;
import dev.asyncz.executor.SchedulerExecutor;
import dev.asyncz.executor.SchedulerExecutors;
import dev.asyncz.store.MemoryTaskStore;
import dev.asyncz.store.TaskStore;
import dev.asyncz.task.TaskFunctions;
import dev.asyncz.task.TaskOptions;
import dev.asyncz.trigger.DstGapPolicy;
import dev.asyncz.trigger.DstOverlapPolicy;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link Scheduler}. Unless told otherwise it has a {@link MemoryTaskStore} and
 * a thread pool of ten workers, both named {@code default}, and runs on the system UTC
 * clock.
 */
public final class SchedulerBuilder {

	/**
	 * How long an unrunnable due task waits before it is reported as stuck, by default.
	 */
	public static final Duration DEFAULT_STUCK_TASK_THRESHOLD = Duration.ofMinutes(15);

	private final Map<String, TaskStore> stores = new LinkedHashMap<>();

	private final Map<String, SchedulerExecutor> executors = new LinkedHashMap<>();

	private final List<TaskRunInterceptor> interceptors = new ArrayList<>();

	private StoreWriteCoordinator storeWrites = StoreWriteCoordinator.IMMEDIATE;

	private TaskFunctions functions = new TaskFunctions();

	private Clock clock = Clock.systemUTC();

	private ZoneId zone = ZoneOffset.UTC;

	private Duration maxWait = Duration.ofMinutes(1);

	private TaskOptions taskDefaults = TaskOptions.STANDARD;

	private long maxTasks = Long.MAX_VALUE;

	private Duration clockJumpThreshold = Duration.ofSeconds(1);

	private @Nullable Duration failedTaskRetention;

	private Duration stuckTaskThreshold = DEFAULT_STUCK_TASK_THRESHOLD;

	private Duration shutdownTimeout = Duration.ofSeconds(30);

	private int batchSize = 1000;

	private @Nullable String instanceId;

	private @Nullable DstPolicy dstPolicy;

	private boolean runOnCaller;

	SchedulerBuilder() {
	}

	/**
	 * Adds a store under a name; the first store added as {@code default} replaces the
	 * built-in one.
	 * @param name the name tasks use
	 * @param store the store
	 * @return this builder
	 */
	public SchedulerBuilder store(String name, TaskStore store) {
		this.stores.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(store, "store"));
		return this;
	}

	/**
	 * Adds an executor under a name; {@code default} replaces the built-in one.
	 * @param name the name tasks use
	 * @param executor the executor
	 * @return this builder
	 */
	public SchedulerBuilder executor(String name, SchedulerExecutor executor) {
		this.executors.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(executor, "executor"));
		return this;
	}

	/**
	 * Adds an interceptor around every task run; interceptors added first run outermost.
	 * @param interceptor the interceptor
	 * @return this builder
	 */
	public SchedulerBuilder interceptor(TaskRunInterceptor interceptor) {
		this.interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
		return this;
	}

	/**
	 * Uses this registry of named functions (so that several components can share one).
	 * @param functions the registry
	 * @return this builder
	 */
	public SchedulerBuilder functions(TaskFunctions functions) {
		this.functions = Objects.requireNonNull(functions, "functions");
		return this;
	}

	/**
	 * The clock that says what time it is; a {@link ControllableClock} lets tests drive
	 * time.
	 * @param clock the clock
	 * @return this builder
	 */
	public SchedulerBuilder clock(Clock clock) {
		this.clock = Objects.requireNonNull(clock, "clock");
		return this;
	}

	/**
	 * The zone for triggers that do not name one.
	 * @param zone the zone
	 * @return this builder
	 */
	public SchedulerBuilder zone(ZoneId zone) {
		this.zone = Objects.requireNonNull(zone, "zone");
		return this;
	}

	/**
	 * The longest single sleep of the scheduler thread, so that a changed wall clock is
	 * noticed.
	 * @param maxWait a positive duration
	 * @return this builder
	 */
	public SchedulerBuilder maxWait(Duration maxWait) {
		this.maxWait = positive(maxWait, "maxWait");
		return this;
	}

	/**
	 * Options for tasks whose requests leave them unset; options left unset here keep
	 * {@link TaskOptions#STANDARD}'s values.
	 * @param taskDefaults the defaults
	 * @return this builder
	 */
	public SchedulerBuilder taskDefaults(TaskOptions taskDefaults) {
		this.taskDefaults = Objects.requireNonNull(taskDefaults, "taskDefaults").orElse(TaskOptions.STANDARD);
		return this;
	}

	/**
	 * The most tasks the scheduler holds over all stores; adding more fails.
	 * @param maxTasks a positive limit
	 * @return this builder
	 */
	public SchedulerBuilder maxTasks(long maxTasks) {
		if (maxTasks < 1) {
			throw new IllegalArgumentException("maxTasks must be at least 1, was " + maxTasks);
		}
		this.maxTasks = maxTasks;
		return this;
	}

	/**
	 * How far the wall clock may drift from elapsed time before it counts as set (a clock
	 * jump).
	 * @param threshold a positive duration
	 * @return this builder
	 */
	public SchedulerBuilder clockJumpThreshold(Duration threshold) {
		this.clockJumpThreshold = positive(threshold, "clockJumpThreshold");
		return this;
	}

	/**
	 * How long a task stays in the failed state (its last attempt failed, no retry left)
	 * before it is removed. By default it stays until someone runs or deletes it.
	 * @param retention a positive duration, or {@code null} to keep failed tasks
	 * @return this builder
	 */
	public SchedulerBuilder failedTaskRetention(@Nullable Duration retention) {
		this.failedTaskRetention = (retention != null) ? positive(retention, "failedTaskRetention") : null;
		return this;
	}

	/**
	 * How long a due task that this instance cannot run (unknown function or executor,
	 * arguments that do not bind) may wait for another instance before
	 * {@link Scheduler#stuckTasks()} reports it. Default 15 minutes: longer than a
	 * rolling deploy usually takes.
	 * @param threshold a positive duration
	 * @return this builder
	 */
	public SchedulerBuilder stuckTaskThreshold(Duration threshold) {
		this.stuckTaskThreshold = positive(threshold, "stuckTaskThreshold");
		return this;
	}

	/**
	 * How long {@code shutdown(true)} waits for running tasks.
	 * @param timeout a positive duration
	 * @return this builder
	 */
	public SchedulerBuilder shutdownTimeout(Duration timeout) {
		this.shutdownTimeout = positive(timeout, "shutdownTimeout");
		return this;
	}

	/**
	 * The most due tasks taken from one store at once, and the most runs kept waiting for
	 * a worker: while the executors' queues hold that many, due tasks stay in their
	 * stores (unclaimed, so other instances sharing a durable store can take them).
	 * Default 1000.
	 * @param batchSize a positive count
	 * @return this builder
	 */
	public SchedulerBuilder batchSize(int batchSize) {
		if (batchSize < 1) {
			throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
		}
		this.batchSize = batchSize;
		return this;
	}

	/**
	 * Names this scheduler among others sharing a persistent store; random when unset.
	 * @param instanceId a unique id
	 * @return this builder
	 */
	public SchedulerBuilder instanceId(String instanceId) {
		this.instanceId = Objects.requireNonNull(instanceId, "instanceId");
		return this;
	}

	/**
	 * One daylight-saving policy for every cron trigger that keeps its origin's (see
	 * {@link dev.asyncz.trigger.CronTrigger}); a trigger's own
	 * {@link dev.asyncz.trigger.CronTrigger#withDstPolicy} still wins. Unset, each
	 * dialect keeps its origin's behaviour.
	 * @param gap what a wall time that does not exist does
	 * @param overlap what a wall time that happens twice does
	 * @return this builder
	 */
	public SchedulerBuilder dstPolicy(DstGapPolicy gap, DstOverlapPolicy overlap) {
		this.dstPolicy = new DstPolicy(Objects.requireNonNull(gap, "gap"), Objects.requireNonNull(overlap, "overlap"));
		return this;
	}

	/**
	 * Decides when the changes callers ask for reach their stores; by default
	 * {@link StoreWriteCoordinator#IMMEDIATE}, at once.
	 * @param storeWrites the coordinator
	 * @return this builder
	 */
	public SchedulerBuilder storeWrites(StoreWriteCoordinator storeWrites) {
		this.storeWrites = Objects.requireNonNull(storeWrites, "storeWrites");
		return this;
	}

	/**
	 * Builds a scheduler that starts no thread of its own: what is due runs only when
	 * {@link Scheduler#runDueTasks()} is called, on the calling thread, whichever
	 * executor a task names, and is over when that call returns. Everything else (stores,
	 * retries, misfire rules, coalescing, events) works as in a scheduler with its
	 * thread. Meant for tests and simulations that move a {@link ControllableClock} and
	 * then run what fell due, deterministically and without sleeping.
	 * @return this builder
	 */
	public SchedulerBuilder runOnCaller() {
		this.runOnCaller = true;
		return this;
	}

	/**
	 * Builds the scheduler, not yet started.
	 * @return the scheduler
	 */
	public Scheduler build() {
		Map<String, TaskStore> stores = new LinkedHashMap<>(this.stores);
		stores.putIfAbsent("default", new MemoryTaskStore());
		Map<String, SchedulerExecutor> executors = new LinkedHashMap<>(this.executors);
		executors.computeIfAbsent("default", (name) -> SchedulerExecutors.threadPool(10));
		String id = (this.instanceId != null) ? this.instanceId : UUID.randomUUID().toString();
		return DefaultScheduler.create(new SchedulerSettings(stores, executors, this.functions, this.clock, this.zone,
				this.maxWait, this.taskDefaults, this.maxTasks, this.clockJumpThreshold, this.shutdownTimeout,
				this.batchSize, id, List.copyOf(this.interceptors), this.dstPolicy, this.failedTaskRetention,
				this.stuckTaskThreshold, this.storeWrites, this.runOnCaller));
	}

	private static Duration positive(Duration duration, String what) {
		Objects.requireNonNull(duration, what);
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(what + " must be positive, was " + duration);
		}
		return duration;
	}

}
