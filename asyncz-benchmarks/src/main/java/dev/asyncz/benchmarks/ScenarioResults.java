package dev.asyncz.benchmarks;

import java.util.ArrayList;
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
		double[] values = runs(subject).stream()
			.filter((metrics) -> metrics.containsKey(metric))
			.mapToDouble((metrics) -> metrics.get(metric))
			.sorted()
			.toArray();
		if (values.length == 0) {
			return OptionalDouble.empty();
		}
		int middle = values.length / 2;
		return OptionalDouble.of((values.length % 2 == 1) ? values[middle] : (values[middle - 1] + values[middle]) / 2);
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

	@Override
	public String toString() {
		return this.scenario.name() + " " + this.runs + " failures " + this.failures;
	}

}
