package dev.asyncz.benchmarks.durable;

import java.util.EnumSet;
import java.util.Set;

/**
 * The measured scenarios and the subjects each one covers.
 */
enum Scenario {

	/** Due one-shot tasks, one instance. */
	THROUGHPUT_ONE("executions/s, 1 instance", EnumSet.allOf(SubjectKind.class)),

	/** Due one-shot tasks, two instances in two JVMs sharing the tables. */
	THROUGHPUT_TWO("executions/s, 2 instances",
			EnumSet.of(SubjectKind.ASYNCZ_JDBC, SubjectKind.DB_SCHEDULER, SubjectKind.QUARTZ_JDBC,
					SubjectKind.ASYNCZ_REDIS_CLUSTER_1, SubjectKind.ASYNCZ_REDIS_CLUSTER_3)),

	/** Overdue one-shot tasks found at startup. */
	RECOVERY("recovery", EnumSet.of(SubjectKind.ASYNCZ_JDBC, SubjectKind.DB_SCHEDULER, SubjectKind.QUARTZ_JDBC)),

	/** Tasks coming due over a few seconds among many waiting ones. */
	LATENESS("lateness", EnumSet.allOf(SubjectKind.class)),

	/** Far-future tasks added in one bulk call by a started instance. */
	ADD_BULK("adds/s, one bulk call", EnumSet.of(SubjectKind.ASYNCZ_JDBC, SubjectKind.DB_SCHEDULER)),

	/** Far-future tasks added one call each by 16 threads of a started instance. */
	ADD_SIXTEEN("adds/s, 16 callers", EnumSet.of(SubjectKind.ASYNCZ_JDBC, SubjectKind.DB_SCHEDULER)),

	/** Far-future tasks added one call each by one thread of a started instance. */
	ADD_ONE("adds/s, 1 caller", EnumSet.of(SubjectKind.ASYNCZ_JDBC, SubjectKind.DB_SCHEDULER)),

	/** How long {@code start()} takes with nothing stored. */
	START_EMPTY("start(), nothing stored", EnumSet.of(SubjectKind.ASYNCZ_JDBC, SubjectKind.DB_SCHEDULER)),

	/**
	 * How long {@code start()} takes with the waiting tasks stored; their bytes are
	 * measured too.
	 */
	START_FULL("start(), waiting tasks stored", EnumSet.of(SubjectKind.ASYNCZ_JDBC, SubjectKind.DB_SCHEDULER));

	private final String title;

	private final Set<SubjectKind> subjects;

	Scenario(String title, Set<SubjectKind> subjects) {
		this.title = title;
		this.subjects = subjects;
	}

	String title() {
		return this.title;
	}

	boolean covers(SubjectKind kind) {
		return this.subjects.contains(kind);
	}

}
