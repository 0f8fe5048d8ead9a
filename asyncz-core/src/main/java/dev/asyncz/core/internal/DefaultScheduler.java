package dev.asyncz.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.asyncz.task.ConflictingIdException;
import dev.asyncz.core.ControllableClock;
import dev.asyncz.task.InvalidTaskException;
import dev.asyncz.core.MaxTasksExceededException;
import dev.asyncz.core.Scheduler;
import dev.asyncz.core.SchedulerBuilder.SchedulerSettings;
import dev.asyncz.core.SchedulerState;
import dev.asyncz.core.SchedulerStateException;
import dev.asyncz.task.Task;
import dev.asyncz.core.TaskDefaults;
import dev.asyncz.task.TaskFunctions;
import dev.asyncz.task.TaskNotFoundException;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.task.TaskUpdate;
import dev.asyncz.event.AllTasksRemoved;
import dev.asyncz.event.ExecutorAdded;
import dev.asyncz.event.ExecutorRemoved;
import dev.asyncz.event.SchedulerEvent;
import dev.asyncz.event.SchedulerListener;
import dev.asyncz.event.SchedulerPaused;
import dev.asyncz.event.SchedulerResumed;
import dev.asyncz.event.SchedulerShutdown;
import dev.asyncz.event.SchedulerStarted;
import dev.asyncz.event.StoreAdded;
import dev.asyncz.event.StoreRemoved;
import dev.asyncz.event.TaskAdded;
import dev.asyncz.event.TaskModified;
import dev.asyncz.event.TaskRemoved;
import dev.asyncz.executor.SchedulerExecutor;
import dev.asyncz.store.StoreContext;
import dev.asyncz.store.TaskCodec;
import dev.asyncz.store.TaskQuery;
import dev.asyncz.store.TaskStore;
import dev.asyncz.trigger.IntervalTrigger;
import dev.asyncz.trigger.Trigger;
import dev.asyncz.trigger.ZonedTrigger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler: the public API over named stores and executors, and the one thread that
 * runs the loop ({@link SchedulingLoop}). Not API: build one with
 * {@link Scheduler#builder()}.
 */
public final class DefaultScheduler implements Scheduler {

	private static final Logger logger = LoggerFactory.getLogger(DefaultScheduler.class);

	private final SchedulerSettings settings;

	/** Copy-on-write: read on every call, changed rarely. */
	private volatile Map<String, TaskStore> stores;

	/** Copy-on-write: read on every run, changed rarely. */
	private volatile Map<String, SchedulerExecutor> executors;

	private final Set<String> startedStores = ConcurrentHashMap.newKeySet();

	private final Object storeStarts = new Object();

	private final EventBus events = new EventBus();

	private final TaskCodec codec = new TaskCodec();

	private final TaskRunner runner;

	private final SchedulingLoop loop;

	private final Object lifecycle = new Object();

	private volatile SchedulerState state = SchedulerState.STOPPED;

	private boolean shutDown;

	public DefaultScheduler(SchedulerSettings settings) {
		this.settings = settings;
		this.stores = Collections.unmodifiableMap(new LinkedHashMap<>(settings.stores()));
		this.executors = Collections.unmodifiableMap(new LinkedHashMap<>(settings.executors()));
		this.runner = new TaskRunner(settings.clock(), settings.functions(), this.events, settings.interceptors());
		this.loop = new SchedulingLoop(this, settings, this.runner);
	}

	// --- life cycle -------------------------------------------------------------------

	@Override
	public void start(boolean paused) {
		synchronized (this.lifecycle) {
			if (this.shutDown) {
				throw new SchedulerStateException(
						"This scheduler was shut down and cannot start again; build a new one");
			}
			if (this.state != SchedulerState.STOPPED) {
				throw new SchedulerStateException("The scheduler is already started (" + this.state + ")");
			}
			startStores();
			this.state = paused ? SchedulerState.PAUSED : SchedulerState.RUNNING;
			if (this.settings.clock() instanceof ControllableClock controllable) {
				controllable.onChange(this.loop::wakeUp);
			}
			this.loop.start();
		}
		publish(new SchedulerStarted(now(), paused));
	}

	@Override
	public void shutdown(boolean waitForRunningTasks) {
		synchronized (this.lifecycle) {
			if (this.shutDown) {
				return;
			}
			this.shutDown = true;
			boolean wasStarted = this.state != SchedulerState.STOPPED;
			this.state = SchedulerState.STOPPED;
			if (this.settings.clock() instanceof ControllableClock controllable) {
				controllable.removeOnChange(this.loop::wakeUp);
			}
			this.loop.stop();
			for (Map.Entry<String, SchedulerExecutor> entry : this.executors.entrySet()) {
				try {
					entry.getValue().shutdown(waitForRunningTasks, this.settings.shutdownTimeout());
				}
				catch (RuntimeException ex) {
					logger.warn("Executor '{}' failed to shut down", entry.getKey(), ex);
				}
			}
			this.stores.forEach(this::shutdownStore);
			if (!wasStarted) {
				return;
			}
		}
		publish(new SchedulerShutdown(now()));
	}

	@Override
	public void pause() {
		synchronized (this.lifecycle) {
			if (this.state != SchedulerState.RUNNING) {
				throw new SchedulerStateException("Only a running scheduler can be paused; it is " + this.state);
			}
			this.state = SchedulerState.PAUSED;
		}
		publish(new SchedulerPaused(now()));
	}

	@Override
	public void resume() {
		synchronized (this.lifecycle) {
			if (this.state != SchedulerState.PAUSED) {
				throw new SchedulerStateException("Only a paused scheduler can be resumed; it is " + this.state);
			}
			this.state = SchedulerState.RUNNING;
		}
		publish(new SchedulerResumed(now()));
		wakeUp();
	}

	@Override
	public SchedulerState state() {
		return this.state;
	}

	// --- tasks ------------------------------------------------------------------------

	@Override
	public Task add(TaskRequest request) {
		String storeName = (request.store() != null) ? request.store() : "default";
		TaskStore store = requireStore(storeName, request.id());
		String executor = (request.executor() != null) ? request.executor() : "default";
		String id = (request.id() != null) ? request.id() : UUID.randomUUID().toString().replace("-", "");
		requireExecutor(executor, id);
		requireRunnable(store, storeName, id, request);
		Trigger trigger = prepare(request.trigger());
		Instant nextRunTime = null;
		if (!request.paused()) {
			// No orElseThrow: its capturing lambda would be one more allocation per add.
			Optional<Instant> first = trigger.firstFireTime(now());
			if (first.isEmpty()) {
				throw new InvalidTaskException(
						"Task '" + id + "': its trigger (" + trigger.describe() + ") will never fire");
			}
			nextRunTime = first.get();
		}
		TaskDefaults defaults = this.settings.taskDefaults();
		// The canonical constructor rather than the builder: this is the hot path of bulk
		// imports, and every object allocated per add is copied by the young collections
		// that the millions of tasks kept alive survive.
		Task task = new Task(id, request.name(), request.function(), request.callable(), request.args(),
				request.kwargs(), trigger, executor, storeName,
				(request.coalesce() != null) ? request.coalesce() : defaults.coalesce(),
				(request.maxInstances() != null) ? request.maxInstances() : defaults.maxInstances(),
				misfireGraceTime(request, defaults), nextRunTime);
		if (store.persistent()) {
			this.codec.writeArguments(id, task.args(), task.kwargs());
		}
		Optional<String> elsewhere = storeHoldingOtherThan(storeName, id);
		if (elsewhere.isPresent() && !request.replaceExisting()) {
			throw new ConflictingIdException(id);
		}
		if (elsewhere.isPresent()) {
			storeNamed(elsewhere.get()).remove(id);
		}
		else {
			checkCapacity();
		}
		boolean replaced = elsewhere.isPresent();
		try {
			store.add(task);
		}
		catch (ConflictingIdException ex) {
			if (!request.replaceExisting()) {
				throw ex;
			}
			store.update(task);
			replaced = true;
		}
		if (this.events.listening()) {
			publish(replaced ? new TaskModified(task) : new TaskAdded(task));
		}
		this.loop.wakeUpIfEarlier(task.nextRunTime());
		return task;
	}

	@Override
	public Optional<Task> get(String id) {
		for (Map.Entry<String, TaskStore> entry : this.stores.entrySet()) {
			Optional<Task> task = started(entry.getKey(), entry.getValue()).get(id);
			if (task.isPresent()) {
				return task;
			}
		}
		return Optional.empty();
	}

	@Override
	public List<Task> list(String store, TaskQuery query) {
		return requireStore(store, null).list(query);
	}

	@Override
	public Task update(String id, TaskUpdate update) {
		Task current = require(id);
		Task changed = update.applyTo(current);
		requireExecutor(changed.executor(), id);
		if (update.trigger().isPresent()) {
			Trigger trigger = prepare(changed.trigger());
			Instant next = current.paused() ? null : trigger.firstFireTime(now()).orElse(null);
			changed = changed.toBuilder().trigger(trigger).nextRunTime(next).build();
			if (next == null && !current.paused()) {
				return removeFinished(changed);
			}
		}
		if (storeNamed(current.store()).persistent()) {
			this.codec.writeArguments(id, changed.args(), changed.kwargs());
		}
		return store(changed);
	}

	@Override
	public Task reschedule(String id, Trigger trigger) {
		Task current = require(id);
		Trigger zoned = prepare(trigger);
		Instant next = zoned.firstFireTime(now())
			.orElseThrow(() -> new InvalidTaskException(
					"Task '" + id + "': the new trigger (" + zoned.describe() + ") will never fire"));
		return store(current.toBuilder().trigger(zoned).nextRunTime(next).build());
	}

	@Override
	public Task pauseTask(String id) {
		return store(require(id).withNextRunTime(null));
	}

	@Override
	public Optional<Task> resumeTask(String id) {
		Task current = require(id);
		Optional<Instant> next = current.trigger().firstFireTime(now());
		if (next.isEmpty()) {
			removeFinished(current);
			return Optional.empty();
		}
		return Optional.of(store(current.withNextRunTime(next.get())));
	}

	@Override
	public Task runNow(String id) {
		return store(require(id).withNextRunTime(now()));
	}

	@Override
	public void delete(String id) {
		Task task = require(id);
		if (!storeNamed(task.store()).remove(id)) {
			throw new TaskNotFoundException(id);
		}
		publish(new TaskRemoved(task));
	}

	@Override
	public void deleteAll(@Nullable String store) {
		if (store != null) {
			requireStore(store, null).removeAll();
		}
		else {
			this.stores.forEach((name, each) -> started(name, each).removeAll());
		}
		publish(new AllTasksRemoved(store));
	}

	// --- listeners, stores, executors -------------------------------------------------

	@Override
	@SafeVarargs
	public final void addListener(SchedulerListener listener, Class<? extends SchedulerEvent>... types) {
		this.events.add(listener, Set.of(types));
	}

	@Override
	public void removeListener(SchedulerListener listener) {
		this.events.remove(listener);
	}

	@Override
	public TaskFunctions functions() {
		return this.settings.functions();
	}

	@Override
	public Map<String, TaskStore> stores() {
		return this.stores;
	}

	@Override
	public void addStore(String name, TaskStore store) {
		synchronized (this.lifecycle) {
			if (this.stores.containsKey(name)) {
				throw new InvalidTaskException("A store named '" + name + "' already exists");
			}
			this.stores = with(this.stores, name, store);
		}
		if (this.state != SchedulerState.STOPPED) {
			started(name, store);
		}
		publish(new StoreAdded(name));
		wakeUp();
	}

	@Override
	public void removeStore(String name) {
		TaskStore store;
		synchronized (this.lifecycle) {
			store = this.stores.get(name);
			if (store == null) {
				throw new InvalidTaskException("No store named '" + name + "'; stores: " + this.stores.keySet());
			}
			this.stores = without(this.stores, name);
		}
		shutdownStore(name, store);
		publish(new StoreRemoved(name));
	}

	@Override
	public Map<String, SchedulerExecutor> executors() {
		return this.executors;
	}

	@Override
	public void addExecutor(String name, SchedulerExecutor executor) {
		synchronized (this.lifecycle) {
			if (this.executors.containsKey(name)) {
				throw new InvalidTaskException("An executor named '" + name + "' already exists");
			}
			this.executors = with(this.executors, name, executor);
		}
		publish(new ExecutorAdded(name));
	}

	@Override
	public void removeExecutor(String name) {
		SchedulerExecutor executor;
		synchronized (this.lifecycle) {
			executor = this.executors.get(name);
			if (executor == null) {
				throw new InvalidTaskException(
						"No executor named '" + name + "'; executors: " + this.executors.keySet());
			}
			this.executors = without(this.executors, name);
		}
		executor.shutdown(true, this.settings.shutdownTimeout());
		publish(new ExecutorRemoved(name));
	}

	@Override
	public Clock clock() {
		return this.settings.clock();
	}

	@Override
	public ZoneId zone() {
		return this.settings.zone();
	}

	@Override
	public Duration maxWait() {
		return this.settings.maxWait();
	}

	@Override
	public void wakeUp() {
		this.loop.wakeUp();
	}

	// --- for the loop -----------------------------------------------------------------

	void publish(SchedulerEvent event) {
		this.events.publish(event);
	}

	/**
	 * Whether anyone listens, so that hot paths can skip building events nobody receives.
	 * @return true if a listener is registered
	 */
	boolean listening() {
		return this.events.listening();
	}

	Map<String, TaskStore> storeSnapshot() {
		return this.stores;
	}

	@Nullable SchedulerExecutor executor(String name) {
		return this.executors.get(name);
	}

	Instant now() {
		return this.settings.clock().instant();
	}

	// --- helpers ----------------------------------------------------------------------

	private Task store(Task task) {
		storeNamed(task.store()).update(task);
		publish(new TaskModified(task));
		this.loop.wakeUpIfEarlier(task.nextRunTime());
		return task;
	}

	private Task removeFinished(Task task) {
		storeNamed(task.store()).remove(task.id());
		publish(new TaskRemoved(task));
		return task;
	}

	private Task require(String id) {
		return get(id).orElseThrow(() -> new TaskNotFoundException(id));
	}

	private Optional<String> storeHoldingOtherThan(String storeName, String id) {
		Map<String, TaskStore> stores = this.stores;
		if (stores.size() == 1) {
			return Optional.empty();
		}
		for (Map.Entry<String, TaskStore> entry : stores.entrySet()) {
			if (!entry.getKey().equals(storeName) && started(entry.getKey(), entry.getValue()).get(id).isPresent()) {
				return Optional.of(entry.getKey());
			}
		}
		return Optional.empty();
	}

	private TaskStore requireStore(String name, @Nullable String taskId) {
		TaskStore store = this.stores.get(name);
		if (store == null) {
			throw new InvalidTaskException(((taskId != null) ? "Task '" + taskId + "': no" : "No") + " store named '"
					+ name + "'; stores: " + this.stores.keySet());
		}
		return started(name, store);
	}

	private TaskStore storeNamed(String name) {
		return requireStore(name, null);
	}

	private void requireExecutor(String name, String taskId) {
		if (!this.executors.containsKey(name)) {
			throw new InvalidTaskException(
					"Task '" + taskId + "': no executor named '" + name + "'; executors: " + this.executors.keySet());
		}
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

	private void checkCapacity() {
		long limit = this.settings.maxTasks();
		if (limit == Long.MAX_VALUE) {
			return;
		}
		long total = 0;
		for (Map.Entry<String, TaskStore> entry : this.stores.entrySet()) {
			total += started(entry.getKey(), entry.getValue()).count();
		}
		if (total >= limit) {
			throw new MaxTasksExceededException(limit);
		}
	}

	/**
	 * Fills in what a trigger left to the scheduler: the default zone, and for an
	 * interval without a start a start one interval from now — pinned, so the grid
	 * survives restarts and jitter cannot make it drift.
	 */
	private Trigger prepare(Trigger trigger) {
		Trigger prepared = trigger;
		if (prepared instanceof ZonedTrigger zoned && zoned.zone() == null) {
			prepared = zoned.inZone(this.settings.zone());
		}
		if (prepared instanceof IntervalTrigger interval && interval.start() == null) {
			prepared = interval.startingAt(now().plus(interval.interval()));
		}
		return prepared;
	}

	private static @Nullable Duration misfireGraceTime(TaskRequest request, TaskDefaults defaults) {
		if (request.noMisfireLimit()) {
			return null;
		}
		return (request.misfireGraceTime() != null) ? request.misfireGraceTime() : defaults.misfireGraceTime();
	}

	private void startStores() {
		this.stores.forEach(this::started);
	}

	/**
	 * Starts a store on first use, so that tasks can be added (and persistent stores
	 * read) before the scheduler itself starts.
	 */
	TaskStore started(String name, TaskStore store) {
		if (!this.startedStores.contains(name)) {
			// Marked started only once start() returned: other threads using the store
			// meanwhile wait for it.
			synchronized (this.storeStarts) {
				if (!this.startedStores.contains(name)) {
					store.start(new StoreContext(name, this.settings.instanceId(), this.settings.clock(),
							this.settings.functions(), this.codec, this::publish, this::wakeUp));
					this.startedStores.add(name);
				}
			}
		}
		return store;
	}

	private void shutdownStore(String name, TaskStore store) {
		if (this.startedStores.remove(name)) {
			try {
				store.shutdown();
			}
			catch (RuntimeException ex) {
				logger.warn("Store '{}' failed to shut down", name, ex);
			}
		}
	}

	private static <V> Map<String, V> with(Map<String, V> map, String name, V value) {
		Map<String, V> copy = new LinkedHashMap<>(map);
		copy.put(name, value);
		return Collections.unmodifiableMap(copy);
	}

	private static <V> Map<String, V> without(Map<String, V> map, String name) {
		Map<String, V> copy = new LinkedHashMap<>(map);
		copy.remove(name);
		return Collections.unmodifiableMap(copy);
	}

}
