package dev.asyncz.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Fire throughput: no-op tasks all due at one instant, queued while the subject is held
 * back, then released. Executions per second from the release (when they are due to a
 * running scheduler) to the start of the last run.
 */
final class FireScenario implements Scenario {

	@Override
	public String name() {
		return "fire";
	}

	@Override
	public String title(Load load) {
		return String.format("Fire throughput: %,d no-op tasks due at the same instant", load.fireTasks());
	}

	@Override
	public Map<String, Double> measure(SubjectKind kind, Load load, int workers) throws InterruptedException {
		int tasks = load.fireTasks();
		Probe probe = new Probe().expect(tasks);
		try (Subject subject = kind.create(workers, probe)) {
			Instant due = Instant.now();
			for (int i = 0; i < tasks; i++) {
				subject.addProbed(TaskIds.id('f', i), due);
			}
			long releasedMicros = Probe.nowMicros();
			subject.start();
			probe.await(Duration.ofMinutes(10));
			double seconds = (probe.lastStartMicros() - releasedMicros) / 1e6;
			return Map.of("executions_per_s", tasks / seconds);
		}
	}

}
