package dev.asyncz.benchmarks;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness works end to end at a tiny size; nothing here judges speed.
 */
class BenchmarkHarnessTests {

	private static final Map<String, List<String>> EXPECTED_METRICS = Map.of("memory",
			List.of("bytes_per_task", "adds_per_s", "used_heap_mib"), "memory-10m",
			List.of("bytes_per_task", "adds_per_s", "used_heap_mib"), "fire",
			List.of("executions_per_s", "first_run_ms"), "lateness", List.of("p50_ms", "p99_ms", "max_ms"), "scaling",
			List.of("add_ns@100", "delete_ns@100", "fire_ns@100", "add_ns@1000", "delete_ns@1000", "fire_ns@1000"));

	static Stream<Arguments> everyScenarioAndSubject() {
		return Scenarios.ALL.stream()
			.flatMap((scenario) -> Arrays.stream(SubjectKind.values())
				.filter(scenario::accepts)
				.map((subject) -> Arguments.of(scenario.name(), subject)));
	}

	@ParameterizedTest(name = "{0} / {1}")
	@MethodSource("everyScenarioAndSubject")
	void everyScenarioMeasuresEverySubjectAtTinySize(String scenario, SubjectKind subject) throws Exception {
		Map<String, Double> metrics = Scenarios.named(scenario)
			.measure(subject, Load.TINY, SubjectKind.DEFAULT_WORKERS);
		assertThat(metrics).containsOnlyKeys(EXPECTED_METRICS.get(scenario));
		assertThat(metrics.values()).allSatisfy((value) -> assertThat(value).isFinite());
	}

	@Test
	void resultLineCarriesEveryMetricBackToTheLaunchingJvm() {
		Map<String, Double> metrics = new LinkedHashMap<>();
		metrics.put("add_ns@10000", 123.5);
		metrics.put("skipped_gib@10000000", 6.25);
		Measurement measurement = new Measurement("scaling", "quartz", metrics);
		assertThat(Measurement.parse("some other output")).isEmpty();
		assertThat(Measurement.parse(measurement.toLine())).contains(measurement);
	}

	@Test
	void reportShowsMediansRunRatiosAndCheckedTargets() {
		ScenarioResults fire = new ScenarioResults(new FireScenario());
		double[] asyncz = { 900_000, 1_000_000, 1_100_000 };
		double[] peer = { 1_000_000, 800_000, 1_000_000 };
		for (int run = 0; run < 3; run++) {
			fire.add(SubjectKind.ASYNCZ, fireMetrics(asyncz[run], 1.5));
			fire.add(SubjectKind.STPE_MAP, fireMetrics(peer[run], 1.0));
		}
		fire.fail(SubjectKind.QUARTZ, "timed out after PT20M");
		assertThat(Report.scenario(fire, Load.FULL)).contains("| asyncz | 1,000,000 | 1.50 |",
				"| stpe-map | 1,000,000 | 1.00 |", "| quartz | failed | failed |",
				"| asyncz / stpe-map (median of run ratios) | ×1.10 | ×1.50 |",
				"ratio asyncz / stpe-map executions_per_s, run by run: ×0.90, ×1.25, ×1.10",
				"quartz failed: timed out after PT20M");
		assertThat(Targets.check(Map.of("fire", fire)))
			.contains("met: runs/s ≥ stpe-map", "met: first run after the due instant within 1 ms of stpe-map")
			.doesNotContain("quartz");
	}

	private static Map<String, Double> fireMetrics(double runsPerSecond, double firstRunMillis) {
		Map<String, Double> metrics = new LinkedHashMap<>();
		metrics.put("executions_per_s", runsPerSecond);
		metrics.put("first_run_ms", firstRunMillis);
		return metrics;
	}

	@Test
	void aMissingRunLeavesNoRatio() {
		ScenarioResults memory = new ScenarioResults(MemoryScenario.standard());
		memory.add(SubjectKind.ASYNCZ, Map.of("adds_per_s", 1.0));
		memory.add(SubjectKind.ASYNCZ, Map.of("adds_per_s", 2.0));
		memory.add(SubjectKind.STPE_MAP, Map.of("adds_per_s", 1.0));
		memory.fail(SubjectKind.STPE_MAP, "exit code 1");
		assertThat(memory.ratios(SubjectKind.ASYNCZ, SubjectKind.STPE_MAP, "adds_per_s")).isEmpty();
	}

}
