package dev.asyncz.benchmarks.durable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * Instances in fresh JVMs ({@link DurableWorker}) on this JVM's class path, each with the
 * same heap and garbage collector options. Their standard error and other output go to a
 * log file per worker.
 */
final class ForkedWorkers implements Workers {

	/** The same for every subject. */
	static final List<String> JVM_OPTIONS = List.of("-Xms256m", "-Xmx512m", "-XX:+UseParallelGC",
			"-Dlogback.configurationFile=dev/asyncz/benchmarks/durable/logback-durable.xml");

	private static final Duration STOP_TIMEOUT = Duration.ofMinutes(5);

	private final DurableSettings settings;

	private final Path logDirectory;

	private final Predicate<SubjectKind> profiled;

	private String runLabel = "run";

	/**
	 * Workers writing logs (and flight recordings) to a directory.
	 * @param settings passed to each worker
	 * @param logDirectory where each worker's log goes
	 * @param profiled which subjects run with a flight recording
	 */
	ForkedWorkers(DurableSettings settings, Path logDirectory, Predicate<SubjectKind> profiled) {
		this.settings = settings;
		this.logDirectory = logDirectory;
		this.profiled = profiled;
	}

	@Override
	public void label(String runLabel) {
		this.runLabel = runLabel;
	}

	@Override
	public Handle launch(SubjectKind kind, String instanceName, boolean clustered, boolean keepLateness,
			@Nullable AddWork adds) {
		String name = kind.label() + "-" + this.runLabel + "-" + instanceName;
		List<String> command = new ArrayList<>();
		command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(JVM_OPTIONS);
		if (this.profiled.test(kind)) {
			command.add("-XX:StartFlightRecording=settings=profile,filename="
					+ this.logDirectory.resolve(name + ".jfr").toAbsolutePath());
		}
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(DurableWorker.class.getName());
		command.addAll(this.settings.toArguments());
		command.add("--subject=" + kind.label());
		command.add("--instance=" + instanceName);
		if (clustered) {
			command.add("--clustered");
		}
		if (keepLateness) {
			command.add("--lateness");
		}
		if (adds != null) {
			command.addAll(adds.toArguments());
		}
		try {
			Files.createDirectories(this.logDirectory);
			Path log = this.logDirectory.resolve(name + ".log");
			Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
			return new Forked(process, this.logDirectory.resolve(name + ".out"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start a worker JVM for " + name, ex);
		}
	}

	private static final class Forked implements Handle {

		private final Process process;

		private final CompletableFuture<Long> ready = new CompletableFuture<>();

		private final CompletableFuture<WorkerResult> result = new CompletableFuture<>();

		Forked(Process process, Path output) {
			this.process = process;
			Thread reader = new Thread(() -> read(output), "durable-worker-output-" + process.pid());
			reader.setDaemon(true);
			reader.start();
		}

		private void read(Path output) {
			try (BufferedReader in = new BufferedReader(
					new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8));
					PrintWriter log = new PrintWriter(Files.newBufferedWriter(output))) {
				String line;
				while ((line = in.readLine()) != null) {
					if (DurableWorker.READY.equals(line)) {
						this.ready.complete(Recorder.nowMicros());
					}
					else if (WorkerResult.isResult(line)) {
						this.result.complete(WorkerResult.parse(line));
					}
					else {
						log.println(line);
					}
				}
			}
			catch (IOException | RuntimeException ex) {
				this.result.completeExceptionally(ex);
			}
			IllegalStateException ended = new IllegalStateException(
					"The worker JVM ended without a result; see " + output + " and the .log beside it");
			this.ready.completeExceptionally(ended);
			this.result.completeExceptionally(ended);
		}

		@Override
		public long awaitReady(Duration timeout) {
			return await(this.ready, timeout, "start");
		}

		@Override
		public WorkerResult stop() {
			try {
				OutputStream in = this.process.getOutputStream();
				in.write((DurableWorker.STOP + "\n").getBytes(StandardCharsets.UTF_8));
				in.flush();
				in.close();
			}
			catch (IOException ex) {
				// The worker is gone; the result future says why.
			}
			WorkerResult result = await(this.result, STOP_TIMEOUT, "stop");
			try {
				this.process.waitFor(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return result;
		}

		@Override
		public void kill() {
			this.process.destroyForcibly();
		}

		private <T> T await(CompletableFuture<T> future, Duration timeout, String what) {
			try {
				return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted waiting for a worker to " + what, ex);
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException("A worker failed to " + what + ": " + ex.getCause().getMessage(),
						ex.getCause());
			}
			catch (TimeoutException ex) {
				kill();
				throw new IllegalStateException("A worker did not " + what + " within " + timeout, ex);
			}
		}

	}

}
