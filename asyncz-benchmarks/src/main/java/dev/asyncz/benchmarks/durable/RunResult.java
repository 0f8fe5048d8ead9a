package dev.asyncz.benchmarks.durable;

import java.util.Arrays;
import java.util.List;

/**
 * The figures of one run of one scenario for one subject.
 *
 * @param expected how many runs were due
 * @param executed how many runs the instances reported (more than expected means
 * duplicates)
 * @param executionsPerSecond runs over the span from the first start to the last end
 * @param recoverySeconds from the first call to start a scheduler until the last run
 * ended
 * @param latenessP50Millis median of start minus scheduled time
 * @param latenessP99Millis 99th percentile of start minus scheduled time
 * @param lateStart whether an instance was ready only after the first task was due
 * @param startMillis from the first call to start a scheduler until the last start
 * returned
 */
record RunResult(int expected, int executed, double executionsPerSecond, double recoverySeconds,
		double latenessP50Millis, double latenessP99Millis, boolean lateStart, double startMillis) {

	static RunResult of(int expected, List<WorkerResult> results, long firstDueMicros) {
		int executed = results.stream().mapToInt(WorkerResult::executed).sum();
		long firstStart = results.stream().mapToLong(WorkerResult::firstStartMicros).min().orElse(0);
		long lastEnd = results.stream().mapToLong(WorkerResult::lastEndMicros).max().orElse(0);
		long startCalled = results.stream().mapToLong(WorkerResult::startCalledMicros).min().orElse(0);
		long lastReady = results.stream().mapToLong(WorkerResult::readyMicros).max().orElse(0);
		long[] lateness = results.stream()
			.flatMapToLong((result) -> Arrays.stream(result.latenessMicros()))
			.sorted()
			.toArray();
		double span = (lastEnd - firstStart) / 1e6;
		return new RunResult(expected, executed, (span > 0) ? executed / span : Double.NaN,
				(lastEnd - startCalled) / 1e6, percentile(lateness, 0.50) / 1e3, percentile(lateness, 0.99) / 1e3,
				lastReady > firstDueMicros, (lastReady - startCalled) / 1e3);
	}

	/**
	 * Whether every due run happened exactly once (as far as counts can tell).
	 * @return true if the count matches
	 */
	boolean complete() {
		return this.executed == this.expected;
	}

	static double percentile(long[] sorted, double fraction) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(fraction * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int n = sorted.length;
		if (n == 0) {
			return Double.NaN;
		}
		return (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

}
