package dev.asyncz.test.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ClusterNode} in a JVM of its own, started with this JVM's {@code java} and
 * class path. Its output goes to a log file and is kept for {@link #awaitLine}.
 */
public final class NodeProcess implements AutoCloseable {

	private static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
			"-Dfile.encoding=UTF-8");

	private final String node;

	private final Process process;

	private final Path log;

	private final List<String> lines = new CopyOnWriteArrayList<>();

	private final Thread pump;

	private NodeProcess(String node, Process process, Path log) {
		this.node = node;
		this.process = process;
		this.log = log;
		this.pump = new Thread(this::pumpOutput, "node-output-" + node);
		this.pump.setDaemon(true);
		this.pump.start();
	}

	/**
	 * Starts a node.
	 * @param mainClass the node's main class
	 * @param options its arguments; {@code node} names it
	 * @param logDirectory where its output is written, as {@code <node>.log}
	 * @return the running process
	 */
	public static NodeProcess start(Class<?> mainClass, ClusterNode.Options options, Path logDirectory) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(JVM_OPTIONS);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(mainClass.getName());
		command.addAll(options.toArguments());
		try {
			Files.createDirectories(logDirectory);
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			return new NodeProcess(options.node(), process, logDirectory.resolve(options.node() + ".log"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start node " + options.node(), ex);
		}
	}

	/**
	 * The node's name.
	 * @return the name
	 */
	public String node() {
		return this.node;
	}

	/**
	 * Waits until the node printed {@link ClusterNode#READY}.
	 * @param timeout how long to wait
	 */
	public void awaitReady(Duration timeout) {
		if (!awaitLine(ClusterNode.READY, timeout)) {
			throw new AssertionError("Node " + this.node + " did not get ready within " + timeout
					+ (this.process.isAlive() ? "" : " (it exited with " + this.process.exitValue() + ")")
					+ "; output:\n" + tail(40));
		}
	}

	/**
	 * Waits until the node printed a line.
	 * @param line the exact line
	 * @param timeout how long to wait
	 * @return whether it was printed in time
	 */
	public boolean awaitLine(String line, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!this.lines.contains(line)) {
			if (System.nanoTime() > deadline || (!this.process.isAlive() && !this.pump.isAlive())) {
				return this.lines.contains(line);
			}
			pause();
		}
		return true;
	}

	/**
	 * How many lines the node printed that start with a prefix.
	 * @param prefix the prefix
	 * @return the count
	 */
	public long countLines(String prefix) {
		return linesStartingWith(prefix).size();
	}

	/**
	 * The lines the node printed that start with a prefix.
	 * @param prefix the prefix
	 * @return the lines, in order
	 */
	public List<String> linesStartingWith(String prefix) {
		return this.lines.stream().filter((line) -> line.startsWith(prefix)).toList();
	}

	/**
	 * Whether the process is running.
	 * @return true while it runs
	 */
	public boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Stops the node gracefully by closing its standard input, and waits for it to exit.
	 * @param timeout how long to wait before killing it
	 */
	public void stop(Duration timeout) {
		if (!this.process.isAlive()) {
			return;
		}
		try {
			this.process.getOutputStream().close();
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				kill();
				throw new AssertionError(
						"Node " + this.node + " did not stop within " + timeout + "; output:\n" + tail(40));
			}
			this.pump.join(timeout.toMillis());
		}
		catch (IOException ex) {
			kill();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			kill();
		}
	}

	/**
	 * Kills the node at once (SIGKILL on Linux): no shutdown hook, no graceful ending of
	 * anything.
	 */
	public void kill() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The last lines the node printed.
	 * @param count how many
	 * @return the lines, joined
	 */
	public String tail(int count) {
		List<String> all = List.copyOf(this.lines);
		return String.join("\n", all.subList(Math.max(0, all.size() - count), all.size()));
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			kill();
		}
	}

	private void pumpOutput() {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8));
				Writer writer = Files.newBufferedWriter(this.log, StandardCharsets.UTF_8)) {
			String line;
			while ((line = reader.readLine()) != null) {
				this.lines.add(line);
				writer.write(line);
				writer.write('\n');
				writer.flush();
			}
		}
		catch (IOException ex) {
			this.lines.add("(output lost: " + ex + ")");
		}
	}

	private static void pause() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted", ex);
		}
	}

}
