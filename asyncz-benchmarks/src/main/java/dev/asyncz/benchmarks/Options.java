package dev.asyncz.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The command line of {@link BenchmarkMain}.
 *
 * @param scenarios what to measure
 * @param subjects which subjects, or {@code null} for each scenario's own choice
 * @param runs fresh-JVM runs per scenario and subject, reported as their median
 * @param load the sizes
 * @param heap heap size of each measuring JVM
 * @param bigHeap heap size for the big memory scenario
 * @param workers threads that run tasks, the same for every subject, or
 * {@link SubjectKind#DEFAULT_WORKERS} for each subject's own default
 * @param jvmArgs extra flags for each measuring JVM
 * @param timeout how long one measurement may take
 * @param help whether only the usage was asked for
 */
record Options(List<Scenario> scenarios, @Nullable List<SubjectKind> subjects, int runs, Load load, String heap,
		String bigHeap, int workers, List<String> jvmArgs, Duration timeout, boolean help) {

	/** How to call {@link BenchmarkMain}. */
	static final String USAGE = """
			Usage: BenchmarkMain [options]
			  --scenarios a,b    memory, memory-10m, fire, lateness, scaling (default: all)
			  --subjects a,b     asyncz, stpe-map, stpe, quartz (default: all but quartz;
			                     memory-10m: asyncz; scaling: only those that delete by id)
			  --runs n           fresh-JVM runs per scenario and subject, median reported (default 3)
			  --quick            smaller sizes for a smoke run of a few minutes
			  --load name        full, quick or tiny (default full)
			  --heap size        -Xms/-Xmx of each measuring JVM (default 8g)
			  --big-heap size    -Xms/-Xmx for memory-10m (default 2g)
			  --workers n        threads that run tasks, the same n for every subject
			                     (default: each subject's own default)
			  --jvm-arg flag     an extra flag for each measuring JVM (repeatable)
			  --timeout-minutes  how long one measurement may take (default 20)
			""";

	/**
	 * Reads the command line.
	 * @param args the arguments
	 * @return the options
	 * @throws IllegalArgumentException naming the argument that is wrong
	 */
	static Options parse(String... args) {
		List<Scenario> scenarios = Scenarios.ALL;
		List<SubjectKind> subjects = null;
		int runs = 3;
		Load load = Load.FULL;
		String heap = "8g";
		String bigHeap = "2g";
		int workers = SubjectKind.DEFAULT_WORKERS;
		List<String> jvmArgs = new ArrayList<>();
		Duration timeout = Duration.ofMinutes(20);
		boolean help = false;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			switch (arg) {
				case "--scenarios" ->
					scenarios = Arrays.stream(value(args, ++i, arg).split(",")).map(Scenarios::named).toList();
				case "--subjects" ->
					subjects = Arrays.stream(value(args, ++i, arg).split(",")).map(SubjectKind::named).toList();
				case "--runs" -> runs = positive(value(args, ++i, arg), arg);
				case "--quick" -> load = Load.QUICK;
				case "--load" -> load = Load.named(value(args, ++i, arg));
				case "--heap" -> heap = value(args, ++i, arg);
				case "--big-heap" -> bigHeap = value(args, ++i, arg);
				case "--workers" -> workers = positive(value(args, ++i, arg), arg);
				case "--jvm-arg" -> jvmArgs.add(value(args, ++i, arg));
				case "--timeout-minutes" -> timeout = Duration.ofMinutes(positive(value(args, ++i, arg), arg));
				case "--help", "-h" -> help = true;
				default -> throw new IllegalArgumentException("Unknown argument '" + arg + "'");
			}
		}
		return new Options(scenarios, subjects, runs, load, heap, bigHeap, workers, List.copyOf(jvmArgs), timeout,
				help);
	}

	/**
	 * The subjects to measure in a scenario.
	 * @param scenario the scenario
	 * @return the subjects named on the command line, else the scenario's own; only those
	 * it can measure
	 */
	List<SubjectKind> subjectsFor(Scenario scenario) {
		List<SubjectKind> wanted = (this.subjects != null) ? this.subjects : scenario.defaultSubjects();
		return wanted.stream().filter(scenario::accepts).toList();
	}

	/**
	 * The heap of a scenario's measuring JVMs.
	 * @param scenario the scenario
	 * @return a size such as {@code 4g}
	 */
	String heapFor(Scenario scenario) {
		return scenario.bigHeap() ? this.bigHeap : this.heap;
	}

	private static String value(String[] args, int index, String option) {
		if (index >= args.length) {
			throw new IllegalArgumentException("Option " + option + " needs a value");
		}
		return args[index];
	}

	private static int positive(String value, String option) {
		try {
			int number = Integer.parseInt(value);
			if (number < 1) {
				throw new IllegalArgumentException("Option " + option + " must be at least 1, was " + value);
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Option " + option + " needs a number, was '" + value + "'", ex);
		}
	}

}
