package dev.asyncz.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Run throughput: no-op tasks all due at one instant a few seconds ahead, added to a
 * started subject, as a user's tasks would be. Everything is timed from the due instant:
 * runs per second to the start of the last run, and how long after the due instant the
 * first run started.
 */
final class FireScenario implements Scenario {

	@Override
	public String name() {
		return "fire";
	}

	@Override
	public String title(Load load) {
		return String.format("Run throughput: %,d no-op tasks due at the same instant, %,d s after the first add",
				load.fireTasks(), load.fireLead().toSeconds());
	}

	@Override
	public Map<String, Double> measure(SubjectKind kind, Load load, int workers) throws InterruptedException {
		int tasks = load.fireTasks();
		Probe probe = new Probe().expect(tasks);
		try (Subject subject = kind.create(workers, probe)) {
			subject.start();
			Instant due = Instant.now().plus(load.fireLead());
			for (int i = 0; i < tasks; i++) {
				subject.addProbed(TaskIds.id('f', i), due);
			}
			// Settles the adds' garbage, so that whether it is collected during the runs
			// is not luck.
			Heap.usedAfterFullGc();
			if (Instant.now().isAfter(due)) {
				throw new IllegalStateException(kind.label() + " took longer than " + load.fireLead() + " to add "
						+ tasks + " tasks, so they were due before they were all added");
			}
			probe.await(load.fireLead().plus(Duration.ofMinutes(10)));
			long dueMicros = Probe.epochMicros(due);
			Map<String, Double> metrics = new LinkedHashMap<>();
			metrics.put("executions_per_s", tasks / ((probe.lastStartMicros() - dueMicros) / 1e6));
			metrics.put("first_run_ms", (probe.firstStartMicros() - dueMicros) / 1e3);
			return metrics;
		}
	}

}
