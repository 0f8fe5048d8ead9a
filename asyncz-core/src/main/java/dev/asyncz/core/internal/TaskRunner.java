package dev.asyncz.core.internal;

import java.lang.invoke.MethodHandles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import dev.asyncz.core.TaskRunInterceptor;
import dev.asyncz.event.TaskError;
import dev.asyncz.event.TaskExecuted;
import dev.asyncz.executor.SchedulerExecutor;
import dev.asyncz.task.InvalidTaskException;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskCallable;
import dev.asyncz.task.TaskContext;
import dev.asyncz.task.TaskFunctions;
import dev.asyncz.task.TaskOptions;
import dev.asyncz.task.TaskTimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands runs to executors and reports how they end. Counts the runs in progress per task
 * for max-instances; a function that returns a {@link CompletionStage} counts as running
 * until the stage completes. A run longer than its task's timeout is interrupted (or its
 * stage failed) and ends as a {@link TaskTimeoutException}. Keeps nothing for tasks that
 * are not running.
 */
final class TaskRunner {

	private static final Logger logger = LoggerFactory.getLogger(TaskRunner.class);

	// Linked with the class rather than on the first run, which they would make late.
	private static final BiFunction<Integer, Integer, Integer> ONE_MORE = Integer::sum;

	private static final BiFunction<String, Integer, @Nullable Integer> ONE_LESS = (id, count) -> (count > 1)
			? count - 1 : null;

	private final Map<String, Integer> running = new ConcurrentHashMap<>();

	private final Clock clock;

	private final TaskFunctions functions;

	private final EventBus events;

	private final List<TaskRunInterceptor> interceptors;

	private final RunTimeouts timeouts = new RunTimeouts();

	/** Runs submitted whose claims have not ended yet; a shutdown waits for them. */
	private final AtomicInteger inFlight = new AtomicInteger();

	private final Object idle = new Object();

	TaskRunner(Clock clock, TaskFunctions functions, EventBus events, List<TaskRunInterceptor> interceptors) {
		this.clock = clock;
		this.functions = functions;
		this.events = events;
		this.interceptors = List.copyOf(interceptors);
	}

	/**
	 * How many runs of a task are in progress.
	 * @param taskId the task id
	 * @return the count
	 */
	int runningCount(String taskId) {
		return this.running.getOrDefault(taskId, 0);
	}

	/**
	 * Starts a run on {@code executor}; {@code onEnd} is called once the run is over,
	 * whatever happened.
	 * @return whether the run was handed over (false: the executor refused it, an error
	 * was published)
	 */
	boolean submit(Task task, Instant scheduledRunTime, SchedulerExecutor executor, Runnable onEnd) {
		return submit(task, scheduledRunTime, 1, executor, (outcome) -> onEnd.run());
	}

	/**
	 * Starts one attempt of a fire time on {@code executor}; {@code onEnd} hears how it
	 * ended, once, whatever happened (also when the executor refused it).
	 * @return whether the run was handed over
	 */
	boolean submit(Task task, Instant scheduledRunTime, int attempt, SchedulerExecutor executor,
			Consumer<RunOutcome> onEnd) {
		return submit(task, scheduledRunTime, attempt, executor, onEnd, null);
	}

	/**
	 * Starts one attempt, like
	 * {@link #submit(Task, Instant, int, SchedulerExecutor, Consumer)}, of a task whose
	 * arguments were bound already.
	 * @param bound the task's arguments bound to its function, or {@code null} to bind
	 * them in the run
	 * @return whether the run was handed over
	 */
	boolean submit(Task task, Instant scheduledRunTime, int attempt, SchedulerExecutor executor,
			Consumer<RunOutcome> onEnd, @Nullable Bound bound) {
		this.running.merge(task.id(), 1, ONE_MORE);
		this.inFlight.incrementAndGet();
		try {
			executor.execute(new Attempt(task, scheduledRunTime, attempt, onEnd, bound));
			return true;
		}
		catch (RuntimeException ex) {
			Instant now = this.clock.instant();
			this.events.publish(new TaskError(task.id(), task.function(), task.store(), task.executor(),
					scheduledRunTime, now, Duration.ZERO, ex));
			end(task, onEnd, RunOutcome.failed(ex));
			return false;
		}
	}

