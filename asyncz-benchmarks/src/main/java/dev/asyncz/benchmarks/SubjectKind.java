package dev.asyncz.benchmarks;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The schedulers the harness compares, by the names used on the command line.
 */
enum SubjectKind {

	/** asyncz with its memory store and thread-pool executor. */
	ASYNCZ("asyncz") {
		@Override
		Subject create(int workers, Probe probe) {
			return new AsynczSubject(workers, probe);
		}
	},

	/** A {@code ScheduledThreadPoolExecutor} plus a map from id to future. */
	STPE("stpe") {
		@Override
		Subject create(int workers, Probe probe) {
			return new StpeSubject(workers, probe);
		}
	},

	/** Quartz with its RAMJobStore and SimpleThreadPool. */
	QUARTZ("quartz") {
		@Override
		Subject create(int workers, Probe probe) {
			return new QuartzSubject(workers, probe);
		}
	};

	private final String label;

	SubjectKind(String label) {
		this.label = label;
	}

	/**
	 * The name on the command line and in tables.
	 * @return the label
	 */
	String label() {
		return this.label;
	}

	/**
	 * Creates a fresh, not yet started subject.
	 * @param workers how many threads run tasks
	 * @param probe where probed tasks report
	 * @return the subject
	 */
	abstract Subject create(int workers, Probe probe);

	/**
	 * Looks a subject up by its label.
	 * @param label the label
	 * @return the kind
	 */
	static SubjectKind named(String label) {
		String wanted = label.trim().toLowerCase(Locale.ROOT);
		return Arrays.stream(values())
			.filter((kind) -> kind.label.equals(wanted))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown subject '" + label + "', expected one of "
					+ Arrays.stream(values()).map(SubjectKind::label).collect(Collectors.joining(", "))));
	}

}
