package dev.asyncz.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Every scenario, in the order a full run measures them.
 */
final class Scenarios {

	/** All scenarios. */
	static final List<Scenario> ALL = List.of(MemoryScenario.standard(), MemoryScenario.big(), new FireScenario(),
			new LatenessScenario(), new ScalingScenario());

	private Scenarios() {
	}

	/**
	 * Looks a scenario up by name.
	 * @param name the name
	 * @return the scenario
	 */
	static Scenario named(String name) {
		String wanted = name.trim().toLowerCase(Locale.ROOT);
		return ALL.stream()
			.filter((scenario) -> scenario.name().equals(wanted))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown scenario '" + name + "', expected one of "
					+ ALL.stream().map(Scenario::name).collect(Collectors.joining(", "))));
	}

}