	/**
	 * Waits until no run is in progress, or the timeout passes.
	 * @param timeout the longest wait
	 * @return whether every run ended
	 */
	boolean awaitIdle(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.idle) {
			while (this.inFlight.get() > 0) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return false;
				}
				try {
					this.idle.wait(Math.max(1, left / 1_000_000));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
		}
		return true;
	}

	void shutdown() {
		this.timeouts.shutdown();
	}

	private void run(Task task, Instant scheduledRunTime, int attempt, Consumer<RunOutcome> onEnd,
			@Nullable Bound bound) {
		TaskCallable function;
		List<@Nullable Object> values;
		try {
			function = resolve(task);
			// Bound once per run: the values go to the call, not converted again there.
			values = (bound != null) ? bound.values() : function.bind(task.args(), task.kwargs());
		}
		catch (InvalidTaskException ex) {
			// Not a failure of the task: this instance's code cannot take it, another
			// instance's may.
			end(task, onEnd, RunOutcome.unrunnable(ex));
			return;
		}
		catch (RuntimeException ex) {
			logger.warn("Task '{}' ({}): binding its arguments failed", task.id(), task.function(), ex);
			end(task, onEnd, RunOutcome.failed(ex));
			return;
		}
		Instant startedAt = this.clock.instant();
		long startNanos = System.nanoTime();
		TaskOptions options = task.options();
		RunTimeouts.Guard guard = options.hasTimeout() ? new RunTimeouts.Guard(Thread.currentThread()) : null;
		Finish finish = new Finish(task, scheduledRunTime, attempt, onEnd, startedAt, startNanos, guard);
		ScheduledFuture<?> timer = null;
		Object result;
		try {
			TaskContext context = new TaskContext(task.id(), task.name(), task.function(), task.args(), task.kwargs(),
					scheduledRunTime, startedAt, attempt);
			if (guard != null) {
				timer = this.timeouts.schedule(options.timeout(), guard::timeOut);
			}
			result = invoke(0, task, context, function, values);
		}
		catch (Throwable ex) {
			cancel(timer);
			finish.accept(ex);
			return;
		}
		if (result instanceof CompletionStage<?> stage) {
			if (guard != null) {
				// The synchronous part is over: from here the timeout fails the stage
				// rather than interrupting a thread that is running something else.
				boolean timedOut = guard.end();
				cancel(timer);
				CompletableFuture<?> future = stage.toCompletableFuture();
				if (timedOut) {
					future.completeExceptionally(new TaskTimeoutException(task.id(), options.timeout()));
				}
				else {
					Duration left = options.timeout().minus(Duration.ofNanos(System.nanoTime() - startNanos));
					ScheduledFuture<?> stageTimer = this.timeouts.schedule(left.isNegative() ? Duration.ZERO : left,
							() -> future.completeExceptionally(new TaskTimeoutException(task.id(), options.timeout())));
					future.whenComplete((value, failure) -> stageTimer.cancel(false));
				}
				future.whenComplete((value, failure) -> finish.accept(unwrap(failure)));
			}
			else {
				stage.whenComplete((value, failure) -> finish.accept(unwrap(failure)));
			}
		}
		else {
			cancel(timer);
			finish.accept(null);
		}
	}

	/**
	 * Preloads the classes a run goes through, so that the first run after a start does
	 * not wait for them to be loaded.
	 */
	static void preload() {
		Preload.initialize(MethodHandles.lookup(), Attempt.class, Finish.class, TaskContext.class, RunOutcome.class,
				RunTimeouts.Guard.class);
	}

	/**
	 * A task's arguments bound to its function before the run was submitted.
	 *
	 * @param values what the function's {@link TaskCallable#bind} returned, {@code null}
	 * for a function that takes its arguments as they are
	 */
	record Bound(@Nullable List<@Nullable Object> values) {

	}

	/**
	 * One attempt handed to an executor. A class rather than a lambda: a lambda is linked
	 * the first time it is made, which would fall on the first run.
	 */
	private final class Attempt implements Runnable {

		private final Task task;

		private final Instant scheduledRunTime;

		private final int attempt;

		private final Consumer<RunOutcome> onEnd;

		private final @Nullable Bound bound;

		Attempt(Task task, Instant scheduledRunTime, int attempt, Consumer<RunOutcome> onEnd, @Nullable Bound bound) {
			this.task = task;
			this.scheduledRunTime = scheduledRunTime;
			this.attempt = attempt;
			this.onEnd = onEnd;
			this.bound = bound;
		}

		@Override
		public void run() {
			TaskRunner.this.run(this.task, this.scheduledRunTime, this.attempt, this.onEnd, this.bound);
		}

	}

	/**
	 * Ends an attempt once, with what it threw or {@code null}: reports it and ends the
	 * claim.
	 */
	private final class Finish implements Consumer<@Nullable Throwable> {

		private static final AtomicIntegerFieldUpdater<Finish> ENDED = AtomicIntegerFieldUpdater
			.newUpdater(Finish.class, "ended");

		private final Task task;

		private final Instant scheduledRunTime;

		private final int attempt;

		private final Consumer<RunOutcome> onEnd;

		private final Instant startedAt;

		private final long startNanos;

		private final RunTimeouts.@Nullable Guard guard;

		/** 1 once the attempt ended; a field rather than an object per run. */
		private volatile int ended;

		Finish(Task task, Instant scheduledRunTime, int attempt, Consumer<RunOutcome> onEnd, Instant startedAt,
				long startNanos, RunTimeouts.@Nullable Guard guard) {
			this.task = task;
			this.scheduledRunTime = scheduledRunTime;
			this.attempt = attempt;
			this.onEnd = onEnd;
			this.startedAt = startedAt;
			this.startNanos = startNanos;
			this.guard = guard;
		}

		@Override
		public void accept(@Nullable Throwable thrown) {
			if (!ENDED.compareAndSet(this, 0, 1)) {
				return;
			}
			Task task = this.task;
			Throwable failure = thrown;
			if (this.guard != null && this.guard.end()) {
				failure = new TaskTimeoutException(task.id(), task.options().timeout());
				if (thrown != null) {
					failure.addSuppressed(thrown);
				}
			}
			long durationNanos = System.nanoTime() - this.startNanos;
			if (failure != null) {
				Duration duration = Duration.ofNanos(durationNanos);
				logger.warn("Task '{}' ({}) failed on attempt {}", task.id(), task.function(), this.attempt, failure);
				TaskRunner.this.events.publish(new TaskError(task.id(), task.function(), task.store(), task.executor(),
						this.scheduledRunTime, this.startedAt, duration, failure));
				end(task, this.onEnd, RunOutcome.failed(failure));
				return;
			}
			// The claim ends first, so that whoever hears of the run sees the task as it
			// stands after it.
			end(task, this.onEnd, RunOutcome.SUCCEEDED);
			if (TaskRunner.this.events.listening()) {
				TaskRunner.this.events.publish(new TaskExecuted(task.id(), task.function(), task.store(),
						task.executor(), this.scheduledRunTime, this.startedAt, Duration.ofNanos(durationNanos)));
			}
		}

	}

	private static @Nullable Throwable unwrap(@Nullable Throwable failure) {
		return (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause() : failure;
	}

	private static void cancel(@Nullable ScheduledFuture<?> timer) {
		if (timer != null) {
			timer.cancel(false);
		}
	}

	private @Nullable Object invoke(int index, Task task, TaskContext context, TaskCallable function,
			@Nullable List<@Nullable Object> values) throws Exception {
		if (index == this.interceptors.size()) {
			return (values != null) ? function.runBound(context, values) : function.run(context);
		}
		return this.interceptors.get(index)
			.around(task, context, () -> invoke(index + 1, task, context, function, values));
	}

	private TaskCallable resolve(Task task) {
		if (task.callable() != null) {
			return task.callable();
		}
		return this.functions.find(task.function())
			.orElseThrow(() -> new InvalidTaskException("Task '" + task.id() + "' calls function '" + task.function()
					+ "', which is not registered; registered functions: " + this.functions.names()));
	}

	private void end(Task task, Consumer<RunOutcome> onEnd, RunOutcome outcome) {
		// No longer running before its claim ends: the task may be handed out again the
		// moment it does.
		this.running.computeIfPresent(task.id(), ONE_LESS);
		try {
			onEnd.accept(outcome);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not finish the run of task '{}' in store '{}'", task.id(), task.store(), ex);
		}
		finally {
			if (this.inFlight.decrementAndGet() == 0) {
				synchronized (this.idle) {
					this.idle.notifyAll();
				}
			}
		}
	}

}
