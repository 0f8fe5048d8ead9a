package dev.asyncz.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.asyncz.event.TaskRemoved;
import dev.asyncz.event.TaskSubmitted;
import dev.asyncz.executor.SchedulerExecutor;
import dev.asyncz.store.TaskStore;
import dev.asyncz.task.Task;
import dev.asyncz.trigger.LifecycleTrigger.Phase;
import dev.asyncz.trigger.LifecycleTrigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tasks that run at a moment of the scheduler's life cycle rather than at a time
 * ({@link LifecycleTrigger}). They wait in their memory store without a next run time;
 * this keeps their ids, so that starting or shutting down never scans a store.
 */
final class LifecycleTasks {

	private static final Logger logger = LoggerFactory.getLogger(LifecycleTasks.class);

	private final Map<String, Phase> ids = new ConcurrentHashMap<>();

	private final Registry registry;

	private final EventBus events;

	private final TaskRunner runner;

	private final Clock clock;

	LifecycleTasks(Registry registry, EventBus events, TaskRunner runner, Clock clock) {
		this.registry = registry;
		this.events = events;
		this.runner = runner;
		this.clock = clock;
	}

	static Optional<Phase> phaseOf(Task task) {
		return (task.trigger() instanceof LifecycleTrigger lifecycle) ? Optional.of(lifecycle.phase())
				: Optional.empty();
	}

	void remember(Task task) {
		// No phaseOf(task).ifPresent(…): its lambda would be made for every task added.
		if (task.trigger() instanceof LifecycleTrigger lifecycle) {
			this.ids.put(task.id(), lifecycle.phase());
		}
	}

	/**
	 * The start tasks, made due now; they run once the loop takes them.
	 * @return the tasks, due now
	 */
	List<Task> startTasksDueNow() {
		Instant now = this.clock.instant();
		List<Task> due = new ArrayList<>();
		for (Task task : current(Phase.START)) {
			due.add(task.withNextRunTime(now));
			this.ids.remove(task.id());
		}
		return due;
	}

	/**
	 * Runs every shutdown task on its executor and waits for them all, at most
	 * {@code timeout}; each finished one leaves its store.
	 * @param timeout the longest wait
	 */
	void runShutdownTasks(Duration timeout) {
		List<Task> tasks = current(Phase.SHUTDOWN);
		if (tasks.isEmpty()) {
			return;
		}
		CountDownLatch finished = new CountDownLatch(tasks.size());
		Instant now = this.clock.instant();
		for (Task task : tasks) {
			SchedulerExecutor executor = this.registry.executor(task.executor());
			TaskStore store = this.registry.store(task.store(), task.id());
			Runnable onEnd = () -> {
				store.remove(task.id());
				this.events.publish(new TaskRemoved(task));
				finished.countDown();
			};
			if (executor == null) {
				logger.warn("Shutdown task '{}' names executor '{}', which does not exist; it does not run", task.id(),
						task.executor());
				finished.countDown();
				continue;
			}
			this.events.publish(new TaskSubmitted(task.id(), task.function(), task.store(), task.executor(), now));
			this.runner.submit(task, now, executor, onEnd);
		}
		try {
			if (!finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				logger.warn("Shutdown tasks still running after {}; shutting down the executors anyway", timeout);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private List<Task> current(Phase phase) {
		List<Task> tasks = new ArrayList<>();
		this.ids.forEach((id, each) -> {
			if (each != phase) {
				return;
			}
			for (Map.Entry<String, TaskStore> entry : this.registry.stores().entrySet()) {
				Optional<Task> task = this.registry.started(entry.getKey(), entry.getValue()).get(id);
				if (task.isPresent() && phaseOf(task.get()).equals(Optional.of(phase))) {
					tasks.add(task.get());
					return;
				}
			}
			// Deleted, or replaced by a task of another kind: nothing to run.
			this.ids.remove(id);
		});
		return tasks;
	}

}
