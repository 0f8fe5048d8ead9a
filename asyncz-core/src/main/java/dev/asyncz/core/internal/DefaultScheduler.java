package dev.asyncz.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.asyncz.core.ControllableClock;
import dev.asyncz.core.DueRuns;
import dev.asyncz.core.ExecutorInfo;
import dev.asyncz.core.Scheduler;
import dev.asyncz.core.SchedulerState;
import dev.asyncz.core.SchedulerStateException;
import dev.asyncz.core.StoreInfo;
import dev.asyncz.core.StuckTask;
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
import dev.asyncz.event.StoreError;
import dev.asyncz.event.StoreRemoved;
import dev.asyncz.event.TaskAdded;
import dev.asyncz.event.TaskModified;
import dev.asyncz.event.TaskRemoved;
import dev.asyncz.event.TaskRestored;
import dev.asyncz.executor.SchedulerExecutor;
import dev.asyncz.store.QuarantinedTask;
import dev.asyncz.store.StoreContext;
import dev.asyncz.store.TaskCodec;
import dev.asyncz.store.TaskQuery;
import dev.asyncz.store.TaskSearch;
import dev.asyncz.store.TaskSearchResult;
import dev.asyncz.store.TaskStore;
import dev.asyncz.task.ConflictingIdException;
import dev.asyncz.task.InvalidTaskException;
import dev.asyncz.task.FireTimes;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskFunctions;
import dev.asyncz.task.TaskNotFoundException;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.task.TaskUpdate;
import dev.asyncz.trigger.DateTrigger;
import dev.asyncz.trigger.LifecycleTrigger;
import dev.asyncz.trigger.Trigger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler facade: the public API over the {@link Registry} of stores and executors,
 * {@link TaskValidation} for what callers ask, and the one thread that runs the loop
 * ({@link SchedulingLoop}). Not API: build one with {@link Scheduler#builder()}.
 */
public final class DefaultScheduler implements Scheduler {

	private static final Logger logger = LoggerFactory.getLogger(DefaultScheduler.class);

	/** How long a shutdown waits for interrupted runs to end their claims. */
	private static final Duration INTERRUPTED_RUNS_WAIT = Duration.ofSeconds(5);

	private final SchedulerSettings settings;

	private final Registry registry;

	private final EventBus events = new EventBus();

	private final TaskCodec codec = new TaskCodec();

	private final TaskValidation validation;

	private final SchedulingLoop loop;

	private final TaskRunner runner;

	private final LifecycleTasks lifecycleTasks;

	private final Object lifecycle = new Object();

	/** One instance, so that the clock can forget the very callback it was given. */
	private final Runnable wakeUpLoop;

	private volatile SchedulerState state = SchedulerState.STOPPED;

	private volatile boolean shutDown;

	private DefaultScheduler(SchedulerSettings settings) {
		this.settings = settings;
		this.registry = new Registry(settings.stores(), settings.executors(), this::storeContext);
		this.validation = new TaskValidation(settings, this.registry, this.codec);
		this.runner = new TaskRunner(settings.clock(), settings.functions(), this.events, settings.interceptors());
		this.loop = new SchedulingLoop(settings, this.registry, this.events, this::state, this.runner);
		this.wakeUpLoop = this.loop::wakeUp;
		this.lifecycleTasks = new LifecycleTasks(this.registry, this.events, this.runner, settings.clock());
	}

	/**
	 * Creates a scheduler, not yet started.
	 * @param settings what it is built from
	 * @return the scheduler
	 */
	public static Scheduler create(SchedulerSettings settings) {
		return new DefaultScheduler(settings);
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
			this.registry.startStores();
			this.state = paused ? SchedulerState.PAUSED : SchedulerState.RUNNING;
			if (this.settings.runOnCaller()) {
				this.loop.startWithoutThread();
			}
			else {
				if (this.settings.clock() instanceof ControllableClock controllable) {
					controllable.onChange(this.wakeUpLoop);
				}
				this.loop.start();
			}
		}
		publish(new SchedulerStarted(now(), paused));
		this.lifecycleTasks.startTasksDueNow().forEach(this::store);
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
				controllable.removeOnChange(this.wakeUpLoop);
			}
			this.loop.stop();
			if (wasStarted) {
				this.lifecycleTasks.runShutdownTasks(this.settings.shutdownTimeout());
			}
			this.registry.executors().forEach((name, executor) -> {
				try {
					executor.shutdown(waitForRunningTasks, this.settings.shutdownTimeout());
				}
				catch (RuntimeException ex) {
					logger.warn("Executor '{}' failed to shut down", name, ex);
				}
			});
			// Runs cut short by the shutdown end their claims on their way out, keeping
			// their fire times due; the stores stay open for that, briefly.
			if (!this.runner.awaitIdle(INTERRUPTED_RUNS_WAIT)) {
				logger.warn(
						"Some runs did not end within {} of the shutdown; their claims end when their leases run out",
						INTERRUPTED_RUNS_WAIT);
			}
			this.runner.shutdown();
			this.registry.shutdownStores();
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
		requireNotShutDown("add a task");
		Task task = newTask(request);
		String storeName = task.store();
		String id = task.id();
		TaskStore store = this.registry.store(storeName, id);
		boolean replaceExisting = request.replaceExisting();
		Optional<String> elsewhere = storeHoldingOtherThan(storeName, id);
		if (elsewhere.isPresent() && !replaceExisting) {
			throw new ConflictingIdException(id);
		}
		if (elsewhere.isEmpty()) {
			this.validation.checkCapacity(store, id, replaceExisting);
		}
		if (this.settings.storeWrites().writesNow(store)) {
			// The common case, made without the closures of a deferred write: bulk adds
			// make millions of these, and every object allocated per add is copied by the
			// young collections that the tasks kept alive survive.
			boolean replaced = addOrReplace(store, task, replaceExisting);
			added(task, elsewhere, replaced || elsewhere.isPresent());
		}
		else {
			boolean[] replaced = { elsewhere.isPresent() };
			write(storeName, store, id, () -> replaced[0] |= addOrReplace(store, task, replaceExisting),
					() -> added(task, elsewhere, replaced[0]));
		}
		return task;
	}

	/** What follows a stored add: the copy elsewhere removed, the event, the wake-up. */
	private void added(Task task, Optional<String> elsewhere, boolean replaced) {
		// The copy in another store goes only once the new one is stored: a failed or
		// rolled-back add leaves the task where it was rather than nowhere.
		if (elsewhere.isPresent()) {
			storeNamed(elsewhere.get()).remove(task.id());
		}
		this.lifecycleTasks.remember(task);
		if (this.events.listening()) {
			publish(replaced ? new TaskModified(task) : new TaskAdded(task));
		}
		this.loop.wakeUpIfEarlier(task.nextRunTime());
	}

	@Override
	public List<Task> addAll(List<TaskRequest> requests) {
		requireNotShutDown("add tasks");
		if (requests.isEmpty()) {
			return List.of();
		}
		List<Task> tasks = new ArrayList<>(requests.size());
		Set<String> ids = new HashSet<>(requests.size() * 4 / 3 + 1);
		for (TaskRequest request : requests) {
			Task task = newTask(request);
			if (request.replaceExisting()) {
				throw new InvalidTaskException("Task '" + task.id()
						+ "' asks to replace an existing task, which addAll does not do; add it with add()");
			}
			String storeName = tasks.isEmpty() ? task.store() : tasks.get(0).store();
			if (!task.store().equals(storeName)) {
				throw new InvalidTaskException("Task '" + task.id() + "' goes to store '" + task.store()
						+ "', the tasks before it to store '" + storeName + "'; one addAll call writes to one store");
			}
			if (!ids.add(task.id())) {
				throw ConflictingIdException.twiceInOneCall(task.id());
			}
			tasks.add(task);
		}
		String storeName = tasks.get(0).store();
		TaskStore store = storeNamed(storeName);
		for (Task task : tasks) {
			if (storeHoldingOtherThan(storeName, task.id()).isPresent()) {
				throw new ConflictingIdException(task.id());
			}
		}
		this.validation.checkCapacity(tasks.size());
		List<Task> added = List.copyOf(tasks);
		writeDescribed(storeName, store, "add " + added.size() + " tasks", () -> store.addAll(added), () -> {
			boolean listening = this.events.listening();
			Instant earliest = null;
			for (Task task : added) {
				this.lifecycleTasks.remember(task);
				if (listening) {
					publish(new TaskAdded(task));
				}
				Instant next = task.nextRunTime();
				if (next != null && (earliest == null || next.isBefore(earliest))) {
					earliest = next;
				}
			}
			this.loop.wakeUpIfEarlier(earliest);
		});
		return added;
	}

	@Override
	public Optional<Task> get(String id) {
		for (Map.Entry<String, TaskStore> entry : this.registry.stores().entrySet()) {
			Optional<Task> task = this.registry.started(entry.getKey(), entry.getValue()).get(id);
			if (task.isPresent()) {
				return task;
			}
		}
		return Optional.empty();
	}

	@Override
	public List<Task> list(String store, TaskQuery query) {
		return this.registry.store(store, null).list(query);
	}

	@Override
	public TaskSearchResult search(String store, TaskSearch search) {
		return this.registry.store(store, null).search(search);
	}

	@Override
	public Map<TaskSearch.Status, Long> countByStatus(String store) {
		return this.registry.store(store, null).countByStatus();
	}

	@Override
	public String instanceId() {
		return this.settings.instanceId();
	}

	@Override
	public List<Instant> preview(String id, int count) {
		Task task = require(id);
		Instant from = task.paused() ? now() : task.nextRunTime();
		return task.trigger().nextFireTimes(from, count);
	}

	@Override
	public List<Instant> preview(Trigger trigger, int count) {
		Instant now = now();
		return this.validation.prepare(trigger, now).nextFireTimes(now, count);
	}

	@Override
	public Task update(String id, TaskUpdate update) {
		requireNotShutDown("update a task");
		Task current = require(id);
		Task changed = update.applyTo(current);
		this.registry.requireExecutor(changed.executor(), id);
		if (update.trigger().isPresent()) {
			Trigger trigger = this.validation.prepare(changed.trigger(), now());
			Instant next = current.paused() ? null : trigger.firstFireTime(now()).orElse(null);
			changed = changed.toBuilder().trigger(trigger).nextRunTime(next).build();
			if (next == null && !current.paused()) {
				return removeFinished(changed);
			}
		}
		this.validation.requireStorable(storeNamed(current.store()), changed);
		return store(changed);
	}

	@Override
	public Task reschedule(String id, Trigger trigger) {
		requireNotShutDown("reschedule a task");
		Task current = require(id);
		Trigger zoned = this.validation.prepare(trigger, now());
		Instant next = zoned.firstFireTime(now())
			.orElseThrow(() -> new InvalidTaskException(
					"Task '" + id + "': the new trigger (" + zoned.describe() + ") will never fire"));
		return store(current.toBuilder().trigger(zoned).nextRunTime(next).build());
	}

	@Override
	public Task pauseTask(String id) {
		requireNotShutDown("pause a task");
		// A paused task keeps no failure: it is resumed from its trigger, not retried.
		return store(require(id).withNextRun(null, null));
	}

	@Override
	public Optional<Task> resumeTask(String id) {
		requireNotShutDown("resume a task");
		Task current = require(id);
		if (current.trigger() instanceof LifecycleTrigger) {
			// It waits for a moment of the life cycle, not a time: there is nothing to
			// resume, and no "finished trigger" to remove it for.
			return Optional.of(current);
		}
		if (current.failed()) {
			return Optional.of(runNow(id));
		}
		// A trigger whose last fire time passed while the task was paused runs once now,
		// as a late one-shot does: pausing never loses the run.
		Instant next = FireTimes.first(current.trigger(), now()).orElseGet(this::now);
		return Optional.of(store(current.withNextRunTime(next)));
	}

	@Override
	public Task runNow(String id) {
		requireNotShutDown("run a task");
		Task current = require(id);
		Instant now = FireTimes.truncate(now());
		// A failed task runs afresh: its failed attempts are behind it.
		Task next = current.withNextRun(now, current.failed() ? null : current.failure());
		// A pending retry is run early as it is: it retries a fire time already past.
		if (!current.retryPending() && hasOneFireTimeLeft(current, now)) {
			// Its last fire time is brought forward rather than run twice: a reminder
			// sent early is not sent again at its time.
			next = next.toBuilder().trigger(new DateTrigger(now)).build();
		}
		return store(next);
	}

	/**
	 * Whether the task's trigger fires at most once more: at its next run time, or (for a
	 * paused or failed task) at its first fire time from now.
	 */
	private static boolean hasOneFireTimeLeft(Task task, Instant now) {
		Instant pending = (task.nextRunTime() != null) ? task.nextRunTime()
				: FireTimes.first(task.trigger(), now).orElse(null);
		return pending == null || FireTimes.nextAfter(task.trigger(), pending).isEmpty();
	}

	@Override
	public void delete(String id) {
		Task task = require(id);
		TaskStore store = storeNamed(task.store());
		write(task.store(), store, id, () -> {
			if (!store.remove(id)) {
				throw new TaskNotFoundException(id);
			}
		}, () -> publish(new TaskRemoved(task)));
	}

	@Override
	public void deleteAll(@Nullable String store) {
		if (store != null) {
			TaskStore named = this.registry.store(store, null);
			write(store, named, null, named::removeAll, () -> {
			});
		}
		else {
			this.registry.stores().forEach((name, each) -> {
				TaskStore started = this.registry.started(name, each);
				write(name, started, null, started::removeAll, () -> {
				});
			});
		}
		this.settings.storeWrites().afterWrites(() -> publish(new AllTasksRemoved(store)));
	}

	// --- quarantine -------------------------------------------------------------------

	@Override
	public List<QuarantinedTask> listQuarantined(@Nullable String store, long offset, int limit) {
		if (offset < 0 || limit < 0) {
			throw new IllegalArgumentException(
					"Offset and limit must not be negative, were " + offset + " and " + limit);
		}
		if (store != null) {
			return this.registry.store(store, null).listQuarantined(offset, limit);
		}
		List<QuarantinedTask> page = new ArrayList<>();
		long toSkip = offset;
		for (Map.Entry<String, TaskStore> entry : this.registry.stores().entrySet()) {
			if (page.size() == limit) {
				break;
			}
			TaskStore each = this.registry.started(entry.getKey(), entry.getValue());
			// Whole stores are skipped by their count, so a deep page reads only its own
			// entries.
			long held = each.quarantinedCount();
			if (toSkip >= held) {
				toSkip -= held;
				continue;
			}
			page.addAll(each.listQuarantined(toSkip, limit - page.size()));
			toSkip = 0;
		}
		return page;
	}

	@Override
	public long quarantinedCount(String store) {
		return this.registry.store(store, null).quarantinedCount();
	}

	@Override
	public Task retryQuarantined(String store, String id) {
		Task task = this.registry.store(store, id).retryQuarantined(id);
		this.lifecycleTasks.remember(task);
		publish(new TaskRestored(task));
		this.loop.wakeUpIfEarlier(task.nextRunTime());
		return task;
	}

	@Override
	public boolean deleteQuarantined(String store, String id) {
		return this.registry.store(store, id).deleteQuarantined(id);
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
	public List<StuckTask> stuckTasks() {
		return this.loop.stuckTasks();
	}

	@Override
	public Map<String, StoreInfo> stores() {
		Map<String, StoreInfo> infos = new LinkedHashMap<>();
		this.registry.stores().forEach((name, store) -> infos.put(name, this.registry.describe(name, store)));
		return infos;
	}

	@Override
	public Optional<StoreInfo> store(String name) {
		TaskStore store = this.registry.stores().get(name);
		return (store != null) ? Optional.of(this.registry.describe(name, store)) : Optional.empty();
	}

	@Override
	public Set<String> storeNames() {
		return this.registry.stores().keySet();
	}

	/**
	 * The store objects themselves, for tests that check how a store was configured. Not
	 * API: users see stores through {@link #stores()}.
	 * @return the stores by name
	 */
	public Map<String, TaskStore> storeObjects() {
		return this.registry.stores();
	}

	@Override
	public void addStore(String name, TaskStore store) {
		this.registry.addStore(name, store);
		if (this.state != SchedulerState.STOPPED) {
			this.registry.started(name, store);
		}
		publish(new StoreAdded(name));
		wakeUp();
	}

	@Override
	public void removeStore(String name) {
		this.registry.removeStore(name);
		publish(new StoreRemoved(name));
	}

	@Override
	public Map<String, ExecutorInfo> executors() {
		Map<String, ExecutorInfo> infos = new LinkedHashMap<>();
		this.registry.executors().forEach((name, executor) -> infos.put(name, Registry.describe(name, executor)));
		return infos;
	}

	@Override
	public void addExecutor(String name, SchedulerExecutor executor) {
		this.registry.addExecutor(name, executor);
		publish(new ExecutorAdded(name));
	}

	@Override
	public void removeExecutor(String name) {
		this.registry.removeExecutor(name).shutdown(true, this.settings.shutdownTimeout());
		publish(new ExecutorRemoved(name));
	}

	@Override
	public DueRuns runDueTasks() {
		if (!this.settings.runOnCaller()) {
			return Scheduler.super.runDueTasks();
		}
		if (this.state == SchedulerState.STOPPED) {
			throw new SchedulerStateException("The scheduler is " + (this.shutDown ? "shut down" : "not started")
					+ "; start it before running due tasks");
		}
		return this.loop.runDueTasks();
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

	private void wakeUp() {
		this.loop.wakeUp();
	}

	// --- helpers ----------------------------------------------------------------------

	private void requireNotShutDown(String action) {
		if (this.shutDown) {
			throw new SchedulerStateException("Cannot " + action + ": the scheduler was shut down");
		}
	}

	private void publish(SchedulerEvent event) {
		this.events.publish(event);
	}

	private Instant now() {
		return this.settings.clock().instant();
	}

	private StoreContext storeContext(String name) {
		return new StoreContext(name, this.settings.instanceId(), this.settings.clock(), this.settings.functions(),
				this.codec, this::publish, this::wakeUp);
	}

	private Task store(Task task) {
		TaskStore store = storeNamed(task.store());
		write(task.store(), store, task.id(), () -> store.update(task), () -> {
			publish(new TaskModified(task));
			this.loop.wakeUpIfEarlier(task.nextRunTime());
		});
		return task;
	}

	private Task removeFinished(Task task) {
		TaskStore store = storeNamed(task.store());
		write(task.store(), store, task.id(), () -> store.remove(task.id()), () -> publish(new TaskRemoved(task)));
		return task;
	}

	/** The task a request asks for: a start task added once started runs at once. */
	private Task newTask(TaskRequest request) {
		Task task = this.validation.newTask(request, now());
		if (task.trigger() instanceof LifecycleTrigger lifecycle && lifecycle.phase() == LifecycleTrigger.Phase.START
				&& this.state != SchedulerState.STOPPED && !request.paused()) {
			return task.withNextRunTime(now());
		}
		return task;
	}

	/** Whether the task replaced one of the same id. */
	private static boolean addOrReplace(TaskStore store, Task task, boolean replaceExisting) {
		try {
			store.add(task);
			return false;
		}
		catch (ConflictingIdException ex) {
			if (!replaceExisting) {
				throw ex;
			}
			store.update(task);
			return true;
		}
	}

	/**
	 * A caller's change, written when the {@link SchedulerSettings#storeWrites()
	 * coordinator} says: a write it defers past the caller's return can fail only where
	 * nobody catches it, so its failure is logged and published.
	 */
	private void write(String storeName, TaskStore store, @Nullable String id, Runnable change, Runnable then) {
		this.settings.storeWrites()
			.write(store, change, then,
					(ex) -> lostWrite(storeName, (id != null) ? "write task '" + id + "'" : "remove all tasks", ex));
	}

	private void writeDescribed(String storeName, TaskStore store, String what, Runnable change, Runnable then) {
		this.settings.storeWrites().write(store, change, then, (ex) -> lostWrite(storeName, what, ex));
	}

	private void lostWrite(String storeName, String what, RuntimeException ex) {
		logger.error("Store '{}' could not {} after the caller's transaction committed; the change is lost", storeName,
				what, ex);
		publish(new StoreError(storeName, what, ex));
	}

	private Task require(String id) {
		return get(id).orElseThrow(() -> new TaskNotFoundException(id));
	}

	private Optional<String> storeHoldingOtherThan(String storeName, String id) {
		Map<String, TaskStore> stores = this.registry.stores();
		if (stores.size() == 1) {
			return Optional.empty();
		}
		for (Map.Entry<String, TaskStore> entry : stores.entrySet()) {
			if (!entry.getKey().equals(storeName)
					&& this.registry.started(entry.getKey(), entry.getValue()).get(id).isPresent()) {
				return Optional.of(entry.getKey());
			}
		}
		return Optional.empty();
	}

	private TaskStore storeNamed(String name) {
		return this.registry.store(name, null);
	}

}
