package dev.asyncz.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Every run of one scenario, per subject, and their medians.
 */
final class ScenarioResults {

	private final Scenario scenario;

	private final Map<SubjectKind, List<Map<String, Double>>> runs = new LinkedHashMap<>();

	private final Map<SubjectKind, List<String>> failures = new LinkedHashMap<>();

	ScenarioResults(Scenario scenario) {
		this.scenario = scenario;
	}

	Scenario scenario() {
		return this.scenario;
	}

	void add(SubjectKind subject, Map<String, Double> metrics) {
		this.runs.computeIfAbsent(subject, (kind) -> new ArrayList<>()).add(metrics);
	}

	void fail(SubjectKind subject, String reason) {
		this.failures.computeIfAbsent(subject, (kind) -> new ArrayList<>()).add(reason);
	}

	/**
	 * Subjects with at least one run, successful or not, in the order first seen.
	 */
	Set<SubjectKind> subjects() {
		Set<SubjectKind> subjects = new LinkedHashSet<>(this.runs.keySet());
		subjects.addAll(this.failures.keySet());
		return subjects;
	}

	List<Map<String, Double>> runs(SubjectKind subject) {
		return this.runs.getOrDefault(subject, List.of());
	}

	List<String> failures(SubjectKind subject) {
		return this.failures.getOrDefault(subject, List.of());
	}

	/**
	 * Metric names over all subjects, in the order first reported.
	 */
	Set<String> metricNames() {
		Set<String> names = new LinkedHashSet<>();
		this.runs.values().forEach((list) -> list.forEach((metrics) -> names.addAll(metrics.keySet())));
		return names;
	}

	/**
	 * The median of a metric over a subject's successful runs.
	 */
	OptionalDouble median(SubjectKind subject, String metric) {
		return median(values(subject, metric));
	}

	/**
	 * Every run's value of a metric, in run order.
	 */
	double[] values(SubjectKind subject, String metric) {
		return runs(subject).stream()
			.filter((metrics) -> metrics.containsKey(metric))
			.mapToDouble((metrics) -> metrics.get(metric))
			.toArray();
	}

	/**
	 * A metric of one subject over another's, run by run: the subjects of a run are
	 * measured one after the other, so the ratio compares them under the same load on the
	 * machine. Only when both have every run.
	 * @param subject the numerator
	 * @param peer the denominator
	 * @param metric the metric
	 * @return one ratio per run, or none when a run of either failed or is missing
	 */
	double[] ratios(SubjectKind subject, SubjectKind peer, String metric) {
		double[] ours = values(subject, metric);
		double[] theirs = values(peer, metric);
		if (ours.length == 0 || ours.length != theirs.length || !failures(subject).isEmpty()
				|| !failures(peer).isEmpty()) {
			return new double[0];
		}
		double[] ratios = new double[ours.length];
		for (int i = 0; i < ours.length; i++) {
			ratios[i] = ours[i] / theirs[i];
		}
		return ratios;
	}

	/**
	 * The median of some values.
	 * @param values the values, in any order
	 * @return their median, or empty for none
	 */
	static OptionalDouble median(double[] values) {
		if (values.length == 0) {
			return OptionalDouble.empty();
		}
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return OptionalDouble.of((sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2);
	}

	@Override
	public String toString() {
		return this.scenario.name() + " " + this.runs + " failures " + this.failures;
	}

}
