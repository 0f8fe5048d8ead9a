package dev.asyncz.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The targets of the benchmark issues, checked against the medians of a run. A target
 * whose data was not measured is left out.
 */
final class Targets {

	/**
	 * The largest growth per tenfold size that still reads as logarithmic (linear would
	 * be 10).
	 */
	static final double MAX_GROWTH_PER_DECADE = 3.0;

	/**
	 * The most heap a waiting one-shot task may take, its id and index entry included.
	 */
	static final int MAX_BYTES_PER_TASK = 160;

	private static final SubjectKind ASYNCZ = SubjectKind.ASYNCZ;

	private static final SubjectKind PEER = Report.BASELINE;

	private Targets() {
	}

	/**
	 * A Markdown checklist.
	 * @param results results by scenario name
	 * @return one line per target
	 */
	static String check(Map<String, ScenarioResults> results) {
		List<String> lines = new ArrayList<>();
		ScenarioResults memory = results.get("memory");
		if (memory != null) {
			at(memory, ASYNCZ, "bytes_per_task").ifPresent((bytes) -> lines
				.add(line(bytes <= MAX_BYTES_PER_TASK, "heap per waiting one-shot ≤ " + MAX_BYTES_PER_TASK + " B",
						"asyncz " + Report.number(bytes) + " B")));
			atLeast(lines, "adds/s ≥ " + PEER.label(), memory, "adds_per_s");
		}
		ScenarioResults big = results.get("memory-10m");
		if (big != null && big.subjects().contains(ASYNCZ)) {
			OptionalDouble used = at(big, ASYNCZ, "used_heap_mib");
			boolean failed = !big.failures(ASYNCZ).isEmpty();
			String detail = used.isPresent() ? "used heap " + Report.number(used.getAsDouble()) + " MiB" : "no result";
			if (failed) {
				detail += "; failed runs: " + String.join("; ", big.failures(ASYNCZ));
			}
			lines.add(line(used.isPresent() && !failed && used.getAsDouble() < 2048, "10M tasks under 2 GiB, no OOM",
					detail));
		}
		ScenarioResults fire = results.get("fire");
		if (fire != null) {
			atLeast(lines, "runs/s ≥ " + PEER.label(), fire, "executions_per_s");
			withinOneMs(lines, "first run after the due instant", fire, "first_run_ms");
			compare(lines, "runs/s ≥ 10 × quartz", fire, "executions_per_s", SubjectKind.QUARTZ, 10.0, true);
		}
		ScenarioResults lateness = results.get("lateness");
		if (lateness != null) {
			withinOneMs(lines, "lateness p99", lateness, "p99_ms");
		}
		ScenarioResults scaling = results.get("scaling");
		if (scaling != null && scaling.subjects().contains(ASYNCZ)) {
			for (String operation : List.of("add_ns", "delete_ns", "fire_ns")) {
				growth(scaling, ASYNCZ, operation).ifPresent((worst) -> lines
					.add(line(worst <= MAX_GROWTH_PER_DECADE, "logarithmic growth of " + operation.replace("_ns", ""),
							"asyncz worst growth per 10× tasks: ×" + String.format(Locale.US, "%.2f", worst)
									+ growth(scaling, PEER, operation).stream()
										.mapToObj((peer) -> String.format(Locale.US, " (%s ×%.2f)", PEER.label(), peer))
										.findFirst()
										.orElse(""))));
			}
		}
		return String.join("\n", lines) + "\n";
	}

	/** A higher-is-better figure at least the peer's, judged by the median run ratio. */
	private static void atLeast(List<String> lines, String target, ScenarioResults results, String metric) {
		OptionalDouble ratio = ScenarioResults.median(results.ratios(ASYNCZ, PEER, metric));
		if (ratio.isEmpty()) {
			compare(lines, target, results, metric, PEER, 1.0, true);
			return;
		}
		lines.add(line(ratio.getAsDouble() >= 1, target,
				String.format(Locale.US, "asyncz %s, %s %s: ×%.2f (median of the run ratios)",
						Report.number(at(results, ASYNCZ, metric).orElse(Double.NaN)), PEER.label(),
						Report.number(at(results, PEER, metric).orElse(Double.NaN)), ratio.getAsDouble())));
	}

	/** A lower-is-better time in milliseconds no more than the peer's plus one. */
	private static void withinOneMs(List<String> lines, String what, ScenarioResults results, String metric) {
		OptionalDouble ours = at(results, ASYNCZ, metric);
		OptionalDouble theirs = at(results, PEER, metric);
		if (ours.isEmpty() || theirs.isEmpty()) {
			return;
		}
		lines.add(line(ours.getAsDouble() <= theirs.getAsDouble() + 1, what + " within 1 ms of " + PEER.label(),
				"asyncz " + Report.number(ours.getAsDouble()) + " ms, " + PEER.label() + " "
						+ Report.number(theirs.getAsDouble()) + " ms"));
	}

	private static void compare(List<String> lines, String target, ScenarioResults results, String metric,
			SubjectKind peer, double factor, boolean higherIsBetter) {
		OptionalDouble ours = at(results, ASYNCZ, metric);
		OptionalDouble theirs = at(results, peer, metric);
		if (ours.isEmpty() || theirs.isEmpty()) {
			return;
		}
		double bound = theirs.getAsDouble() * factor;
		boolean met = higherIsBetter ? ours.getAsDouble() >= bound : ours.getAsDouble() <= bound;
		lines.add(line(met, target, "asyncz " + Report.number(ours.getAsDouble()) + ", " + peer.label() + " "
				+ Report.number(theirs.getAsDouble())));
	}

	/**
	 * The worst growth of an operation's cost per tenfold increase in tasks, between
	 * measured sizes.
	 */
	private static OptionalDouble growth(ScenarioResults results, SubjectKind subject, String operation) {
		TreeMap<Long, Double> costs = new TreeMap<>();
		for (String metric : results.metricNames()) {
			if (metric.startsWith(operation + "@")) {
				long size = Long.parseLong(metric.substring(operation.length() + 1));
				at(results, subject, metric).ifPresent((cost) -> costs.put(size, cost));
			}
		}
		double worst = Double.NaN;
		Map.Entry<Long, Double> previous = null;
		for (Map.Entry<Long, Double> entry : costs.entrySet()) {
			if (previous != null) {
				double decades = Math.log10((double) entry.getKey() / previous.getKey());
				double perDecade = Math.pow(entry.getValue() / previous.getValue(), 1 / decades);
				worst = Double.isNaN(worst) ? perDecade : Math.max(worst, perDecade);
			}
			previous = entry;
		}
		return Double.isNaN(worst) ? OptionalDouble.empty() : OptionalDouble.of(worst);
	}

	private static OptionalDouble at(ScenarioResults results, SubjectKind subject, String metric) {
		return results.median(subject, metric);
	}

	private static String line(boolean met, String target, String detail) {
		return "- " + (met ? "met" : "**missed**") + ": " + target + " — " + detail;
	}

}
