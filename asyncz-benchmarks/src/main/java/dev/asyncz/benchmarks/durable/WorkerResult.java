package dev.asyncz.benchmarks.durable;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What one scheduler instance reports after a run.
 *
 * @param executed how many task runs it saw
 * @param firstStartMicros when the first run started (epoch microseconds)
 * @param lastEndMicros when the last run ended
 * @param startCalledMicros when the scheduler was asked to start
 * @param readyMicros when start returned
 * @param latenessMicros each run's start minus its scheduled time, when kept
 */
public record WorkerResult(int executed, long firstStartMicros, long lastEndMicros, long startCalledMicros,
		long readyMicros, long[] latenessMicros) {

	private static final String PREFIX = "RESULT ";

	/**
	 * One line for a worker JVM's standard output.
	 * @return the line
	 */
	public String toLine() {
		return PREFIX + this.executed + " " + this.firstStartMicros + " " + this.lastEndMicros + " "
				+ this.startCalledMicros + " " + this.readyMicros + " "
				+ Arrays.stream(this.latenessMicros).mapToObj(Long::toString).collect(Collectors.joining(","));
	}

	/**
	 * Whether a line of output is a result.
	 * @param line the line
	 * @return true for a {@link #toLine()} line
	 */
	public static boolean isResult(String line) {
		return line.startsWith(PREFIX);
	}

	/**
	 * Reads a {@link #toLine()} line.
	 * @param line the line
	 * @return the result
	 */
	public static WorkerResult parse(String line) {
		String[] parts = line.substring(PREFIX.length()).split(" ", -1);
		long[] lateness = parts[5].isEmpty() ? new long[0]
				: Arrays.stream(parts[5].split(",")).mapToLong(Long::parseLong).toArray();
		return new WorkerResult(Integer.parseInt(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]),
				Long.parseLong(parts[3]), Long.parseLong(parts[4]), lateness);
	}

}
