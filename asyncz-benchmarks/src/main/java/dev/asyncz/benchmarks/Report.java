package dev.asyncz.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Markdown tables of medians. Metrics named {@code operation@size} are pivoted: one row
 * per subject and operation, one column per size.
 */
final class Report {

	/**
	 * The machine's load average as each measuring JVM started, recorded with its run.
	 */
	static final String LOAD = "load_1m";

	private static final Map<String, String> HEADINGS = Map.ofEntries(Map.entry("bytes_per_task", "heap bytes/task"),
			Map.entry("adds_per_s", "adds/s"), Map.entry("used_heap_mib", "used heap (MiB)"),
			Map.entry("executions_per_s", "runs/s"), Map.entry("first_run_ms", "first run after due (ms)"),
			Map.entry("p50_ms", "p50 late (ms)"), Map.entry("p99_ms", "p99 late (ms)"),
			Map.entry("max_ms", "max late (ms)"), Map.entry(LOAD, "load (1 min)"));

	/** The subject whose figures every run is divided by. */
	static final SubjectKind BASELINE = SubjectKind.STPE_MAP;

	private static final Map<String, String> OPERATIONS = Map.of("add_ns", "add (ns/op)", "delete_ns", "delete (ns/op)",
			"fire_ns", "fire (ns/op)");

	private static final String SKIPPED = "skipped_gib";

	private Report() {
	}

	/**
	 * One scenario's table, its run-by-run values and any failures.
	 * @param results the scenario's runs
	 * @param load the sizes it ran at
	 * @return Markdown
	 */
	static String scenario(ScenarioResults results, Load load) {
		StringBuilder out = new StringBuilder();
		out.append("### ")
			.append(results.scenario().name())
			.append(": ")
			.append(results.scenario().title(load))
			.append("\n\n");
		boolean pivot = results.metricNames().stream().anyMatch((name) -> name.contains("@"));
		out.append(pivot ? pivoted(results) : flat(results));
		out.append('\n');
		for (SubjectKind subject : results.subjects()) {
			for (String metric : results.metricNames()) {
				double[] values = results.values(subject, metric);
				if (values.length > 1) {
					out.append("- ")
						.append(subject.label())
						.append(' ')
						.append(metric)
						.append(": ")
						.append(Arrays.stream(values).mapToObj(Report::number).collect(Collectors.joining(", ")))
						.append('\n');
				}
			}
			for (String failure : results.failures(subject)) {
				out.append("- ").append(subject.label()).append(" failed: ").append(failure).append('\n');
			}
		}
		for (String metric : results.metricNames()) {
			double[] ratios = ratios(results, metric);
			if (ratios.length > 0) {
				out.append("- ratio asyncz / ")
					.append(BASELINE.label())
					.append(' ')
					.append(metric)
					.append(", run by run: ")
					.append(Arrays.stream(ratios).mapToObj(Report::ratio).collect(Collectors.joining(", ")))
					.append('\n');
			}
		}
		return out.toString();
	}

	/**
	 * asyncz's figure over the baseline's, per run, for a metric where a ratio means
	 * something.
	 */
	private static double[] ratios(ScenarioResults results, String metric) {
		if (metric.equals(LOAD) || metric.startsWith(SKIPPED)) {
			return new double[0];
		}
		return results.ratios(SubjectKind.ASYNCZ, BASELINE, metric);
	}

	private static String flat(ScenarioResults results) {
		List<String> metrics = new ArrayList<>(results.metricNames());
		List<String> header = new ArrayList<>(List.of("subject"));
		metrics.forEach((metric) -> header.add(HEADINGS.getOrDefault(metric, metric)));
		List<List<String>> rows = new ArrayList<>();
		for (SubjectKind subject : results.subjects()) {
			List<String> row = new ArrayList<>(List.of(subject.label()));
			metrics.forEach((metric) -> row.add(cell(results, subject, metric)));
			rows.add(row);
		}
		if (metrics.stream().anyMatch((metric) -> ratios(results, metric).length > 0)) {
			List<String> row = new ArrayList<>(List.of("asyncz / " + BASELINE.label() + " (median of run ratios)"));
			metrics.forEach((metric) -> row.add(ScenarioResults.median(ratios(results, metric))
				.stream()
				.mapToObj(Report::ratio)
				.findFirst()
				.orElse("–")));
			rows.add(row);
		}
		return markdown(header, rows);
	}

	private static String pivoted(ScenarioResults results) {
		Set<String> operations = new LinkedHashSet<>();
		Set<String> sizes = new LinkedHashSet<>();
		for (String metric : results.metricNames()) {
			String[] parts = metric.split("@", 2);
			if (!parts[0].equals(SKIPPED)) {
				operations.add(parts[0]);
			}
			sizes.add(parts[1]);
		}
		List<String> sortedSizes = sizes.stream()
			.sorted((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)))
			.toList();
		List<String> header = new ArrayList<>(List.of("subject", "operation"));
		sortedSizes.forEach((size) -> header.add("n = " + power(size)));
		List<List<String>> rows = new ArrayList<>();
		for (SubjectKind subject : results.subjects()) {
			for (String operation : operations) {
				List<String> row = new ArrayList<>(
						List.of(subject.label(), OPERATIONS.getOrDefault(operation, operation)));
				for (String size : sortedSizes) {
					OptionalDouble skipped = results.median(subject, SKIPPED + "@" + size);
					row.add(skipped.isPresent()
							? "skipped: needs ~" + String.format(Locale.US, "%.1f", skipped.getAsDouble()) + " GiB"
							: cell(results, subject, operation + "@" + size));
				}
				rows.add(row);
			}
		}
		return markdown(header, rows);
	}

	private static String cell(ScenarioResults results, SubjectKind subject, String metric) {
		OptionalDouble median = results.median(subject, metric);
		if (median.isPresent()) {
			return number(median.getAsDouble());
		}
		return results.failures(subject).isEmpty() ? "–" : "failed";
	}

	private static String markdown(List<String> header, List<List<String>> rows) {
		StringBuilder out = new StringBuilder();
		out.append("| ").append(String.join(" | ", header)).append(" |\n");
		out.append('|').append(" --- |".repeat(header.size())).append('\n');
		rows.forEach((row) -> out.append("| ").append(String.join(" | ", row)).append(" |\n"));
		return out.toString();
	}

	/**
	 * A number with as many digits as are worth reading.
	 * @param value the value
	 * @return the text
	 */
	static String number(double value) {
		double magnitude = Math.abs(value);
		if (magnitude >= 100) {
			return String.format(Locale.US, "%,.0f", value);
		}
		return String.format(Locale.US, (magnitude >= 10) ? "%.1f" : "%.2f", value);
	}

	private static String ratio(double value) {
		return String.format(Locale.US, "×%.2f", value);
	}

	private static String power(String size) {
		long n = Long.parseLong(size);
		int exponent = (int) Math.round(Math.log10(n));
		return (Math.pow(10, exponent) == n) ? "10^" + exponent : String.format(Locale.US, "%,d", n);
	}

}
