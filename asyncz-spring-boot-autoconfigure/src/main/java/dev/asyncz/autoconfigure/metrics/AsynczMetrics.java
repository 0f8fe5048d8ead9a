package dev.asyncz.autoconfigure.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import java.util.function.ToIntFunction;

import dev.asyncz.core.ExecutorInfo;
import dev.asyncz.core.Scheduler;
import dev.asyncz.core.StoreInfo;
import dev.asyncz.event.ExecutorAdded;
import dev.asyncz.event.ExecutorRemoved;
import dev.asyncz.event.SchedulerEvent;
import dev.asyncz.event.SchedulerListener;
import dev.asyncz.event.SchedulerStarted;
import dev.asyncz.event.StoreAdded;
import dev.asyncz.event.StoreRemoved;
import dev.asyncz.event.TaskAdded;
import dev.asyncz.event.TaskError;
import dev.asyncz.event.TaskExecuted;
import dev.asyncz.event.TaskDeferred;
import dev.asyncz.event.TaskFailed;
import dev.asyncz.event.TaskLate;
import dev.asyncz.event.TaskMaxInstancesReached;
import dev.asyncz.event.TaskMissed;
import dev.asyncz.event.TaskRetryScheduled;
import dev.asyncz.event.TaskRunEvent;
import dev.asyncz.task.Task;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Micrometer meters for a scheduler, fed by its events:
 * <ul>
 * <li>{@code asyncz.task.executions} (timer; tags {@code function}, {@code outcome},
 * {@code store}, {@code executor}),</li>
 * <li>{@code asyncz.task.lateness} (timer: actual start minus scheduled time; tags
 * {@code function}, {@code store}, {@code executor}),</li>
 * <li>{@code asyncz.task.misfires} and {@code asyncz.task.max-instances} (counters; tags
 * {@code function}, {@code store}),</li>
 * <li>{@code asyncz.task.late} (counter of runs that started later than their misfire
 * grace time, which their misfire policy runs however late; tags {@code function},
 * {@code store}),</li>
 * <li>{@code asyncz.task.retries} (counter of failed runs that will be tried again; tags
 * {@code function}, {@code store}),</li>
 * <li>{@code asyncz.task.failures} (counter of fire times whose last attempt failed with
 * no retry left; tags {@code function}, {@code store} and {@code kept}: {@code true} for
 * a one-shot kept in the failed state, {@code false} for a task that goes on with its
 * next fire time),</li>
 * <li>{@code asyncz.task.deferred} (counter of due tasks this instance left in their
 * store because it cannot run them: unknown function or executor here, arguments that do
 * not bind; once per task and instance; tags {@code function}, {@code store}),</li>
 * <li>{@code asyncz.tasks.stuck} (gauge: due tasks no instance ran for longer than
 * {@code asyncz.stuck-task-threshold}, as this instance sees them),</li>
 * <li>{@code asyncz.tasks} (gauge per store, refreshed at most every few seconds since
 * counting a database table may be slow),</li>
 * <li>{@code asyncz.tasks.quarantined} (gauge per store of the tasks set aside because
 * their stored data cannot be read, refreshed as {@code asyncz.tasks} is),</li>
 * <li>{@code asyncz.executor.active} and {@code asyncz.executor.queued} (gauges per
 * executor).</li>
 * </ul>
 * Tags never carry a task id: millions of one-shot tasks would mean millions of meters.
 *
 * <p>
 * The counters exist at zero before their first event, so that dashboards and alerts can
 * be built on them: one series per store and registered function (and, for
 * {@code asyncz.task.failures}, per {@code kept} value), registered when bound, when the
 * scheduler starts, when a store is added, and when a task is added for a function
 * registered since. So do the run timers ({@code asyncz.task.executions} for each
 * outcome, {@code asyncz.task.lateness}): for the {@code default} executor from the
 * start, for another executor once a task naming it is added. Tasks that call a Java
 * callable rather than a registered function get their counters on their first event
 * only, as their labels are not a bounded set.
 *
 * <p>
 * Attach it to a scheduler with {@link #attach}; {@link #close()} detaches it.
 */
public final class AsynczMetrics implements MeterBinder, SchedulerListener, AutoCloseable {

	/** How long a store's task count is reused before the store is asked again. */
	public static final Duration DEFAULT_COUNT_CACHE_TIME = Duration.ofSeconds(5);

	private static final String OUTCOME_SUCCESS = "success";

	private static final String OUTCOME_ERROR = "error";

	private static final String KEPT = "kept";

	/**
	 * The executor of tasks that name none: the one whose run timers exist at zero for
	 * every registered function before any task is added.
	 */
	private static final String DEFAULT_EXECUTOR = "default";

	private final Scheduler scheduler;

	private final long countCacheNanos;

	private final LongSupplier nanoTime;

	private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();

	private final Map<String, CachedCount> counts = new ConcurrentHashMap<>();

	private final Map<String, CachedCount> quarantinedCounts = new ConcurrentHashMap<>();

	/** The functions and stores whose tasks were added, so their zeros are registered. */
	private final Set<FunctionInStore> zeroed = ConcurrentHashMap.newKeySet();

	AsynczMetrics(Scheduler scheduler, Duration countCacheTime, LongSupplier nanoTime) {
		this.scheduler = scheduler;
		this.countCacheNanos = countCacheTime.toNanos();
		this.nanoTime = nanoTime;
	}

	/**
	 * Starts listening to {@code scheduler}'s events; meters appear once {@link #bindTo
	 * bound} to a registry.
	 * @param scheduler the scheduler
	 * @param countCacheTime how long a store's task count is reused
	 * @return the metrics, to {@link #close()} when done
	 */
	@SuppressWarnings("unchecked")
	public static AsynczMetrics attach(Scheduler scheduler, Duration countCacheTime) {
		AsynczMetrics metrics = new AsynczMetrics(scheduler, countCacheTime, System::nanoTime);
		scheduler.addListener(metrics, TaskRunEvent.class, SchedulerStarted.class, TaskAdded.class, StoreAdded.class,
				StoreRemoved.class, ExecutorAdded.class, ExecutorRemoved.class);
		return metrics;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registries.add(registry);
		Gauge.builder("asyncz.tasks.stuck", this.scheduler, (scheduler) -> scheduler.stuckTasks().size())
			.description("Due tasks that no instance ran for longer than the stuck threshold")
			.register(registry);
		this.scheduler.storeNames().forEach((store) -> {
			registerStoreGauge(registry, store);
			registerZeroCounters(registry, store);
		});
		this.scheduler.executors().keySet().forEach((executor) -> registerExecutorGauges(registry, executor));
	}

	@Override
	public void onEvent(SchedulerEvent event) {
		if (event instanceof TaskExecuted executed) {
			recordRun(executed, OUTCOME_SUCCESS, executed.startedAt(), executed.duration());
		}
		else if (event instanceof TaskError error) {
			recordRun(error, OUTCOME_ERROR, error.startedAt(), error.duration());
		}
		else if (event instanceof TaskMissed missed) {
			increment(RunCounter.MISFIRES, missed, Tags.empty());
		}
		else if (event instanceof TaskMaxInstancesReached reached) {
			increment(RunCounter.MAX_INSTANCES, reached, Tags.empty());
		}
		else if (event instanceof TaskLate late) {
			increment(RunCounter.LATE, late, Tags.empty());
		}
		else if (event instanceof TaskRetryScheduled retry) {
			increment(RunCounter.RETRIES, retry, Tags.empty());
		}
		else if (event instanceof TaskFailed failed) {
			increment(RunCounter.FAILURES, failed, Tags.of(KEPT, Boolean.toString(failed.kept())));
		}
		else if (event instanceof TaskDeferred deferred) {
			increment(RunCounter.DEFERRED, deferred, Tags.empty());
		}
		else if (event instanceof SchedulerStarted) {
			// Functions declared on beans are registered after the meters were bound.
			this.registries.forEach((registry) -> this.scheduler.storeNames()
				.forEach((store) -> registerZeroCounters(registry, store)));
		}
		else if (event instanceof TaskAdded added) {
			Task task = added.task();
			// Once per function and store: a bulk add of a million tasks looks the pair
			// up
			// a million times, and registers its counters once.
			if (this.zeroed.add(new FunctionInStore(task.function(), task.store(), task.executor()))
					&& this.scheduler.functions().contains(task.function())) {
				this.registries.forEach(
						(registry) -> registerZeroCounters(registry, task.function(), task.store(), task.executor()));
			}
		}
		else if (event instanceof StoreAdded added) {
			this.registries.forEach((registry) -> {
				registerStoreGauge(registry, added.store());
				registerZeroCounters(registry, added.store());
			});
		}
		else if (event instanceof StoreRemoved removed) {
			this.counts.remove(removed.store());
			this.quarantinedCounts.remove(removed.store());
			removeMeters("store", removed.store());
		}
		else if (event instanceof ExecutorAdded added) {
			this.registries.forEach((registry) -> registerExecutorGauges(registry, added.executor()));
		}
		else if (event instanceof ExecutorRemoved removed) {
			removeMeters("executor", removed.executor());
		}
	}

	@Override
	public void close() {
		this.scheduler.removeListener(this);
	}

	private void recordRun(TaskRunEvent run, String outcome, Instant startedAt, Duration duration) {
		Tags runTags = runTags(run.function(), run.store(), run.executor());
		Duration lateness = Duration.between(run.scheduledRunTime(), startedAt);
		// A run may start a hair early when clocks are coarse; that is not lateness.
		Duration late = lateness.isNegative() ? Duration.ZERO : lateness;
		for (MeterRegistry registry : this.registries) {
			executions(registry, runTags, outcome).record(duration);
			lateness(registry, runTags).record(late);
		}
	}

	private static Tags runTags(String function, String store, String executor) {
		return Tags.of("function", function, "store", store, "executor", executor);
	}

	private static Timer executions(MeterRegistry registry, Tags runTags, String outcome) {
		return Timer.builder("asyncz.task.executions")
			.description("Task runs, by outcome")
			.tags(runTags)
			.tag("outcome", outcome)
			.register(registry);
	}

	private static Timer lateness(MeterRegistry registry, Tags runTags) {
		return Timer.builder("asyncz.task.lateness")
			.description("How long after its scheduled time a run started")
			.tags(runTags)
			.register(registry);
	}

	private void increment(RunCounter counter, TaskRunEvent run, Tags extraTags) {
		for (MeterRegistry registry : this.registries) {
			counter.register(registry, run.function(), run.store(), extraTags).increment();
		}
	}

	private void registerZeroCounters(MeterRegistry registry, String store) {
		this.scheduler.functions()
			.names()
			.forEach((function) -> registerZeroCounters(registry, function, store, DEFAULT_EXECUTOR));
	}

	/**
	 * Registers the zero-valued meters of a function's runs in a store on an executor:
	 * the run counters and, if the executor exists, the run timers (each outcome).
	 */
	private void registerZeroCounters(MeterRegistry registry, String function, String store, String executor) {
		if (this.scheduler.executors().containsKey(executor)) {
			Tags runTags = runTags(function, store, executor);
			executions(registry, runTags, OUTCOME_SUCCESS);
			executions(registry, runTags, OUTCOME_ERROR);
			lateness(registry, runTags);
		}
		for (RunCounter counter : RunCounter.values()) {
			if (counter == RunCounter.FAILURES) {
				counter.register(registry, function, store, Tags.of(KEPT, "true"));
				counter.register(registry, function, store, Tags.of(KEPT, "false"));
			}
			else {
				counter.register(registry, function, store, Tags.empty());
			}
		}
	}

	private void registerStoreGauge(MeterRegistry registry, String store) {
		Gauge.builder("asyncz.tasks", this, (metrics) -> metrics.taskCount(store))
			.description("Tasks held by a store")
			.tag("store", store)
			.register(registry);
		Gauge.builder("asyncz.tasks.quarantined", this, (metrics) -> metrics.quarantinedCount(store))
			.description("Tasks a store set aside because their stored data cannot be read")
			.tag("store", store)
			.register(registry);
	}

	private void registerExecutorGauges(MeterRegistry registry, String executor) {
		registerExecutorGauge(registry, executor, "asyncz.executor.active", "Task runs in progress",
				ExecutorInfo::active);
		registerExecutorGauge(registry, executor, "asyncz.executor.queued", "Task runs waiting for a worker",
				ExecutorInfo::queued);
	}

	private void registerExecutorGauge(MeterRegistry registry, String executor, String name, String description,
			ToIntFunction<ExecutorInfo> count) {
		Gauge.builder(name, this, (metrics) -> metrics.executorCount(executor, count))
			.description(description)
			.tag("executor", executor)
			.register(registry);
	}

	private double taskCount(String store) {
		if (!this.scheduler.storeNames().contains(store)) {
			return Double.NaN;
		}
		return this.counts
			.computeIfAbsent(store,
					(name) -> new CachedCount(() -> this.scheduler.store(name).map(StoreInfo::taskCount).orElse(-1L)))
			.get();
	}

	private double quarantinedCount(String store) {
		if (!this.scheduler.storeNames().contains(store)) {
			return Double.NaN;
		}
		return this.quarantinedCounts
			.computeIfAbsent(store, (name) -> new CachedCount(() -> this.scheduler.quarantinedCount(name)))
			.get();
	}

	private double executorCount(String executor, ToIntFunction<ExecutorInfo> count) {
		ExecutorInfo info = this.scheduler.executors().get(executor);
		int value = (info != null) ? count.applyAsInt(info) : -1;
		// Executors that cannot tell answer -1; NaN is how a gauge says "no value".
		return (value >= 0) ? value : Double.NaN;
	}

	private void removeMeters(String tagKey, String tagValue) {
		for (MeterRegistry registry : this.registries) {
			for (Meter meter : registry.getMeters()) {
				if (meter instanceof Gauge && meter.getId().getName().startsWith("asyncz.")
						&& tagValue.equals(meter.getId().getTag(tagKey))) {
					registry.remove(meter);
				}
			}
		}
	}

	/**
	 * A function whose tasks live in a store and run on an executor: one set of
	 * zero-valued meters.
	 */
	private record FunctionInStore(String function, String store, String executor) {

	}

	/**
	 * A store's count, reused for a while.
	 */
	private final class CachedCount {

		private final LongSupplier counter;

		private long readAt;

		private double value = Double.NaN;

		private boolean read;

		CachedCount(LongSupplier counter) {
			this.counter = counter;
		}

		synchronized double get() {
			long now = AsynczMetrics.this.nanoTime.getAsLong();
			if (!this.read || now - this.readAt >= AsynczMetrics.this.countCacheNanos) {
				this.value = countOrNaN();
				this.readAt = now;
				this.read = true;
			}
			return this.value;
		}

		private double countOrNaN() {
			try {
				// An unreachable store has no count (-1); its health says why.
				long count = this.counter.getAsLong();
				return (count >= 0) ? count : Double.NaN;
			}
			catch (RuntimeException ex) {
				// An unreachable store has no count; its health says why.
				return Double.NaN;
			}
		}

	}

	/**
	 * The counters of run events, each tagged {@code function} and {@code store}.
	 */
	private enum RunCounter {

		MISFIRES("asyncz.task.misfires", "Runs skipped because they were later than the misfire grace time"),

		MAX_INSTANCES("asyncz.task.max-instances", "Runs skipped because the task had its most runs in progress"),

		LATE("asyncz.task.late", "Runs that started later than their misfire grace time"),

		RETRIES("asyncz.task.retries", "Failed runs that will be tried again"),

		FAILURES("asyncz.task.failures", "Fire times whose last attempt failed with no retry left"),

		DEFERRED("asyncz.task.deferred", "Due tasks left for other instances, which this one cannot run");

		private final String name;

		private final String description;

		RunCounter(String name, String description) {
			this.name = name;
			this.description = description;
		}

		Counter register(MeterRegistry registry, String function, String store, Tags extraTags) {
			return Counter.builder(this.name)
				.description(this.description)
				.tags("function", function, "store", store)
				.tags(extraTags)
				.register(registry);
		}

	}

}
