package dev.asyncz.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.asyncz.benchmarks.TaskIds.DueTimes;

/**
 * Lateness under load: with many far-future tasks waiting, tasks due evenly over a few
 * seconds; how late each starts (actual start minus due time) at the median, the 99th
 * percentile and worst. The first run after start counts too: a cold path shows in the
 * maximum.
 */
final class LatenessScenario implements Scenario {

	@Override
	public String name() {
		return "lateness";
	}

	@Override
	public String title(Load load) {
		return String.format("Lateness: %,d tasks spread evenly over %,d ms with %,d far-future tasks waiting",
				load.latenessTasks(), load.latenessSpread().toMillis(), load.waitingTasks());
	}

	@Override
	public Map<String, Double> measure(SubjectKind kind, Load load, int workers) throws InterruptedException {
		int tasks = load.latenessTasks();
		Duration spread = load.latenessSpread();
		// Long enough to add every probed task before the first is due, however slow the
		// subject.
		Duration lead = max(spread.dividedBy(5), Duration.ofMillis(200));
		Probe probe = new Probe().expect(tasks);
		try (Subject subject = kind.create(workers, probe)) {
			subject.start();
			DueTimes farFuture = TaskIds.farFuture(Duration.ofDays(30));
			for (int i = 0; i < load.waitingTasks(); i++) {
				subject.add(TaskIds.id('w', i), farFuture.next());
			}
			// Settles the bulk add, so that whether its garbage is collected inside the
			// window is not luck.
			Heap.usedAfterFullGc();
			Instant first = Instant.now().plus(lead);
			long stepNanos = spread.toNanos() / tasks;
			for (int i = 0; i < tasks; i++) {
				subject.addProbed(TaskIds.id('l', i), first.plusNanos(i * stepNanos));
			}
			if (Instant.now().isAfter(first)) {
				throw new IllegalStateException(kind.label() + " took longer than " + lead + " to add " + tasks
						+ " tasks, so the first were late before they were all added");
			}
			probe.await(lead.plus(spread).plus(Duration.ofMinutes(2)));
			long[] lateness = probe.sortedLatenessMicros();
			Map<String, Double> metrics = new LinkedHashMap<>();
			metrics.put("p50_ms", percentile(lateness, 0.50) / 1e3);
			metrics.put("p99_ms", percentile(lateness, 0.99) / 1e3);
			metrics.put("max_ms", lateness[lateness.length - 1] / 1e3);
			return metrics;
		}
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	private static long percentile(long[] sorted, double fraction) {
		int rank = (int) Math.ceil(fraction * sorted.length);
		return sorted[Math.max(0, rank - 1)];
	}

}
