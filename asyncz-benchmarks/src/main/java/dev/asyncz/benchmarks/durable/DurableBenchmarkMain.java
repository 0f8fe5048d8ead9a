package dev.asyncz.benchmarks.durable;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The durable benchmark: asyncz-jdbc, db-scheduler and Quartz JDBC side by side on one
 * PostgreSQL, plus asyncz-redis and asyncz-mongodb, each instance in a fresh JVM. Prints
 * a Markdown table of medians (and every run) and writes it to
 * {@code target/durable/results.md}; worker logs go beside it.
 *
 * <p>
 * Options: {@code --quick} (a tenth of the size, one run), {@code --runs=N},
 * {@code --subjects=asyncz-jdbc,db-scheduler,quartz-jdbc,asyncz-redis,asyncz-mongodb},
 * {@code --scenarios=THROUGHPUT_ONE,THROUGHPUT_TWO,RECOVERY,LATENESS,ADD_BULK,ADD_SIXTEEN,ADD_ONE,START_EMPTY,START_FULL},
 * {@code --profile=<subjects>} (flight recordings of those subjects' workers),
 * {@code --run-timeout=<ISO duration>} (how long one run may take before the benchmark
 * gives up, {@code PT5M} unless given), {@code --jdbc=<url>}, {@code --redis=<url>},
 * {@code --mongodb=<uri naming a database>} (without it, the MongoDB subject runs against
 * an in-process mongo-java-server started here, and its row says so),
 * {@code --prefix=<name prefix>} (of every table, key and collection,
 * {@code asyncz_bench_} unless given: two benchmarks on one server at once need different
 * ones, as each truncates and drops its tables).
 */
public final class DurableBenchmarkMain {

	private static final String DEFAULT_PREFIX = "asyncz_bench_";

	private static final int SIXTEEN_CALLERS = 16;

	private static final String ALL_SCENARIOS = "THROUGHPUT_ONE,THROUGHPUT_TWO,RECOVERY,LATENESS,ADD_BULK,ADD_SIXTEEN,"
			+ "ADD_ONE,START_EMPTY,START_FULL";

	private DurableBenchmarkMain() {
	}

	/**
	 * Runs the benchmark.
	 * @param args the options
	 */
	public static void main(String[] args) {
		System.setProperty("logback.configurationFile", "dev/asyncz/benchmarks/durable/logback-durable.xml");
		Options options = Options.parse(args);
		Sizes sizes = options.flag("quick") ? Sizes.QUICK : Sizes.FULL;
		if (options.get("runs") != null) {
			sizes = sizes.withRuns(Integer.parseInt(options.require("runs")));
		}
		String prefix = options.get("prefix", DEFAULT_PREFIX);
		DurableSettings defaults = DurableSettings.defaults(prefix);
		List<SubjectKind> kinds = Arrays
			.stream(options.get("subjects", "asyncz-jdbc,db-scheduler,quartz-jdbc,asyncz-redis,asyncz-mongodb")
				.split(","))
			.map(SubjectKind::of)
			.toList();
		String mongodbUri = options.get("mongodb");
		InProcessMongo inProcessMongo = (mongodbUri == null && kinds.contains(SubjectKind.ASYNCZ_MONGODB))
				? InProcessMongo.start("asyncz_bench") : null;
		String mongodbServer = (inProcessMongo != null) ? InProcessMongo.description() : "MongoDB at --mongodb";
		DurableSettings settings = new DurableSettings(options.get("jdbc", defaults.jdbcUrl()),
				options.get("redis", defaults.redisUrl()),
				(inProcessMongo != null) ? inProcessMongo.uri() : options.get("mongodb", defaults.mongodbUri()), prefix,
				defaults.workers(), defaults.pollInterval());
		List<Scenario> scenarios = Arrays.stream(options.get("scenarios", ALL_SCENARIOS).split(","))
			.map(Scenario::valueOf)
			.toList();
		Set<SubjectKind> profiled = Arrays.stream(options.get("profile", "").split(","))
			.filter((label) -> !label.isEmpty())
			.map(SubjectKind::of)
			.collect(Collectors.toSet());
		Path directory = Paths.get("target", "durable");
		ForkedWorkers workers = new ForkedWorkers(settings, directory, profiled::contains);
		String report;
		try {
			report = run(settings, sizes, kinds, scenarios, workers, System.out, mongodbServer,
					Duration.parse(options.get("run-timeout", "PT5M")))
				.report();
		}
		finally {
			if (inProcessMongo != null) {
				inProcessMongo.close();
			}
		}
		try {
			Files.createDirectories(directory);
			Files.writeString(directory.resolve("results.md"), report);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		System.out.println();
		System.out.println(report);
	}

	/**
	 * Runs the scenarios for the subjects.
	 * @param settings what the subjects share
	 * @param sizes how big each scenario is
	 * @param kinds the subjects
	 * @param scenarios the scenarios
	 * @param workers starts the scheduler instances
	 * @param log where progress goes
	 * @param mongodbServer which server the MongoDB subject talks to, for its row
	 * @param runTimeout how long one run may take before the benchmark gives up
	 * @return the results and their report
	 */
	static Outcome run(DurableSettings settings, Sizes sizes, List<SubjectKind> kinds, List<Scenario> scenarios,
			Workers workers, PrintStream log, String mongodbServer, Duration runTimeout) {
		String loadBefore = loadAverage();
		long started = System.nanoTime();
		DurableBenchmark benchmark = new DurableBenchmark(workers, runTimeout, log);
		Map<SubjectKind, Subject> subjects = new LinkedHashMap<>();
		Map<SubjectKind, Map<Scenario, List<RunResult>>> results = new EnumMap<>(SubjectKind.class);
		Map<SubjectKind, Subject.Footprint> footprints = new EnumMap<>(SubjectKind.class);
		try {
			for (SubjectKind kind : kinds) {
				Subject subject = kind.create(settings);
				subjects.put(kind, subject);
				subject.dropSchema();
				subject.createSchema();
				results.put(kind, new EnumMap<>(Scenario.class));
			}
			for (Scenario scenario : scenarios) {
				log.printf("%n== %s%n", scenario.title());
				if (scenario == Scenario.LATENESS) {
					for (SubjectKind kind : kinds) {
						log.printf("  %s%n", kind.label());
						benchmark.seedWaiting(subjects.get(kind), sizes.waitingTasks());
					}
				}
				for (int run = 1; run <= sizes.runs(); run++) {
					for (SubjectKind kind : kinds) {
						if (!scenario.covers(kind)) {
							continue;
						}
						log.printf("  %s run %d%n", kind.label(), run);
						workers.label(scenario.name().toLowerCase(Locale.ROOT) + "-run" + run);
						Subject subject = subjects.get(kind);
						RunResult result = switch (scenario) {
							case THROUGHPUT_ONE ->
								benchmark.throughput(subject, kind, sizes.tasksFor(kind, sizes.throughputTasks()), 1);
							case THROUGHPUT_TWO ->
								benchmark.throughput(subject, kind, sizes.tasksFor(kind, sizes.throughputTasks()), 2);
							case RECOVERY -> benchmark.recovery(subject, kind,
									sizes.tasksFor(kind, sizes.recoveryTasks()), sizes.overdue());
							case LATENESS -> benchmark.lateness(subject, kind, run, sizes.lateTasksFor(kind),
									sizes.spread(), sizes.lead());
							case ADD_BULK ->
								benchmark.adds(subject, kind, new AddWork(true, sizes.bulkAdds(), 1, "b" + run + "-"));
							case ADD_SIXTEEN -> benchmark.adds(subject, kind,
									new AddWork(false, sizes.singleAdds(), SIXTEEN_CALLERS, "s" + run + "-"));
							case ADD_ONE -> benchmark.adds(subject, kind,
									new AddWork(false, sizes.singleAdds(), 1, "o" + run + "-"));
							case START_EMPTY -> benchmark.start(subject, kind, 0, (footprint) -> {
							});
							case START_FULL -> benchmark.start(subject, kind, sizes.waitingTasks(),
									(footprint) -> footprints.putIfAbsent(kind, footprint));
						};
						results.get(kind).computeIfAbsent(scenario, (key) -> new ArrayList<>()).add(result);
					}
				}
				if (scenario == Scenario.LATENESS) {
					for (SubjectKind kind : kinds) {
						footprints.put(kind, subjects.get(kind).footprint());
					}
				}
			}
		}
		finally {
			for (Subject subject : subjects.values()) {
				try {
					subject.dropSchema();
				}
				finally {
					subject.close();
				}
			}
		}
		return new Outcome(results, footprints, report(settings, sizes, kinds, results, footprints, loadBefore,
				loadAverage(), Duration.ofNanos(System.nanoTime() - started), mongodbServer));
	}

	private static String report(DurableSettings settings, Sizes sizes, List<SubjectKind> kinds,
			Map<SubjectKind, Map<Scenario, List<RunResult>>> results, Map<SubjectKind, Subject.Footprint> footprints,
			String loadBefore, String loadAfter, Duration elapsed, String mongodbServer) {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT,
				"Durable benchmark, %s: %d cores, load average %s before and %s after, "
						+ "%d min %d s in all. %d run(s) each, medians; %d workers per instance, %s polling.%n%n",
				Instant.now().toString().substring(0, 16), Runtime.getRuntime().availableProcessors(), loadBefore,
				loadAfter, elapsed.toMinutes(), elapsed.toSecondsPart(), sizes.runs(), settings.workers(),
				settings.pollInterval().toMillis() + " ms"));
		out.append(String.format(Locale.ROOT,
				"| subject | exec/s, %,d due, 1 instance | exec/s, 2 instances "
						+ "| recovery of %,d overdue (s) | lateness p50 / p99 (ms), %,d due over %d s, %,d waiting "
						+ "| bytes/task |%n",
				sizes.throughputTasks(), sizes.recoveryTasks(), sizes.lateTasks(), sizes.spread().toSeconds(),
				sizes.waitingTasks()));
		out.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
		for (SubjectKind kind : kinds) {
			Map<Scenario, List<RunResult>> byScenario = results.get(kind);
			Subject.Footprint footprint = footprints.get(kind);
			int tasks = sizes.tasksFor(kind, sizes.throughputTasks());
			String label = (tasks < sizes.throughputTasks())
					? String.format(Locale.ROOT, "%s (%,d tasks in exec/s and recovery runs)", kind.label(), tasks)
					: kind.label();
			if (kind == SubjectKind.ASYNCZ_MONGODB) {
				label = String.format(Locale.ROOT, "%s on %s (%,d tasks in exec/s runs, %,d due in lateness runs)",
						kind.label(), mongodbServer, tasks, sizes.lateTasksFor(kind));
			}
			out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", label,
					median(byScenario, Scenario.THROUGHPUT_ONE, RunResult::executionsPerSecond, "%,.0f"),
					median(byScenario, Scenario.THROUGHPUT_TWO, RunResult::executionsPerSecond, "%,.0f"),
					median(byScenario, Scenario.RECOVERY, RunResult::recoverySeconds, "%.1f"),
					median(byScenario, Scenario.LATENESS, RunResult::latenessP50Millis, "%.1f") + " / "
							+ median(byScenario, Scenario.LATENESS, RunResult::latenessP99Millis, "%.1f"),
					(footprint != null) ? String.format(Locale.ROOT, "%,.0f", footprint.bytesPerTask()) : "–"));
		}
		out.append(String.format(Locale.ROOT,
				"%n| subject | adds/s, %,d in one bulk call | adds/s, %,d by 16 callers | adds/s, %,d by 1 caller "
						+ "| start() ms, nothing stored | start() ms, %,d stored |%n",
				sizes.bulkAdds(), sizes.singleAdds(), sizes.singleAdds(), sizes.waitingTasks()));
		out.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
		for (SubjectKind kind : kinds) {
			Map<Scenario, List<RunResult>> byScenario = results.get(kind);
			out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", kind.label(),
					median(byScenario, Scenario.ADD_BULK, RunResult::executionsPerSecond, "%,.0f"),
					median(byScenario, Scenario.ADD_SIXTEEN, RunResult::executionsPerSecond, "%,.0f"),
					median(byScenario, Scenario.ADD_ONE, RunResult::executionsPerSecond, "%,.0f"),
					median(byScenario, Scenario.START_EMPTY, RunResult::startMillis, "%,.0f"),
					median(byScenario, Scenario.START_FULL, RunResult::startMillis, "%,.0f")));
		}
		out.append("\nEvery run (executions/s; recovery s; lateness p50/p99 ms; adds/s; start ms); * marks a run "
				+ "whose count of executions (or tasks stored) differed from the tasks due (or added):\n\n");
		for (SubjectKind kind : kinds) {
			for (Map.Entry<Scenario, List<RunResult>> entry : results.get(kind).entrySet()) {
				out.append(String.format(Locale.ROOT, "- %s, %s: %s%n", kind.label(), entry.getKey().title(),
						entry.getValue()
							.stream()
							.map((result) -> describe(entry.getKey(), result))
							.collect(Collectors.joining("; "))));
			}
			Subject.Footprint footprint = footprints.get(kind);
			if (footprint != null) {
				out.append(String.format(Locale.ROOT, "- %s, storage: %,d bytes for %,d tasks%s%n", kind.label(),
						footprint.bytes(), footprint.tasks(),
						(kind == SubjectKind.ASYNCZ_MONGODB) ? " (BSON documents only, no index entries)" : ""));
			}
		}
		return out.toString();
	}

	private static String describe(Scenario scenario, RunResult result) {
		String mark = result.complete() ? ""
				: String.format(Locale.ROOT, "*(%,d of %,d)", result.executed(), result.expected());
		return switch (scenario) {
			case THROUGHPUT_ONE, THROUGHPUT_TWO, ADD_BULK, ADD_SIXTEEN, ADD_ONE ->
				String.format(Locale.ROOT, "%,.0f", result.executionsPerSecond());
			case START_EMPTY, START_FULL -> String.format(Locale.ROOT, "%,.0f", result.startMillis());
			case RECOVERY -> String.format(Locale.ROOT, "%.2f", result.recoverySeconds());
			case LATENESS ->
				String.format(Locale.ROOT, "%.1f/%.1f", result.latenessP50Millis(), result.latenessP99Millis())
						+ (result.lateStart() ? " (late start)" : "");
		} + mark;
	}

	private static String median(Map<Scenario, List<RunResult>> byScenario, Scenario scenario,
			ToDoubleFunction<RunResult> figure, String format) {
		List<RunResult> runs = byScenario.get(scenario);
		if (runs == null || runs.isEmpty()) {
			return "–";
		}
		return String.format(Locale.ROOT, format, RunResult.median(runs.stream().mapToDouble(figure).toArray()));
	}

	private static String loadAverage() {
		try {
			String[] fields = Files.readString(Paths.get("/proc/loadavg")).split(" ");
			return fields[0] + "/" + fields[1] + "/" + fields[2];
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}

	/**
	 * What a benchmark run produced.
	 *
	 * @param results every run by subject and scenario
	 * @param footprints stored size by subject, with the waiting tasks stored
	 * @param report the Markdown report
	 */
	record Outcome(Map<SubjectKind, Map<Scenario, List<RunResult>>> results,
			Map<SubjectKind, Subject.Footprint> footprints, String report) {

	}

}
