package dev.asyncz.benchmarks.durable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One scheduler instance in its own JVM. It starts the subject's scheduler, prints
 * {@code READY}, runs until a {@code STOP} line arrives on standard input (or input
 * ends), shuts the scheduler down waiting for runs in progress, and prints one
 * {@link WorkerResult} line.
 */
public final class DurableWorker {

	static final String READY = "READY";

	static final String STOP = "STOP";

	private DurableWorker() {
	}

	/**
	 * Runs one instance.
	 * @param args the shared settings' options, plus {@code --subject=<label>},
	 * {@code --instance=<name>}, {@code --clustered}, {@code --lateness} (keep each run's
	 * lateness) and the options of an {@link AddWork} (add tasks once started, and report
	 * those instead of runs)
	 * @throws IOException if standard input fails
	 */
	public static void main(String[] args) throws IOException {
		Options options = Options.parse(args);
		DurableSettings settings = DurableSettings.fromArguments(options);
		SubjectKind kind = SubjectKind.of(options.require("subject"));
		PrintStream out = System.out;
		try (Subject subject = kind.create(settings)) {
			Recorder recorder = new Recorder(options.flag("lateness"));
			long startCalled = Recorder.nowMicros();
			Subject.Instance instance = subject.start(options.require("instance"), recorder, options.flag("clustered"));
			long ready = Recorder.nowMicros();
			out.println(READY);
			out.flush();
			AddWork adds = AddWork.fromOptions(options);
			WorkerResult added = (adds != null) ? adds.run(instance, startCalled, ready) : null;
			BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
			String line;
			do {
				line = in.readLine();
			}
			while (line != null && !STOP.equals(line.trim()));
			instance.stop();
			out.println(((added != null) ? added : recorder.result(startCalled, ready)).toLine());
			out.flush();
		}
		// Pools and clients of some subjects leave non-daemon threads behind.
		System.exit(0);
	}

}
