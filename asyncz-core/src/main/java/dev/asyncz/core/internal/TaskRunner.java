package dev.asyncz.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
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
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands runs to executors and reports how they end. Counts the runs in progress per task
 * for max-instances; a function that returns a {@link CompletionStage} counts as running
 * until the stage completes. Keeps nothing for tasks that are not running.
 */
final class TaskRunner {

	private static final Logger logger = LoggerFactory.getLogger(TaskRunner.class);

	private final Map<String, Integer> running = new ConcurrentHashMap<>();

	private final Clock clock;

	private final TaskFunctions functions;

	private final EventBus events;

	private final List<TaskRunInterceptor> interceptors;

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
		this.running.merge(task.id(), 1, Integer::sum);
		try {
			executor.execute(() -> run(task, scheduledRunTime, onEnd));
			return true;
		}
		catch (RuntimeException ex) {
			Instant now = this.clock.instant();
			end(task, onEnd);
			this.events.publish(new TaskError(task.id(), task.function(), task.store(), task.executor(),
					scheduledRunTime, now, Duration.ZERO, ex));
			return false;
		}
	}

	private void run(Task task, Instant scheduledRunTime, Runnable onEnd) {
		Instant startedAt = this.clock.instant();
		long startNanos = System.nanoTime();
		Consumer<@Nullable Throwable> finish = (failure) -> {
			Duration duration = Duration.ofNanos(System.nanoTime() - startNanos);
			end(task, onEnd);
			if (failure != null) {
				logger.warn("Task '{}' ({}) failed", task.id(), task.function(), failure);
				this.events.publish(new TaskError(task.id(), task.function(), task.store(), task.executor(),
						scheduledRunTime, startedAt, duration, failure));
			}
			else if (this.events.listening()) {
				this.events.publish(new TaskExecuted(task.id(), task.function(), task.store(), task.executor(),
						scheduledRunTime, startedAt, duration));
			}
		};
		Object result;
		try {
			TaskCallable function = resolve(task);
			TaskContext context = new TaskContext(task.id(), task.name(), task.function(), task.args(), task.kwargs(),
					scheduledRunTime, startedAt);
			result = invoke(0, task, context, function);
		}
		catch (Throwable ex) {
			finish.accept(ex);
			return;
		}
		if (result instanceof CompletionStage<?> stage) {
			stage.whenComplete((value, failure) -> finish.accept(failure));
		}
		else {
			finish.accept(null);
		}
	}

	private @Nullable Object invoke(int index, Task task, TaskContext context, TaskCallable function) throws Exception {
		if (index == this.interceptors.size()) {
			return function.run(context);
		}
		return this.interceptors.get(index).around(task, context, () -> invoke(index + 1, task, context, function));
	}

	private TaskCallable resolve(Task task) {
		if (task.callable() != null) {
			return task.callable();
		}
		return this.functions.find(task.function())
			.orElseThrow(() -> new InvalidTaskException("Task '" + task.id() + "' calls function '" + task.function()
					+ "', which is not registered; registered functions: " + this.functions.names()));
	}

	private void end(Task task, Runnable onEnd) {
		this.running.computeIfPresent(task.id(), (id, count) -> (count > 1) ? count - 1 : null);
		try {
			onEnd.run();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not finish the run of task '{}' in store '{}'", task.id(), task.store(), ex);
		}
	}

}
