package dev.asyncz.benchmarks.durable;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Runs one scenario once for one subject: seeds the tasks through the subject, starts its
 * instances, waits until nothing due is left, stops the instances and combines what they
 * report.
 */
final class DurableBenchmark {

	private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

	private static final long POLL_MILLIS = 200;

	private final Workers workers;

	private final Duration runTimeout;

	private final PrintStream log;

	DurableBenchmark(Workers workers, Duration runTimeout, PrintStream log) {
		this.workers = workers;
		this.runTimeout = runTimeout;
		this.log = log;
	}

	/**
	 * Executions per second: {@code tasks} one-shot tasks due now, stored before the
	 * instances start.
	 * @param subject seeds and counts
	 * @param kind what the instances run
	 * @param tasks how many
	 * @param instances one, or two sharing the tables
	 * @return the run's figures
	 */
	RunResult throughput(Subject subject, SubjectKind kind, int tasks, int instances) {
		Instant now = Instant.now();
		List<Instant> runTimes = new ArrayList<>(tasks);
		for (int i = 0; i < tasks; i++) {
			runTimes.add(now);
		}
		try {
			return run(subject, kind, "t" + instances + "-", runTimes, instances, false);
		}
		finally {
			subject.clear();
		}
	}

	/**
	 * Recovery: {@code tasks} one-shot tasks that came due {@code overdue} ago, while no
	 * scheduler ran.
	 * @param subject seeds and counts
	 * @param kind what the instance runs
	 * @param tasks how many
	 * @param overdue how long ago they were due
	 * @return the run's figures
	 */
	RunResult recovery(Subject subject, SubjectKind kind, int tasks, Duration overdue) {
		Instant due = Instant.now().minus(overdue);
		List<Instant> runTimes = new ArrayList<>(tasks);
		for (int i = 0; i < tasks; i++) {
			// Spread over a second so that the order of execution is defined.
			runTimes.add(due.plusNanos(1_000_000_000L * i / tasks));
		}
		try {
			return run(subject, kind, "r-", runTimes, 1, false);
		}
		finally {
			subject.clear();
		}
	}

	/**
	 * Stores the tasks that wait far in the future during the lateness runs.
	 * @param subject seeds
	 * @param tasks how many
	 */
	void seedWaiting(Subject subject, int tasks) {
		Instant from = Instant.now().plus(Duration.ofDays(30));
		List<Instant> runTimes = new ArrayList<>(tasks);
		for (int i = 0; i < tasks; i++) {
			runTimes.add(from.plusSeconds(i));
		}
		long started = System.nanoTime();
		subject.seed("w-", runTimes);
		this.log.printf(Locale.ROOT, "    seeded %,d waiting tasks in %.1f s%n", tasks,
				(System.nanoTime() - started) / 1e9);
	}

	/**
	 * Lateness: {@code due} tasks spread evenly over {@code spread}, the first
	 * {@code lead} after seeding, among the waiting tasks already stored.
	 * @param subject seeds and counts
	 * @param kind what the instance runs
	 * @param run distinguishes the ids of this run
	 * @param due how many tasks come due
	 * @param spread over how long
	 * @param lead from the end of seeding to the first due time (covers the JVM start)
	 * @return the run's figures
	 */
	RunResult lateness(Subject subject, SubjectKind kind, int run, int due, Duration spread, Duration lead) {
		Instant first = Instant.now().plus(lead);
		List<Instant> runTimes = new ArrayList<>(due);
		for (int i = 0; i < due; i++) {
			runTimes.add(first.plusNanos(spread.toNanos() * i / due));
		}
		return run(subject, kind, "l" + run + "-", runTimes, 1, true);
	}

	/**
	 * Adds: a started instance adds far-future tasks through the subject's API to an
	 * empty table, timed in the instance.
	 * @param subject counts and clears
	 * @param kind what the instance runs
	 * @param adds what it adds
	 * @return the run's figures, the tasks added as executions
	 */
	RunResult adds(Subject subject, SubjectKind kind, AddWork adds) {
		// From an empty table: the waiting tasks of the lateness runs may still be
		// stored.
		subject.clear();
		try {
			WorkerResult result = startAndStop(kind, adds);
			long stored = subject.pending(Instant.now().plus(Duration.ofDays(365)));
			RunResult run = RunResult.of(adds.tasks(), List.of(result), result.firstStartMicros());
			this.log.printf(Locale.ROOT, "    %s: %,d added (%,d stored), %.0f adds/s%n", kind.label(),
					result.executed(), stored, run.executionsPerSecond());
			return (stored == adds.tasks()) ? run
					: RunResult.of(adds.tasks(),
							List.of(new WorkerResult((int) stored, result.firstStartMicros(), result.lastEndMicros(),
									result.startCalledMicros(), result.readyMicros(), new long[0])),
							result.firstStartMicros());
		}
		finally {
			subject.clear();
		}
	}

