package dev.asyncz.benchmarks.dashboard;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.asyncz.core.Scheduler;
import dev.asyncz.store.MemoryTaskStore;
import dev.asyncz.store.TaskSearch;
import dev.asyncz.store.TaskSearch.Status;
import dev.asyncz.task.TaskFunctions;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.trigger.Triggers;

/**
 * Times the searches behind the dashboard's task list ({@code GET <path>/api/tasks}) on a
 * memory store of {@code n} tasks: the scheduler's {@code search}, the one part of
 * serving a page whose cost depends on the store's size (turning the 25 tasks of a page
 * into JSON does not). Also times the overview's count by status, a pass over every task.
 * Prints p50, p99 and max per query in milliseconds, and the p50 of the CPU time the
 * JVM's threads used meanwhile (what the query costs when the machine is not shared: a
 * search that reads every task does so on several threads).
 *
 * <p>
 * Usage: {@code TaskListBenchmark [tasks] [repetitions]} (defaults 1000000 and 300). The
 * store: ids {@code user-0000000}…, ten functions {@code fn-0}…{@code fn-9} in turn,
 * names {@code Reminder <i>}, one-shot tasks due over the next year, one in a hundred
 * paused.
 */
public final class TaskListBenchmark {

	private static final int PAGE = 25;

	private TaskListBenchmark() {
	}

	public static void main(String[] args) {
		int tasks = (args.length > 0) ? Integer.parseInt(args[0]) : 1_000_000;
		int repetitions = (args.length > 1) ? Integer.parseInt(args[1]) : 300;
		Scheduler scheduler = fill(tasks);
		Map<String, TaskSearch> queries = new LinkedHashMap<>();
		queries.put("first page, no filter", new TaskSearch(null, null, null, null, 0, PAGE));
		queries.put("first page, status scheduled", new TaskSearch(null, Status.SCHEDULED, null, null, 0, PAGE));
		queries.put("page 41 (offset 1000), no filter", new TaskSearch(null, null, null, null, 1000, PAGE));
		queries.put("page 20,001 (offset 500,000), no filter", new TaskSearch(null, null, null, null, tasks / 2, PAGE));
		queries.put("function fn-3 (1 in 10)", new TaskSearch("fn-3", Status.SCHEDULED, null, null, 0, PAGE));
		queries.put("id prefix user-00042 (100 tasks)", new TaskSearch(null, null, "user-00042", null, 0, PAGE));
		queries.put("name contains 'reminder 99999' (11 tasks)",
				new TaskSearch(null, null, null, "reminder 99999", 0, PAGE));
		queries.put("status paused (1 in 100)", new TaskSearch(null, Status.PAUSED, null, null, 0, PAGE));
		System.out.printf(Locale.ROOT, "%d tasks in a memory store, %d repetitions each after %d warm-up%n%n", tasks,
				repetitions, repetitions / 3);
		System.out.println("| query | p50 ms | p99 ms | max ms | p50 CPU ms | tasks on the page |");
		System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
		for (Map.Entry<String, TaskSearch> query : queries.entrySet()) {
			int found = scheduler.search("default", query.getValue()).tasks().size();
			Timings timings = time(repetitions, () -> scheduler.search("default", query.getValue()));
			print(query.getKey(), timings, found);
		}
		Timings counts = time(Math.max(10, repetitions / 10), () -> scheduler.countByStatus("default"));
		print("overview: count by status (every task)", counts, 0);
	}

	private static Scheduler fill(int tasks) {
		TaskFunctions functions = new TaskFunctions();
		for (int i = 0; i < 10; i++) {
			functions.register("fn-" + i, (context) -> null);
		}
		Scheduler scheduler = Scheduler.builder().functions(functions).store("default", new MemoryTaskStore()).build();
		Instant start = Instant.parse("2030-01-01T00:00:00Z");
		long yearSeconds = Duration.ofDays(365).toSeconds();
		long began = System.nanoTime();
		for (int i = 0; i < tasks; i++) {
			// A spread of due times that is not the insertion order.
			long offset = Math.floorMod(i * 2_654_435_761L, yearSeconds);
			scheduler.add(TaskRequest.of("fn-" + (i % 10), Triggers.at(start.plusSeconds(offset)))
				.id(String.format(Locale.ROOT, "user-%07d", i))
				.name("Reminder " + i)
				.paused(i % 100 == 0)
				.build());
		}
		System.err.printf(Locale.ROOT, "added %d tasks in %d s%n", tasks,
				Duration.ofNanos(System.nanoTime() - began).toSeconds());
		return scheduler;
	}

	/**
	 * Runs a query and measures each run's elapsed time and the CPU time the JVM's
	 * threads used meanwhile: on a shared machine the first includes the time other
	 * processes had the CPU, the second is what the query itself cost.
	 */
	private static Timings time(int repetitions, Runnable query) {
		for (int i = 0; i < repetitions / 3; i++) {
			query.run();
		}
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long[] nanos = new long[repetitions];
		long[] cpuNanos = new long[repetitions];
		for (int i = 0; i < repetitions; i++) {
			long cpu = cpuNanos(threads);
			long began = System.nanoTime();
			query.run();
			nanos[i] = System.nanoTime() - began;
			cpuNanos[i] = cpuNanos(threads) - cpu;
		}
		Arrays.sort(nanos);
		Arrays.sort(cpuNanos);
		return new Timings(nanos, cpuNanos);
	}

	/**
	 * The CPU time every live thread has used, to the nanosecond (the process's own
	 * figure is kept in ticks of 10 ms).
	 */
	private static long cpuNanos(ThreadMXBean threads) {
		long total = 0;
		for (long id : threads.getAllThreadIds()) {
			total += Math.max(0, threads.getThreadCpuTime(id));
		}
		return total;
	}

	private static void print(String name, Timings timings, int found) {
		long[] sorted = timings.nanos();
		System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %d |%n", name, millis(sorted, 0.50),
				millis(sorted, 0.99), sorted[sorted.length - 1] / 1e6, millis(timings.cpuNanos(), 0.50), found);
	}

	private static double millis(long[] sorted, double quantile) {
		int index = (int) Math.ceil(quantile * sorted.length) - 1;
		return sorted[Math.max(0, index)] / 1e6;
	}

	/**
	 * Elapsed and CPU times of the runs of one query, each sorted.
	 */
	private record Timings(long[] nanos, long[] cpuNanos) {

	}

}
