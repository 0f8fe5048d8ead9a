package dev.asyncz.benchmarks;

import java.lang.ref.Reference;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.asyncz.benchmarks.TaskIds.DueTimes;

/**
 * Far-future one-shot tasks, due in thirty days: live heap bytes per task (full
 * collections before and after adding, the subject held strongly throughout) and the add
 * rate for that load.
 */
final class MemoryScenario implements Scenario {

	private static final double MIB = 1024 * 1024;

	private final boolean big;

	private MemoryScenario(boolean big) {
		this.big = big;
	}

	/**
	 * The standard load, every subject.
	 * @return the scenario
	 */
	static MemoryScenario standard() {
		return new MemoryScenario(false);
	}

	/**
	 * Ten times the load in the big-scenario heap, asyncz only unless asked: it must not
	 * run out.
	 * @return the scenario
	 */
	static MemoryScenario big() {
		return new MemoryScenario(true);
	}

	@Override
	public String name() {
		return this.big ? "memory-10m" : "memory";
	}

	@Override
	public String title(Load load) {
		return String.format("Far-future memory and add rate: %,d one-shot tasks due in 30 days%s", tasks(load),
				this.big ? " (big-scenario heap)" : "");
	}

	@Override
	public List<SubjectKind> defaultSubjects() {
		return this.big ? List.of(SubjectKind.ASYNCZ) : Scenario.super.defaultSubjects();
	}

	@Override
	public boolean bigHeap() {
		return this.big;
	}

	@Override
	public Map<String, Double> measure(SubjectKind kind, Load load, int workers) {
		int tasks = tasks(load);
		try (Subject subject = kind.create(workers, Probe.none())) {
			subject.start();
			DueTimes due = TaskIds.farFuture(Duration.ofDays(30));
			long before = Heap.usedAfterFullGc();
			long start = System.nanoTime();
			for (int i = 0; i < tasks; i++) {
				subject.add(TaskIds.id('m', i), due.next());
			}
			long elapsed = System.nanoTime() - start;
			long after = Heap.usedAfterFullGc();
			Reference.reachabilityFence(subject);
			Map<String, Double> metrics = new LinkedHashMap<>();
			metrics.put("bytes_per_task", (after - before) / (double) tasks);
			metrics.put("adds_per_s", tasks / (elapsed / 1e9));
			metrics.put("used_heap_mib", after / MIB);
			return metrics;
		}
	}

	private int tasks(Load load) {
		return this.big ? load.bigMemoryTasks() : load.memoryTasks();
	}

}
