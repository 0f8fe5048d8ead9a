package dev.asyncz.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Runs the benchmarks: every chosen scenario for every chosen subject, each measurement
 * in a fresh JVM with the same flags, repeated and reduced to medians, printed as
 * Markdown. Runs are interleaved (run 1 of every subject, then run 2, …) so that a busy
 * moment on the machine does not fall on one subject only.
 */
public final class BenchmarkMain {

	private static final String LOGGING = "dev/asyncz/benchmarks/logback-benchmarks.xml";

	private final Options options;

	private final PrintStream out;

	private final PrintStream progress;

	private BenchmarkMain(Options options, PrintStream out, PrintStream progress) {
		this.options = options;
		this.out = out;
		this.progress = progress;
	}

	/**
	 * Runs the benchmarks the command line asks for.
	 * @param args see {@link Options#USAGE}
	 */
	public static void main(String[] args) {
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.print(Options.USAGE);
			System.exit(2);
			return;
		}
		if (options.help()) {
			System.out.print(Options.USAGE);
			return;
		}
		new BenchmarkMain(options, System.out, System.err).run();
	}

	private void run() {
		long start = System.nanoTime();
		this.out.println(environment());
		Map<String, ScenarioResults> all = new LinkedHashMap<>();
		for (Scenario scenario : this.options.scenarios()) {
			ScenarioResults results = new ScenarioResults(scenario);
			for (int run = 1; run <= this.options.runs(); run++) {
				for (SubjectKind subject : this.options.subjectsFor(scenario)) {
					measure(scenario, subject, run, results);
				}
			}
			all.put(scenario.name(), results);
			this.out.println(Report.scenario(results, this.options.load()));
			this.out.flush();
		}
		this.out.println("### Targets\n");
		this.out.println(Targets.check(all));
		this.out.printf("Total time: %s%n",
				Duration.ofNanos(System.nanoTime() - start).truncatedTo(ChronoUnit.SECONDS));
	}

	private void measure(Scenario scenario, SubjectKind subject, int run, ScenarioResults results) {
		this.progress.printf("[%s] run %d/%d %s ... ", scenario.name(), run, this.options.runs(), subject.label());
		this.progress.flush();
		long start = System.nanoTime();
		double load = loadAverage();
		Outcome outcome = launch(scenario, subject);
		String took = String.format("%.1f s", (System.nanoTime() - start) / 1e9);
		if (outcome.measurement().isPresent()) {
			Map<String, Double> metrics = new LinkedHashMap<>(outcome.measurement().get().metrics());
			if (!Double.isNaN(load)) {
				metrics.put(Report.LOAD, load);
			}
			results.add(subject, metrics);
			this.progress.println(took + " " + metrics);
		}
		else {
			results.fail(subject, outcome.failure());
			this.progress.println(took + " FAILED: " + outcome.failure());
		}
	}

	private Outcome launch(Scenario scenario, SubjectKind subject) {
		List<String> command = new ArrayList<>(jvm(this.options.heapFor(scenario)));
		command.addAll(List.of(MeasureOnce.class.getName(), scenario.name(), subject.label(),
				this.options.load().name(), String.valueOf(this.options.workers())));
		@Nullable Path output = null;
		@Nullable Path errors = null;
		try {
			output = Files.createTempFile("asyncz-benchmark", ".out");
			errors = Files.createTempFile("asyncz-benchmark", ".err");
			Process process = new ProcessBuilder(command).redirectOutput(output.toFile())
				.redirectError(errors.toFile())
				.start();
			if (!process.waitFor(this.options.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor();
				return Outcome.failed("timed out after " + this.options.timeout());
			}
			Optional<Measurement> measurement = Files.readAllLines(output, StandardCharsets.UTF_8)
				.stream()
				.map(Measurement::parse)
				.flatMap(Optional::stream)
				.findFirst();
			if (process.exitValue() == 0 && measurement.isPresent()) {
				return new Outcome(measurement, "");
			}
			return Outcome.failed("exit code " + process.exitValue() + ": " + reason(errors));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not run a measuring JVM: " + command, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while measuring " + scenario.name(), ex);
		}
		finally {
			delete(output);
			delete(errors);
		}
	}

	/**
	 * The start of every measuring JVM's command line: the same binary, flags and class
	 * path as this one.
	 */
	private List<String> jvm(String heap) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(List.of("-Xms" + heap, "-Xmx" + heap, "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError",
				"-Dlogback.configurationFile=" + LOGGING));
		command.addAll(this.options.jvmArgs());
		command.addAll(List.of("-cp", System.getProperty("java.class.path")));
		return command;
	}

	private String environment() {
		Runtime runtime = Runtime.getRuntime();
		String flags = String.join(" ", jvm(this.options.heap()).subList(1, 6 + this.options.jvmArgs().size()));
		return String.format("""
				## asyncz benchmarks, %s

				- JVM: %s %s (%s), measuring JVMs: `%s` (memory-10m: -Xmx%s)
				- Machine: %s, %d cores, %s %s; load average %s when the benchmark started
				- Sizes: %s; %d fresh-JVM runs per subject, medians shown, each run's machine load (1-minute
				  average as its JVM started) in the load column and the lines under each table
				- Workers: %s
				""", OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS), System.getProperty("java.vm.name"),
				System.getProperty("java.runtime.version"), System.getProperty("java.vm.vendor"), flags,
				this.options.bigHeap(), cpuModel(), runtime.availableProcessors(), System.getProperty("os.name"),
				System.getProperty("os.arch"), Report.number(loadAverage()), this.options.load().name(),
				this.options.runs(), workers());
	}

	/**
	 * The machine's one-minute load average, which counts every process on it, the other
	 * measurements included.
	 * @return the load, or NaN where the system does not tell
	 */
	private String workers() {
		if (this.options.workers() != SubjectKind.DEFAULT_WORKERS) {
			return this.options.workers() + " per subject";
		}
		return "each subject's own default: " + Arrays.stream(SubjectKind.values())
			.map((kind) -> kind.label() + " " + kind.defaultWorkers())
			.collect(Collectors.joining(", "));
	}

	private static double loadAverage() {
		Path loadAverage = Path.of("/proc/loadavg");
		try {
			return Files.isReadable(loadAverage)
					? Double.parseDouble(Files.readString(loadAverage).trim().split("\\s+")[0]) : Double.NaN;
		}
		catch (IOException | NumberFormatException ex) {
			return Double.NaN;
		}
	}

	private static String cpuModel() {
		Path cpuInfo = Path.of("/proc/cpuinfo");
		try {
			return Files.isReadable(cpuInfo) ? Files.readAllLines(cpuInfo)
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst()
				.orElse("unknown CPU") : "unknown CPU";
		}
		catch (IOException ex) {
			return "unknown CPU";
		}
	}

	private static String reason(Path errors) throws IOException {
		List<String> lines = Files.readAllLines(errors, StandardCharsets.UTF_8);
		return lines.stream()
			.filter((line) -> line.contains("OutOfMemoryError"))
			.findFirst()
			.or(() -> lines.stream().filter((line) -> line.contains("Exception")).findFirst())
			.orElse(lines.isEmpty() ? "no output" : lines.get(lines.size() - 1))
			.trim();
	}

	private static void delete(@Nullable Path file) {
		if (file != null) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				// A stray temporary file is not worth failing a benchmark run for.
			}
		}
	}

	private record Outcome(Optional<Measurement> measurement, String failure) {

		static Outcome failed(String reason) {
			return new Outcome(Optional.empty(), reason);
		}

	}

}
