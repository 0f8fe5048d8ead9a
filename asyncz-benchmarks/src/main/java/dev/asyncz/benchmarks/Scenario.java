package dev.asyncz.benchmarks;

import java.util.List;
import java.util.Map;

/**
 * One thing the harness measures, for one subject at a time.
 */
interface Scenario {

	/**
	 * The name on the command line and in result lines.
	 * @return the name
	 */
	String name();

	/**
	 * What is measured, as a heading for its table.
	 * @param load the sizes
	 * @return one line
	 */
	String title(Load load);

	/**
	 * The subjects measured unless the command line names others.
	 * @return the subjects
	 */
	default List<SubjectKind> defaultSubjects() {
		return List.of(SubjectKind.ASYNCZ, SubjectKind.STPE_MAP, SubjectKind.STPE);
	}

	/**
	 * Whether the scenario can measure a subject at all.
	 * @param kind the subject
	 * @return true unless the scenario needs what the subject lacks
	 */
	default boolean accepts(SubjectKind kind) {
		return true;
	}

	/**
	 * Whether the measuring JVM gets the big-scenario heap instead of the standard one.
	 * @return true for the big heap
	 */
	default boolean bigHeap() {
		return false;
	}

	/**
	 * Measures one subject in this JVM.
	 * @param kind the subject
	 * @param load the sizes
	 * @param workers how many threads run tasks, or {@link SubjectKind#DEFAULT_WORKERS}
	 * @return the metrics, each name ending in its unit
	 * @throws InterruptedException if interrupted while waiting for runs
	 */
	Map<String, Double> measure(SubjectKind kind, Load load, int workers) throws InterruptedException;

}