	/**
	 * Start time: an instance is started with exactly {@code stored} far-future tasks in
	 * its tables and stopped once {@code start()} returned.
	 * @param subject seeds and clears
	 * @param kind what the instance runs
	 * @param stored how many tasks are stored, none for an empty table
	 * @param footprint told what the stored tasks take, measured before the start
	 * @return the run's figures
	 */
	RunResult start(Subject subject, SubjectKind kind, int stored, Consumer<Subject.Footprint> footprint) {
		subject.clear();
		try {
			if (stored > 0) {
				seedWaiting(subject, stored);
				footprint.accept(subject.footprint());
			}
			WorkerResult result = startAndStop(kind, null);
			RunResult run = RunResult.of(0, List.of(result), result.readyMicros());
			this.log.printf(Locale.ROOT, "    %s: start() took %.0f ms with %,d tasks stored%n", kind.label(),
					run.startMillis(), stored);
			return run;
		}
		finally {
			subject.clear();
		}
	}

	/** One instance, stopped as soon as it is ready (and done adding, if it adds). */
	private WorkerResult startAndStop(SubjectKind kind, @Nullable AddWork adds) {
		Workers.Handle handle = this.workers.launch(kind, "i1", false, false, adds);
		try {
			handle.awaitReady(READY_TIMEOUT);
			return handle.stop();
		}
		catch (RuntimeException ex) {
			handle.kill();
			throw ex;
		}
	}

	private RunResult run(Subject subject, SubjectKind kind, String idPrefix, List<Instant> runTimes, int instances,
			boolean keepLateness) {
		long seedStarted = System.nanoTime();
		subject.seed(idPrefix, runTimes);
		this.log.printf(Locale.ROOT, "    seeded %,d tasks in %.1f s%n", runTimes.size(),
				(System.nanoTime() - seedStarted) / 1e9);
		// Quartz moves misfired triggers to "now", so the horizon must lie past the run's
		// end too; the waiting tasks of the lateness runs lie days beyond it.
		Instant lastDue = runTimes.get(runTimes.size() - 1);
		Instant horizon = (lastDue.isAfter(Instant.now()) ? lastDue : Instant.now()).plus(Duration.ofHours(1));
		List<Workers.Handle> handles = new ArrayList<>();
		try {
			for (int i = 0; i < instances; i++) {
				handles.add(this.workers.launch(kind, "i" + (i + 1), instances > 1, keepLateness, null));
			}
			for (Workers.Handle handle : handles) {
				handle.awaitReady(READY_TIMEOUT);
			}
			awaitNothingPending(subject, horizon);
		}
		catch (RuntimeException ex) {
			handles.forEach(Workers.Handle::kill);
			throw ex;
		}
		List<WorkerResult> results = new ArrayList<>();
		for (Workers.Handle handle : handles) {
			results.add(handle.stop());
		}
		RunResult result = RunResult.of(runTimes.size(), results, Recorder.micros(runTimes.get(0)));
		String lateness = keepLateness ? String.format(Locale.ROOT, ", lateness p50 %.1f ms p99 %.1f ms%s",
				result.latenessP50Millis(), result.latenessP99Millis(),
				result.lateStart() ? " (an instance was ready only after the first task was due)" : "") : "";
		this.log.printf(Locale.ROOT, "    %s: %,d/%,d runs, %.0f executions/s, all done %.2f s after start%s%n",
				kind.label(), result.executed(), result.expected(), result.executionsPerSecond(),
				result.recoverySeconds(), lateness);
		return result;
	}

	private void awaitNothingPending(Subject subject, Instant horizon) {
		long deadline = System.nanoTime() + this.runTimeout.toNanos();
		while (subject.pending(horizon) > 0) {
			if (System.nanoTime() - deadline > 0) {
				throw new IllegalStateException("Tasks still pending after " + this.runTimeout);
			}
			try {
				Thread.sleep(POLL_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for the tasks", ex);
			}
		}
	}

}
