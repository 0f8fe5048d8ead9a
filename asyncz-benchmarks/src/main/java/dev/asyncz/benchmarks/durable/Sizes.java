package dev.asyncz.benchmarks.durable;

import java.time.Duration;

/**
 * How big each scenario is.
 *
 * @param throughputTasks due tasks per executions/s run
 * @param recoveryTasks overdue tasks per recovery run
 * @param overdue how long ago the recovery tasks came due
 * @param waitingTasks far-future tasks stored during the lateness runs (and measured for
 * bytes/task)
 * @param lateTasks tasks coming due per lateness run
 * @param spread over how long they come due
 * @param lead from seeding to the first due time, covering a worker JVM's start
 * @param runs runs per scenario and subject (the median is reported)
 * @param quartzTasks the most tasks Quartz and the MongoDB subject get in the
 * executions/s and recovery runs: Quartz runs about a hundred a second here, and the
 * MongoDB subject on the in-process test server (which scans every document for each
 * query) a few dozen once 20,000 are stored, so the full count would take most of the
 * time budget
 * @param bulkAdds tasks per bulk-add run
 * @param singleAdds tasks per run of single adds
 */
record Sizes(int throughputTasks, int recoveryTasks, Duration overdue, int waitingTasks, int lateTasks, Duration spread,
		Duration lead, int runs, int quartzTasks, int bulkAdds, int singleAdds) {

	/** The figures of the benchmark brief. */
	static final Sizes FULL = new Sizes(20_000, 20_000, Duration.ofMinutes(10), 100_000, 2_000, Duration.ofSeconds(10),
			Duration.ofSeconds(8), 3, 2_000, 100_000, 8_000);

	/** A quick look, a tenth of the size, one run each. */
	static final Sizes QUICK = new Sizes(2_000, 2_000, Duration.ofMinutes(10), 10_000, 500, Duration.ofSeconds(5),
			Duration.ofSeconds(8), 1, 1_000, 10_000, 800);

	Sizes withRuns(int runs) {
		return new Sizes(this.throughputTasks, this.recoveryTasks, this.overdue, this.waitingTasks, this.lateTasks,
				this.spread, this.lead, runs, this.quartzTasks, this.bulkAdds, this.singleAdds);
	}

	/**
	 * The task count of an executions/s or recovery run for a subject.
	 * @param kind the subject
	 * @param tasks the count for the others
	 * @return the count for this subject
	 */
	int tasksFor(SubjectKind kind, int tasks) {
		return (kind == SubjectKind.QUARTZ_JDBC || kind == SubjectKind.ASYNCZ_MONGODB)
				? Math.min(tasks, this.quartzTasks) : tasks;
	}

	/**
	 * The tasks coming due per lateness run for a subject: a twentieth for the MongoDB
	 * subject, whose in-process test server scans all the waiting tasks for each query (a
	 * tenth outlasted a five-minute run there).
	 * @param kind the subject
	 * @return the count for this subject
	 */
	int lateTasksFor(SubjectKind kind) {
		return (kind == SubjectKind.ASYNCZ_MONGODB) ? Math.max(1, this.lateTasks / 20) : this.lateTasks;
	}

}
