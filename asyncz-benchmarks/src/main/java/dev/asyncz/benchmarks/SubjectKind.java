package dev.asyncz.benchmarks;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The schedulers the harness compares, by the names used on the command line.
 */
enum SubjectKind {

	/** asyncz with its memory store and thread-pool executor. */
	ASYNCZ("asyncz", true, AsynczSubject.DEFAULT_WORKERS + " (its built-in default executor)") {
		@Override
		Subject create(int workers, Probe probe) {
			return new AsynczSubject(workers, probe);
		}
	},

	/**
	 * A {@code ScheduledThreadPoolExecutor} plus a concurrent map from id to future that
	 * forgets a task when it runs: what an application needs to find its tasks by id.
	 */
	STPE_MAP("stpe-map", true, StpeSubject.defaultWorkers() + " (available processors)") {
		@Override
		Subject create(int workers, Probe probe) {
			return StpeSubject.withIds(workers, probe);
		}
	},

	/**
	 * A bare {@code ScheduledThreadPoolExecutor}: no ids, so its tasks cannot be looked
	 * up or deleted by id. The floor, not a scheduler a user could compare.
	 */
	STPE("stpe", false, StpeSubject.defaultWorkers() + " (available processors)") {
		@Override
		Subject create(int workers, Probe probe) {
			return StpeSubject.bare(workers, probe);
		}
	},

	/** Quartz with its RAMJobStore and SimpleThreadPool. */
	QUARTZ("quartz", true, QuartzSubject.DEFAULT_WORKERS + " (the thread count of Quartz's example configuration)") {
		@Override
		Subject create(int workers, Probe probe) {
			return new QuartzSubject(workers, probe);
		}
	};

	/** The worker count that asks every subject for its own default. */
	static final int DEFAULT_WORKERS = 0;

	private final String label;

	private final boolean deletes;

	private final String defaultWorkers;

	SubjectKind(String label, boolean deletes, String defaultWorkers) {
		this.label = label;
		this.deletes = deletes;
		this.defaultWorkers = defaultWorkers;
	}

	/**
	 * The name on the command line and in tables.
	 * @return the label
	 */
	String label() {
		return this.label;
	}

	/**
	 * Whether the subject can delete a task by its id.
	 * @return false for the bare executor
	 */
	boolean deletes() {
		return this.deletes;
	}

	/**
	 * Creates a fresh, not yet started subject.
	 * @param workers how many threads run tasks, or {@link #DEFAULT_WORKERS} for the
	 * subject's own default
	 * @param probe where probed tasks report
	 * @return the subject
	 */
	abstract Subject create(int workers, Probe probe);

	/**
	 * How many workers the subject has when the harness does not say, and why.
	 * @return a short description
	 */
	String defaultWorkers() {
		return this.defaultWorkers;
	}

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
