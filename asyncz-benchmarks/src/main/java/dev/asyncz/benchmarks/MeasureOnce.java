package dev.asyncz.benchmarks;

/**
 * Measures one scenario for one subject in this JVM and prints the result line; started
 * by {@link BenchmarkMain} in a fresh JVM per measurement.
 */
public final class MeasureOnce {

	private MeasureOnce() {
	}

	/**
	 * Runs one measurement.
	 * @param args scenario name, subject label, load name, worker count
	 * @throws InterruptedException if interrupted while waiting for runs
	 */
	public static void main(String[] args) throws InterruptedException {
		if (args.length != 4) {
			throw new IllegalArgumentException(
					"Expected: <scenario> <subject> <load> <workers>, got " + args.length + " arguments");
		}
		Scenario scenario = Scenarios.named(args[0]);
		SubjectKind subject = SubjectKind.named(args[1]);
		Load load = Load.named(args[2]);
		int workers = Integer.parseInt(args[3]);
		Measurement measurement = new Measurement(scenario.name(), subject.label(),
				scenario.measure(subject, load, workers));
		System.out.println(measurement.toLine());
		System.out.flush();
		// Subjects' threads may linger after shutdown; the measurement is all this JVM
		// was for.
		System.exit(0);
	}

}
