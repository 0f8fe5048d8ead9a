package dev.asyncz.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How big each scenario is: the full sizes of the issue, a smaller smoke run, and a tiny
 * one for the harness's own test.
 *
 * @param name the preset's name
 * @param memoryTasks far-future tasks in the memory scenario
 * @param bigMemoryTasks far-future tasks in the big-heap memory scenario
 * @param fireTasks tasks due at one instant in the fire scenario
 * @param fireLead how far ahead of now those tasks are due: time to add them all first
 * @param waitingTasks far-future tasks waiting during the lateness scenario
 * @param latenessTasks tasks spread over {@code latenessSpread} in the lateness scenario
 * @param latenessSpread how long the lateness tasks are spread over
 * @param scalingSizes store sizes at which the scaling scenario measures
 * @param scalingOps operations timed per kind and size
 */
record Load(String name, int memoryTasks, int bigMemoryTasks, int fireTasks, Duration fireLead, int waitingTasks,
		int latenessTasks, Duration latenessSpread, List<Integer> scalingSizes, int scalingOps) {

	/** The sizes of the issue. */
	static final Load FULL = new Load("full", 1_000_000, 10_000_000, 1_000_000, Duration.ofSeconds(30), 1_000_000,
			10_000, Duration.ofSeconds(10), List.of(10_000, 100_000, 1_000_000, 10_000_000), 10_000);

	/** A smoke run of a few minutes. */
	static final Load QUICK = new Load("quick", 100_000, 1_000_000, 100_000, Duration.ofSeconds(3), 100_000, 1_000,
			Duration.ofSeconds(2), List.of(1_000, 10_000, 100_000), 1_000);

	/** Just enough to prove that every path works. */
	static final Load TINY = new Load("tiny", 1_000, 10_000, 1_000, Duration.ofMillis(500), 1_000, 100,
			Duration.ofMillis(500), List.of(100, 1_000), 100);

	/**
	 * Looks a preset up by name.
	 * @param name {@code full}, {@code quick} or {@code tiny}
	 * @return the preset
	 */
	static Load named(String name) {
		return switch (name.toLowerCase(Locale.ROOT)) {
			case "full" -> FULL;
			case "quick" -> QUICK;
			case "tiny" -> TINY;
			default -> throw new IllegalArgumentException("Unknown load '" + name + "', expected full, quick or tiny");
		};
	}

}
