package dev.asyncz.core.internal;

import java.lang.invoke.MethodHandles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.asyncz.core.ControllableClock;
import dev.asyncz.core.DueRuns;
import dev.asyncz.core.SchedulerState;
import dev.asyncz.core.SchedulerStateException;
import dev.asyncz.core.StuckTask;
import dev.asyncz.event.ClockJumped;
import dev.asyncz.event.StoreError;
import dev.asyncz.event.TaskMaxInstancesReached;
import dev.asyncz.event.TaskRecovered;
import dev.asyncz.event.TaskRemoved;
import dev.asyncz.event.TaskSubmitted;
import dev.asyncz.executor.SchedulerExecutor;
import dev.asyncz.executor.SchedulerExecutors;
import dev.asyncz.store.DueTask;
import dev.asyncz.store.TaskCodec;
import dev.asyncz.store.TaskStore;
import dev.asyncz.task.InvalidTaskException;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskCallable;
import dev.asyncz.task.TaskFailure;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one scheduler thread. It sleeps until the earliest next run time over all stores,
 * never longer than max-wait, and is woken early when an earlier task arrives or a
 * controllable clock moves. On waking it checks the wall clock against elapsed time (to
 * notice a clock that was set), then takes due tasks from each store in bounded batches
 * and plans each one ({@link RunPlanner}). A failing store is backed off on its own;
 * nothing that goes wrong here stops the thread.
 */
final class SchedulingLoop implements Runnable {

	private static final Logger logger = LoggerFactory.getLogger(SchedulingLoop.class);

	private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

	/** Due tasks claimed at a time from a store that is not persistent. */
	private static final int MEMORY_CLAIM_CHUNK = 32;

	/** Passes at one instant after which {@link #runDueTasks()} gives up. */
	private static final int MAX_PASSES = 10_000;

	private final SchedulerSettings settings;

	private final Registry registry;

	private final EventBus events;

	private final Supplier<SchedulerState> state;

	private final TaskRunner runner;

	private final Clock clock;

	private final Waker waker = new Waker();

	private final Backlog backlog;

	private final MisfireReports misfires;

	private final DstShiftReports dstShifts = new DstShiftReports();

	private final FailedRuns failures;

	private final @Nullable FailedTaskRetention retention;

	private final UnrunnableTasks unrunnable;

	/** Ends a run that does not end its task: only the backlog hears of it. */
	private final Runnable runEnded;

	/**
	 * Store name → when to try it again after a failure; touched only by the loop thread.
	 */
	private final Map<String, Backoff> backoffs = new HashMap<>();

	/**
	 * Runs every run on the thread that submits it, whatever executor the task names; or
	 * {@code null} to use that executor.
	 */
	private final @Nullable SchedulerExecutor callerRuns;

	/**
	 * Runs submitted so far; read by {@link #runDueTasks()} to see whether a pass ran
	 * any.
	 */
	private long submitted;

	private volatile boolean running;

	private volatile @Nullable Thread thread;

	private volatile @Nullable Instant plannedWakeUp;

	private Instant lastWall = Instant.EPOCH;

	private long lastMonotonic;

	SchedulingLoop(SchedulerSettings settings, Registry registry, EventBus events, Supplier<SchedulerState> state,
			TaskRunner runner) {
		this.settings = settings;
		this.registry = registry;
		this.events = events;
		this.state = state;
		this.runner = runner;
		this.clock = settings.clock();
		this.backlog = new Backlog(settings.batchSize(), registry::executorList, this::wakeUp);
		this.runEnded = this.backlog::runEnded;
		this.callerRuns = settings.runOnCaller() ? SchedulerExecutors.callerRuns() : null;
		this.misfires = new MisfireReports(events);
		this.failures = new FailedRuns(events, this.clock, this::release);
		this.unrunnable = new UnrunnableTasks(events, settings.stuckTaskThreshold());
		this.retention = (settings.failedTaskRetention() != null)
				? new FailedTaskRetention(settings.failedTaskRetention(), events) : null;
	}

	void start() {
		// The baseline is read here, not on the new thread, so that a clock set right
		// after start() counts as a jump.
		readClocks();
		this.running = true;
		Thread thread = new Thread(this, "asyncz-scheduler-" + this.settings.instanceId());
		this.thread = thread;
		thread.start();
	}

	/**
	 * Starts without a thread: due tasks run only when {@link #runDueTasks()} is called.
	 */
	void startWithoutThread() {
		readClocks();
		this.running = true;
	}

