package dev.asyncz.benchmarks.durable;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.asyncz.core.Scheduler;
import dev.asyncz.executor.SchedulerExecutors;
import dev.asyncz.store.StoreContext;
import dev.asyncz.store.TaskCodec;
import dev.asyncz.store.TaskStore;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskFunctions;
import dev.asyncz.task.TaskOptions;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.trigger.Triggers;

/**
 * How both asyncz subjects build their tasks and schedulers, so that only the store
 * differs.
 */
final class AsynczSchedulers {

	/**
	 * Run overdue tasks however late: the peers have no misfire limit either in these
	 * scenarios.
	 */
	private static final TaskOptions NO_MISFIRE_LIMIT = TaskOptions.STANDARD.withMisfireGraceTime(TaskOptions.NO_LIMIT);

	private AsynczSchedulers() {
	}

	/**
	 * The task {@code Scheduler.add} would store for a one-shot request with no misfire
	 * limit.
	 * @param id the task id
	 * @param runTime when it runs
	 * @return the task
	 */
	static Task oneShot(String id, Instant runTime) {
		return Task.builder()
			.id(id)
			.function(Subject.TASK_NAME)
			.trigger(Triggers.at(runTime))
			.options(NO_MISFIRE_LIMIT)
			.nextRunTime(runTime)
			.build();
	}

	/**
	 * A context for a store used only to seed tasks, outside any scheduler.
	 * @return the context
	 */
	static StoreContext seedingContext() {
		return new StoreContext("default", "seeder-" + UUID.randomUUID(), Clock.systemUTC(), new TaskFunctions(),
				new TaskCodec(), (event) -> {
				}, () -> {
				});
	}

	/**
	 * Stores one-shot tasks through a store's own {@code add}, on
	 * {@value Parallel#SEED_THREADS} threads, outside any scheduler; shuts the store down
	 * after.
	 * @param store a store not yet started
	 * @param idPrefix starts each task id, followed by its index
	 * @param runTimes the run time of each task
	 */
	static void seed(TaskStore store, String idPrefix, List<Instant> runTimes) {
		store.start(seedingContext());
		try {
			Parallel.forEach(runTimes.size(), (i) -> store.add(oneShot(idPrefix + i, runTimes.get(i))));
		}
		finally {
			store.shutdown();
		}
	}

	/**
	 * Starts a scheduler on {@code store} with the shared worker count and max-wait.
	 * @param settings worker count and polling
	 * @param store the store
	 * @param instanceName the instance id
	 * @param recorder notified by each run
	 * @return the started scheduler
	 */
	static Scheduler start(DurableSettings settings, TaskStore store, String instanceName, Recorder recorder) {
		TaskFunctions functions = new TaskFunctions();
		functions.register(Subject.TASK_NAME, (context) -> {
			long start = Recorder.nowMicros();
			recorder.executed(Recorder.micros(context.scheduledRunTime()), start);
			return null;
		});
		Scheduler scheduler = Scheduler.builder()
			.store("default", store)
			.executor("default", SchedulerExecutors.threadPool(settings.workers()))
			.functions(functions)
			.taskDefaults(NO_MISFIRE_LIMIT)
			.maxWait(settings.pollInterval())
			.instanceId(instanceName + "-" + UUID.randomUUID())
			.build();
		scheduler.start();
		return scheduler;
	}

	/**
	 * A started asyncz instance: it adds through {@link Scheduler#add} and
	 * {@link Scheduler#addAll}, and closes what it was built on once shut down.
	 *
	 * @param scheduler the started scheduler
	 * @param closeAfter what to close after the shutdown (its connection pool)
	 */
	record Running(Scheduler scheduler, Runnable closeAfter) implements Subject.Instance {

		@Override
		public void stop() {
			this.scheduler.shutdown(true);
			this.closeAfter.run();
		}

		@Override
		public void add(String id, Instant runTime) {
			this.scheduler.add(request(id, runTime));
		}

		@Override
		public void addAll(List<String> ids, List<Instant> runTimes) {
			List<TaskRequest> requests = new ArrayList<>(ids.size());
			for (int i = 0; i < ids.size(); i++) {
				requests.add(request(ids.get(i), runTimes.get(i)));
			}
			this.scheduler.addAll(requests);
		}

		private static TaskRequest request(String id, Instant runTime) {
			return TaskRequest.of(Subject.TASK_NAME, Triggers.at(runTime)).id(id).build();
		}

	}

}
