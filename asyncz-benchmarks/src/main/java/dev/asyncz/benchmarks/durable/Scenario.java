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
			EnumSet.of(SubjectKind.ASYNCZ_JDBC, SubjectKind.DB_SCHEDULER, SubjectKind.QUARTZ_JDBC)),

	/** Overdue one-shot tasks found at startup. */
	RECOVERY("recovery", EnumSet.of(SubjectKind.ASYNCZ_JDBC, SubjectKind.DB_SCHEDULER, SubjectKind.QUARTZ_JDBC)),

	/** Tasks coming due over a few seconds among many waiting ones. */
	LATENESS("lateness", EnumSet.allOf(SubjectKind.class));

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
