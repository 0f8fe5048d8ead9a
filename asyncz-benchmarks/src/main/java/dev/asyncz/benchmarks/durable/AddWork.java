package dev.asyncz.benchmarks.durable;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The adds an instance makes, timed, once its scheduler has started: far-future one-shot
 * tasks through the subject's public API, either all in one bulk call or one call per
 * task from several threads at once. The instance reports the tasks added as its
 * executions and the span from the first call to the last return, so adds per second come
 * out as executions per second.
 *
 * @param bulk whether every task goes in one bulk call
 * @param tasks how many tasks
 * @param callers how many threads share the single adds
 * @param idPrefix starts each task id, followed by its index
 */
record AddWork(boolean bulk, int tasks, int callers, String idPrefix) {

	/** How far ahead the added tasks are due: none runs during a measurement. */
	private static final Duration AHEAD = Duration.ofDays(30);

	/**
	 * The options that pass the work to a worker JVM.
	 * @return the options
	 */
	List<String> toArguments() {
		return List.of("--adds=" + (this.bulk ? "bulk" : "single"), "--add-tasks=" + this.tasks,
				"--add-callers=" + this.callers, "--add-prefix=" + this.idPrefix);
	}

	/**
	 * The work a worker JVM was given, if any.
	 * @param options the worker's options
	 * @return the work, or {@code null} when the worker only starts its scheduler
	 */
	static @Nullable AddWork fromOptions(Options options) {
		String mode = options.get("adds");
		if (mode == null) {
			return null;
		}
		return new AddWork("bulk".equals(mode), Integer.parseInt(options.require("add-tasks")),
				Integer.parseInt(options.require("add-callers")), options.require("add-prefix"));
	}

	/**
	 * Adds the tasks through a started instance and times it.
	 * @param instance the instance
	 * @param startCalledMicros when its scheduler was asked to start
	 * @param readyMicros when it had started
	 * @return the tasks added as executions, over the span of the adds
	 */
	WorkerResult run(Subject.Instance instance, long startCalledMicros, long readyMicros) {
		Instant first = Instant.now().plus(AHEAD);
		List<String> ids = new ArrayList<>(this.tasks);
		List<Instant> runTimes = new ArrayList<>(this.tasks);
		for (int i = 0; i < this.tasks; i++) {
			ids.add(this.idPrefix + i);
			runTimes.add(first.plusMillis(i));
		}
		long started = Recorder.nowMicros();
		if (this.bulk) {
			instance.addAll(ids, runTimes);
		}
		else {
			Parallel.forEach(this.tasks, this.callers, (i) -> instance.add(ids.get(i), runTimes.get(i)));
		}
		return new WorkerResult(this.tasks, started, Recorder.nowMicros(), startCalledMicros, readyMicros, new long[0]);
	}

}