	void stop() {
		this.running = false;
		this.waker.wakeUp();
		Thread thread = this.thread;
		if (thread != null && thread != Thread.currentThread()) {
			try {
				thread.join(this.settings.shutdownTimeout().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	void wakeUp() {
		this.waker.wakeUp();
	}

	/**
	 * The due tasks this instance has been unable to run for longer than the stuck
	 * threshold.
	 * @return the stuck tasks, oldest first
	 */
	List<StuckTask> stuckTasks() {
		return this.unrunnable.stuck(this.clock.instant());
	}

	/**
	 * Wakes the thread if {@code runTime} comes before its planned wake-up.
	 * @param runTime a new or changed next run time
	 */
	void wakeUpIfEarlier(@Nullable Instant runTime) {
		Instant planned = this.plannedWakeUp;
		if (runTime != null && (planned == null || runTime.isBefore(planned))) {
			this.waker.wakeUp();
		}
	}

	@Override
	public void run() {
		preload();
		while (this.running) {
			long sleepNanos;
			try {
				sleepNanos = sleepNanos(pass());
			}
			catch (Throwable ex) {
				logger.error("The scheduler loop failed; it carries on", ex);
				sleepNanos = Math.min(FIRST_BACKOFF.toNanos(), this.settings.maxWait().toNanos());
			}
			if (this.running && sleepNanos > 0) {
				this.waker.sleep(sleepNanos);
			}
		}
	}

	/**
	 * Runs, on the calling thread, every run due at the clock's time, pass after pass
	 * until a pass leaves nothing due then: a run that ends may release its task due at
	 * the same instant (a retry without back-off, say). For a scheduler without a thread
	 * of its own ({@link #startWithoutThread()}).
	 * @return how many runs were started, and when anything is due next
	 */
	synchronized DueRuns runDueTasks() {
		if (!this.running) {
			throw new SchedulerStateException("The scheduler is not started; start it before running due tasks");
		}
		int runs = 0;
		for (int passes = 0; passes < MAX_PASSES; passes++) {
			long before = this.submitted;
			Instant next = pass();
			int started = (int) (this.submitted - before);
			runs += started;
			// Nothing started though something is due (held by another instance, put
			// off): another pass at the same time would find the same.
			if (started == 0 || next == null || next.isAfter(this.clock.instant())) {
				return new DueRuns(runs, next);
			}
		}
		throw new IllegalStateException("Tasks were still due at " + this.clock.instant() + " after " + MAX_PASSES
				+ " passes: a task keeps falling due again at the same instant");
	}

	/**
	 * One pass: checks the clock and runs what is due in every store.
	 * @return when anything is due next, or {@code null} for nothing known
	 */
	private @Nullable Instant pass() {
		Instant expected = this.lastWall;
		long lastMonotonic = this.lastMonotonic;
		// Unknown while the pass runs: a run that ends meanwhile, releasing its task
		// for a time this pass cannot see, must wake the thread for another pass.
		this.plannedWakeUp = null;
		Instant now = readClocks();
		checkClockJump(expected.plusNanos(this.lastMonotonic - lastMonotonic), now);
		Instant next = (this.state.get() == SchedulerState.RUNNING) ? processDueTasks(now) : null;
		// Elapsed time as read with now: read later, it could count a clock change
		// this pass has not seen, and put the next sweep off past it.
		if (this.retention != null && this.retention.due(this.lastMonotonic)) {
			this.retention.sweep(startedStores(), now, this.lastMonotonic);
		}
		// A task this instance put off is left to the others first.
		next = this.unrunnable.afterOthers(next);
		this.plannedWakeUp = next;
		return next;
	}

	/**
	 * Reads the wall clock and elapsed time together and keeps them as the baseline for
	 * the next clock-jump check.
	 * @return the wall time
	 */
	private Instant readClocks() {
		if (this.clock instanceof ControllableClock controllable) {
			ControllableClock.Reading reading = controllable.read();
			this.lastWall = reading.wall();
			this.lastMonotonic = reading.monotonicNanos();
		}
		else {
			this.lastMonotonic = System.nanoTime();
			this.lastWall = this.clock.instant();
		}
		return this.lastWall;
	}

	private void checkClockJump(Instant expected, Instant now) {
		Duration jump = Duration.between(expected, now);
		if (jump.abs().compareTo(this.settings.clockJumpThreshold()) > 0) {
			logger.warn("The wall clock jumped by {} (expected {}, found {}); re-evaluating due tasks", jump, expected,
					now);
			if (jump.isNegative()) {
				int replanned = ClockSetBack.replan(startedStores(), expected, now,
						(id) -> this.runner.runningCount(id) > 0);
				logger.warn("Re-planned {} task(s) from the new time after the clock was set back", replanned);
			}
			this.events.publish(new ClockJumped(expected, now, jump));
		}
	}

	private long sleepNanos(@Nullable Instant next) {
		long max = this.settings.maxWait().toNanos();
		if (next == null) {
			return max;
		}
		Duration untilNext = Duration.between(this.clock.instant(), next);
		if (untilNext.isNegative() || untilNext.isZero()) {
			return 0;
		}
		return (untilNext.compareTo(this.settings.maxWait()) < 0) ? untilNext.toNanos() : max;
	}

	/**
	 * Runs what is due in every store.
	 * @return the earliest time anything needs the loop again, or {@code null} for
	 * nothing known
	 */
	private @Nullable Instant processDueTasks(Instant now) {
		Instant earliest = null;
		for (Map.Entry<String, TaskStore> entry : this.registry.stores().entrySet()) {
			String name = entry.getKey();
			Backoff backoff = this.backoffs.get(name);
			if (backoff != null && !backoff.due(monotonicNanos())) {
				earliest = earlier(earliest, now.plusNanos(backoff.remainingNanos(monotonicNanos())));
				continue;
			}
			try {
				TaskStore store = this.registry.started(name, entry.getValue());
				boolean heldBack = drain(name, store, now);
				this.backoffs.remove(name);
				if (!heldBack) {
					// Held back, the store still has due tasks: the end of a run wakes
					// the thread for them, and asking the store now would only say "now".
					earliest = earlier(earliest, store.nextRunTime().orElse(null));
				}
			}
			catch (RuntimeException ex) {
				Backoff next = Backoff.after(backoff, monotonicNanos(), this.settings.maxWait());
				this.backoffs.put(name, next);
				logger.warn("Store '{}' failed; trying again in {}: {}", name, next.delay(), ex.toString());
				this.events.publish(new StoreError(name, "process due tasks", ex));
				earliest = earlier(earliest, now.plus(next.delay()));
			}
		}
		return earliest;
	}

	/**
	 * Takes due tasks from a store and submits their runs, batch after batch, as long as
	 * the executors have room ({@link Backlog}).
	 * @return whether it stopped for want of room while due tasks may remain
	 */
	private boolean drain(String storeName, TaskStore store, Instant now) {
		while (this.running && this.state.get() == SchedulerState.RUNNING) {
			int room = this.backlog.room();
			if (room == 0) {
				return true;
			}
			// Claiming from memory costs nothing but the store's lock, so it is done a
			// few
			// at a time: the first runs of a big burst start once a few are claimed
			// rather
			// than once a whole batch is. A durable store pays per query, so it gets the
			// batch.
			int asked = store.persistent() ? room : Math.min(room, MEMORY_CLAIM_CHUNK);
			List<DueTask> due = store.acquireDueTasks(now, asked);
			RuntimeException failure = null;
			for (DueTask dueTask : due) {
				// Every claimed task is handled even when one fails: a claim left
				// unhandled would never end, and a store keeps renewing the leases of the
				// claims it holds.
				try {
					handle(storeName, store, dueTask, now);
				}
				catch (RuntimeException ex) {
					if (failure == null) {
						failure = ex;
					}
					else {
						failure.addSuppressed(ex);
					}
				}
			}
			if (failure != null) {
				throw failure;
			}
			if (due.size() < asked) {
				return false;
			}
		}
		return false;
	}

	private void handle(String storeName, TaskStore store, DueTask due, Instant now) {
		Task task = due.task();
		if (!this.running) {
			// Claimed as the shutdown began: it starts no run, and stays due for the next
			// start or another instance.
			release(store, task, task);
			return;
		}
		if (due.recovered()) {
			logger.info("Task '{}' was claimed by an instance whose lease expired; running it again", task.id());
			this.events
				.publish(new TaskRecovered(task.id(), task.function(), storeName, task.executor(), task.nextRunTime()));
		}
		RunPlanner.Plan plan = RunPlanner.plan(task, now, due.recovered());
		this.misfires.report(task, storeName, plan, now);
		if (plan.runTime() != null && plan.after() != null) {
			this.dstShifts.report(task, plan.runTime(), plan.after());
		}
		// A pending retry that gave way to a regular fire time leaves its failure behind;
		// a failure that is over (no retry left) is kept for people to see until a run
		// succeeds.
		TaskFailure carried = (task.failure() != null && task.failure().exhausted()) ? task.failure() : null;
		if (plan.runTime() == null) {
			if (plan.after() == null) {
				finish(store, task);
			}
			else {
				release(store, task, task.withNextRun(plan.after(), carried));
			}
			return;
		}
		submit(new Run(store, task, plan.runTime(), plan.attempt(), plan.after(), carried));
	}

	/**
	 * Submits one run. The task stays claimed until the run is over and its outcome
	 * decides the next run time ({@link #ended}) — so a crash or a shutdown mid-run
	 * leaves the fire time to run again, and a long run keeps its lease. A task that
	 * allows overlapping runs is released at once instead, so that its next fire time can
	 * start while this run goes on.
	 */
	private void submit(Run run) {
		Task task = run.task();
		SchedulerExecutor executor = this.registry.executor(task.executor());
		if (executor == null) {
			defer(run, "executor '" + task.executor() + "' does not exist here; executors: "
					+ this.registry.executors().keySet());
			return;
		}
		if (task.callable() == null && !this.settings.functions().contains(task.function())) {
			defer(run, "function '" + task.function() + "' is not registered here");
			return;
		}
		if (this.runner.runningCount(task.id()) >= task.options().maxInstances()) {
			logger.debug("Task '{}' already has {} runs in progress; skipping the run for {}", task.id(),
					task.options().maxInstances(), run.fireTime());
			this.events.publish(new TaskMaxInstancesReached(task.id(), task.function(), task.store(), task.executor(),
					run.fireTime(), task.options().maxInstances()));
			// A final run is tried again a second later, when the run in progress may
			// have
			// ended: a finished trigger has no next fire time to move on to.
			release(run.store(), task, (run.after() != null) ? task.withNextRun(run.after(), run.carried())
					: task.withNextRunTime(this.clock.instant().plusSeconds(1)));
			return;
		}
		boolean held = task.options().maxInstances() == 1 || run.after() == null;
		TaskRunner.Bound bound = null;
		if (!held && task.callable() == null) {
			// Released before it runs, it could not be put off once its arguments turn
			// out not to bind: bound first, and the run takes the values bound here.
			bound = bindHere(run);
			if (bound == null) {
				return;
			}
		}
		// If the store cannot release it now, the claim stays until its lease ends and
		// the task is handed out again, to run then: running it now would run it twice.
		if (!held && !release(run.store(), task, task.withNextRun(run.after(), run.carried()))) {
			return;
		}
		if (this.events.listening()) {
			this.events
				.publish(new TaskSubmitted(task.id(), task.function(), task.store(), task.executor(), run.fireTime()));
		}
		this.submitted++;
		this.runner.submit(task, run.fireTime(), run.attempt(), (this.callerRuns != null) ? this.callerRuns : executor,
				new RunEnd(run, held), bound);
	}

	/**
	 * Ends a run's claim ({@link #ended}) and tells the backlog. A class rather than a
	 * lambda, so that it can be loaded before the first run ({@link #preload()}).
	 */
	private final class RunEnd implements Consumer<RunOutcome> {

		private final Run run;

		private final boolean held;

		RunEnd(Run run, boolean held) {
			this.run = run;
			this.held = held;
		}

		@Override
		public void accept(RunOutcome outcome) {
			try {
				ended(this.run, this.held, outcome);
			}
			finally {
				SchedulingLoop.this.runEnded.run();
			}
		}

	}

	/**
	 * Loads what every run goes through, which a JVM would otherwise load during the
	 * first run after the start, making it late by milliseconds; and builds the JSON
	 * mapper that persistent stores and adds use, here rather than in {@code start()}.
	 */
	private static void preload() {
		Preload.initialize(MethodHandles.lookup(), RunEnd.class, Run.class, RunPlanner.class, RunPlanner.Plan.class,
				DueTask.class);
		TaskRunner.preload();
		TaskCodec.prepareSharedMapper();
	}

	/**
	 * Ends the claim on a task whose run is over: the next fire time after a success, a
	 * retry or the failed state after a failure (an executor's refusal included), and the
	 * same fire time again after a run that ended while the scheduler shut down.
	 */
	private void ended(Run run, boolean held, RunOutcome outcome) {
		Task task = run.task();
		if (!held) {
			return;
		}
		TaskStore store = run.store();
		if (outcome.succeeded()) {
			this.unrunnable.ran(task.id());
			if (run.after() == null) {
				finish(store, task);
			}
			else {
				release(store, task, task.withNextRun(run.after(), null));
			}
			return;
		}
		if (!this.running) {
			// Cut short by the shutdown: the run did not happen, so the task keeps the
			// time it was due; the next start, or another instance, runs it.
			logger.warn("Task '{}': the run for {} did not complete ({}); it stays due", task.id(), run.fireTime(),
					outcome.failure().toString());
			release(store, task, task);
			return;
		}
		if (outcome.unrunnable()) {
			defer(run, outcome.failure().getMessage());
			return;
		}
		this.failures.failed(run, outcome.failure());
	}

	/**
	 * Binds the task's arguments to its function here; puts the task off when they do not
	 * bind.
	 * @return the bound arguments, or {@code null} when the task was put off
	 */
	private TaskRunner.@Nullable Bound bindHere(Run run) {
		Task task = run.task();
		try {
			TaskCallable function = this.settings.functions().find(task.function()).orElse(null);
			return new TaskRunner.Bound((function != null) ? function.bind(task.args(), task.kwargs()) : null);
		}
		catch (InvalidTaskException ex) {
			defer(run, ex.getMessage());
			return null;
		}
	}

	/**
	 * Leaves a claimed task that this instance cannot run in its store, due again after a
	 * back-off, unchanged otherwise: instances that can run it take it meanwhile.
	 */
	private void defer(Run run, String reason) {
		Task task = run.task();
		this.unrunnable.defer(task, run.fireTime(), reason, this.clock.instant(),
				(retryAt) -> handOver(run.store(), task, task.withNextRun(retryAt, task.failure())));
	}

	/**
	 * Ends a claim with the task's next state, and wakes the thread if that state runs
	 * earlier than it planned to wake: it planned without the claimed task.
	 * @return false if the store failed
	 */
	private boolean release(TaskStore store, Task claimed, Task next) {
		try {
			if (store.release(claimed, next)) {
				wakeUpIfEarlier(next.nextRunTime());
			}
			return true;
		}
		catch (RuntimeException ex) {
			// The claim is left to its lease: when it runs out, the task is handed out
			// again as recovered, so the fire time is run again rather than lost.
			logger.warn("Store '{}' could not end the claim on task '{}': {}", claimed.store(), claimed.id(),
					ex.toString());
			this.events.publish(new StoreError(claimed.store(), "end the claim on task '" + claimed.id() + "'", ex));
			return false;
		}
	}

	/**
	 * Ends the claim on a task this instance cannot run, for the other instances to take.
	 */
	private void handOver(TaskStore store, Task claimed, Task next) {
		try {
			store.handOver(claimed, next);
		}
		catch (RuntimeException ex) {
			// As for a release: the lease runs out and the task is handed out again.
			logger.warn("Store '{}' could not hand task '{}' over to other instances: {}", claimed.store(),
					claimed.id(), ex.toString());
			this.events.publish(new StoreError(claimed.store(), "hand over task '" + claimed.id() + "'", ex));
		}
	}

	private void finish(TaskStore store, Task task) {
		store.complete(task);
		if (this.events.listening()) {
			this.events.publish(new TaskRemoved(task));
		}
	}

	private Map<String, TaskStore> startedStores() {
		Map<String, TaskStore> started = new LinkedHashMap<>();
		this.registry.stores().forEach((name, store) -> started.put(name, this.registry.started(name, store)));
		return started;
	}

	private long monotonicNanos() {
		return (this.clock instanceof ControllableClock controllable) ? controllable.monotonicNanos()
				: System.nanoTime();
	}

	private static @Nullable Instant earlier(@Nullable Instant a, @Nullable Instant b) {
		if (a == null) {
			return b;
		}
		return (b == null || a.isBefore(b)) ? a : b;
	}

	/**
	 * When to try a failed store again: doubling from one second up to max-wait.
	 */
	private record Backoff(long retryAtNanos, Duration delay) {

		static Backoff after(@Nullable Backoff previous, long nowNanos, Duration maxWait) {
			Duration delay = (previous == null) ? FIRST_BACKOFF : previous.delay().multipliedBy(2);
			if (delay.compareTo(maxWait) > 0) {
				delay = maxWait;
			}
			return new Backoff(nowNanos + delay.toNanos(), delay);
		}

		boolean due(long nowNanos) {
			return nowNanos - this.retryAtNanos >= 0;
		}

		long remainingNanos(long nowNanos) {
			return Math.max(0, this.retryAtNanos - nowNanos);
		}

	}

}
