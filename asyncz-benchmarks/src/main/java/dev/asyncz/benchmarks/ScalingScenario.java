package dev.asyncz.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.asyncz.benchmarks.TaskIds.DueTimes;

/**
 * How add, delete and fire costs grow with the number of waiting tasks. The subject is
 * filled with far-future tasks to each size in turn; at each size a batch of tasks is
 * added and deleted again (random far-future due times, so they land anywhere in the
 * queue), and a batch due at one instant is fired, timed from the first run to the last.
 * Sizes the heap cannot hold are skipped, with the estimate that ruled them out.
 */
final class ScalingScenario implements Scenario {

	// Each batch is a few milliseconds, so a busy neighbour or a young collection can
	// double one; the least of several is the operation's own cost. What allocation costs
	// in collections shows in the memory scenario's add rate.
	private static final int REPEATS = 7;

	private static final int WARM_UP_ROUNDS = 5;

	private static final double GIB = 1024.0 * 1024 * 1024;

	@Override
	public String name() {
		return "scaling";
	}

	@Override
	public String title(Load load) {
		return String.format("Scaling: ns per operation with n tasks waiting (batches of %,d)", load.scalingOps());
	}

	@Override
	public List<SubjectKind> defaultSubjects() {
		return List.of(SubjectKind.ASYNCZ, SubjectKind.STPE_MAP);
	}

	/** Deletes are one of the operations measured. */
	@Override
	public boolean accepts(SubjectKind kind) {
		return kind.deletes();
	}

	@Override
	public Map<String, Double> measure(SubjectKind kind, Load load, int workers) throws InterruptedException {
		Probe probe = new Probe();
		try (Subject subject = kind.create(workers, probe)) {
			subject.start();
			Batches batches = new Batches(subject, probe, load.scalingOps());
			// Enough rounds for the compilers to finish with every path, even on a busy
			// machine.
			for (int i = 0; i < WARM_UP_ROUNDS; i++) {
				batches.addNanos();
				batches.deleteNanos();
				batches.fireNanos(batches.addNanos());
				batches.deleteNanos();
			}
			long baseline = Heap.usedAfterFullGc();
			Map<String, Double> metrics = new LinkedHashMap<>();
			int size = 0;
			double bytesPerTask = 0;
			for (int target : load.scalingSizes()) {
				double needed = baseline + bytesPerTask * target;
				if (needed > 0.85 * Heap.max()) {
					metrics.put("skipped_gib@" + target, needed / GIB);
					break;
				}
				DueTimes background = TaskIds.farFuture(Duration.ofDays(30));
				while (size < target) {
					subject.add(TaskIds.id('b', size), background.next());
					size++;
				}
				// Moves the fill out of the young generation: otherwise every batch pays
				// for copying it.
				bytesPerTask = (Heap.usedAfterFullGc() - baseline) / (double) size;
				double[] adds = new double[REPEATS];
				double[] deletes = new double[REPEATS];
				for (int i = 0; i < REPEATS; i++) {
					adds[i] = batches.addNanos();
					deletes[i] = batches.deleteNanos();
				}
				double add = least(adds);
				double[] fires = new double[REPEATS];
				for (int i = 0; i < REPEATS; i++) {
					fires[i] = batches.fireNanos(add);
				}
				metrics.put("add_ns@" + target, add);
				metrics.put("delete_ns@" + target, least(deletes));
				metrics.put("fire_ns@" + target, least(fires));
			}
			return metrics;
		}
	}

	private static double least(double[] values) {
		return Arrays.stream(values).min().orElseThrow();
	}

	/**
	 * Timed batches of one operation, with ids and due times made before the clock
	 * starts.
	 */
	private static final class Batches {

		private final Subject subject;

		private final Probe probe;

		private final int size;

		private final DueTimes dueTimes = TaskIds.farFuture(Duration.ofDays(30));

		private long nextId;

		private String[] added = new String[0];

		Batches(Subject subject, Probe probe, int size) {
			this.subject = subject;
			this.probe = probe;
			this.size = size;
		}

		/**
		 * Adds a batch of far-future tasks, kept for the next {@link #deleteNanos()}.
		 */
		double addNanos() {
			String[] ids = newIds('o');
			Instant[] due = new Instant[this.size];
			for (int i = 0; i < this.size; i++) {
				due[i] = this.dueTimes.next();
			}
			long start = System.nanoTime();
			for (int i = 0; i < this.size; i++) {
				this.subject.add(ids[i], due[i]);
			}
			long elapsed = System.nanoTime() - start;
			this.added = ids;
			return elapsed / (double) this.size;
		}

		/**
		 * Deletes the batch the last {@link #addNanos()} added.
		 */
		double deleteNanos() {
			String[] ids = this.added;
			long start = System.nanoTime();
			for (String id : ids) {
				this.subject.delete(id);
			}
			long elapsed = System.nanoTime() - start;
			this.added = new String[0];
			return elapsed / (double) ids.length;
		}

		/**
		 * Adds a batch due at one instant, far enough ahead to add them all first (judged
		 * from the add cost, doubled until it is), and times their runs from the first
		 * start to the last.
		 */
		double fireNanos(double addNanos) throws InterruptedException {
			Duration lead = Duration.ofNanos(Math.max(20_000_000L, (long) (4 * addNanos * this.size)));
			for (int attempt = 0; attempt < 6; attempt++, lead = lead.multipliedBy(2)) {
				String[] ids = newIds('x');
				this.probe.expect(this.size);
				Instant due = Instant.now().plus(lead);
				for (String id : ids) {
					this.subject.addProbed(id, due);
				}
				boolean addedInTime = Instant.now().isBefore(due);
				this.probe.await(lead.plus(Duration.ofMinutes(2)));
				if (addedInTime) {
					return (this.probe.lastStartMicros() - this.probe.firstStartMicros()) * 1e3 / (this.size - 1);
				}
			}
			throw new IllegalStateException("Could not add " + this.size + " tasks before they were due");
		}

		private String[] newIds(char prefix) {
			String[] ids = new String[this.size];
			for (int i = 0; i < this.size; i++) {
				ids[i] = TaskIds.id(prefix, this.nextId++);
			}
			return ids;
		}

	}

}
