package dev.asyncz.test.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.asyncz.core.Scheduler;
import dev.asyncz.store.TaskQuery;
import dev.asyncz.store.TaskStore;
import dev.asyncz.task.RetryPolicy;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskFunctions;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.trigger.Triggers;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a clusterable store must do when several real schedulers, each in a JVM of its
 * own, share it: every fire time runs exactly once while nodes join, and a task is run
 * again by another node when its node is killed or loses its connections. A store's test
 * extends this class, names its {@link ClusterNode} main class and says how to read the
 * {@link RunLog}, which is the ground truth.
 *
 * <p>
 * Each test has its own {@link #suffix}, from which the subclass derives its table or key
 * prefix and which ends every node name, so that concurrent test runs never meet;
 * {@link #cleanUp()} removes only what {@link #prepare()} and the nodes created. Timeouts
 * are generous (a loaded two-core machine), and a failure says what was missing or
 * duplicated. Node output is kept in {@code target/cluster-nodes/<suffix>/}.
 */
public abstract class ClusterScenarios {

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

	private static final Duration COMPLETION_TIMEOUT = Duration.ofMinutes(3);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration INTERVAL = Duration.ofSeconds(1);

	/**
	 * The lease of the scenarios in which no claim may run out: well beyond the stalls
	 * and clock steps of a loaded shared machine (12.7 s has been seen), which would end
	 * every claim at once and have its fire time run again.
	 */
	private static final Duration STEADY_LEASE = Duration.ofSeconds(30);

	private static final int SEEDING_THREADS = 4;

	/** Ends every node name and derives the test's prefix; unique per test. */
	protected final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);

	private final Map<String, NodeProcess> nodes = new LinkedHashMap<>();

	private @Nullable Scheduler seeder;

	private @Nullable Path flag;

	/**
	 * The main class of the store's node: it reads {@link ClusterNode.Options}, builds
	 * the store and its run log, and calls {@link ClusterNode#run}.
	 * @return the class
	 */
	protected abstract Class<?> nodeMainClass();

	/**
	 * The store-specific node arguments (where the server is, the prefix).
	 * @return arguments by key
	 */
	protected abstract Map<String, String> storeArguments();

	/**
	 * A store over the nodes' shared data, for adding tasks from the test and looking at
	 * what is left.
	 * @return a new, unstarted store
	 */
	protected abstract TaskStore createStore();

	/**
	 * Creates the run log's tables or keys.
	 * @throws Exception if that fails
	 */
	protected abstract void prepare() throws Exception;

	/**
	 * Removes this test's tables or keys (the store's and the run log's), and nothing
	 * else.
	 * @throws Exception if that fails
	 */
	protected abstract void cleanUp() throws Exception;

	/**
	 * The finished runs in the run log.
	 * @return one record per (task, fire time)
	 */
	protected abstract List<RunRecord> runs();

	/**
	 * The runs the log refused because their fire time had already run.
	 * @return the duplicates
	 */
	protected abstract List<RunRecord> duplicates();

	/**
	 * The run starts noted by the blocking function.
	 * @return the starts
	 */
	protected abstract List<RunRecord> starts();

	/**
	 * Cuts every connection the node's store holds to the server, from the server side,
	 * leaving the run log's connections alone.
	 * @param node the node name
	 * @throws Exception if that fails
	 */
	protected abstract void cutConnections(String node) throws Exception;

	/**
	 * How many one-shot tasks a scenario adds where it would add {@code standard}: a
	 * store whose test server is slow at scale (an in-process stand-in) may add fewer.
	 * @param standard the scenario's own number
	 * @return the number to add
	 */
	protected int oneShots(int standard) {
		return standard;
	}

	@BeforeEach
	void prepareRunLog() throws Exception {
		prepare();
	}

	@AfterEach
	void stopNodesAndCleanUp() throws Exception {
		try {
			this.nodes.values().forEach(NodeProcess::close);
			if (this.seeder != null) {
				this.seeder.shutdown(false);
			}
			if (this.flag != null) {
				Files.deleteIfExists(this.flag);
			}
		}
		finally {
			cleanUp();
		}
	}

	@Test
	void everyFireTimeRunsExactlyOnceOverNodesThatShareTheStoreWhileANodeJoins() {
		startNodes(STEADY_LEASE, 1, 2);
		Workload work = seed(oneShots(10_000), Duration.ofSeconds(5), 100);
		awaitReady();
		await("the first one-shot tasks ran", () -> work.oneShotRuns(runs()) >= 100, work);
		NodeProcess third = startNode(3, STEADY_LEASE);
		third.awaitReady(READY_TIMEOUT);
		Instant joined = Instant.now();
		awaitCompletion(work, joined.plusSeconds(5), () -> true);
		stopNodes();
		List<RunRecord> runs = verify(work);
		Map<String, Long> perNode = countByNode(runs);
		System.out.println("Runs per node: " + perNode + "; runs: " + runs.size() + ", duplicates: 0");
		assertThat(perNode).as("runs per node").hasSizeGreaterThan(1);
	}

	@Test
	void taskRunningOnAKilledNodeRunsAgainOnAnotherNodeOnceItsLeaseExpires() throws Exception {
		Duration lease = Duration.ofSeconds(3);
		startNodes(lease, 1, 2);
		awaitReady();
		this.flag = Files.createTempFile("asyncz-block-" + this.suffix, ".flag");
		seeder().add(TaskRequest.of(ClusterNode.BLOCK, Triggers.at(Instant.now()))
			.id("blocking")
			.args(this.flag.toString())
			.build());
		RunRecord first = awaitStarts("blocking", 1).get(0);
		NodeProcess holder = this.nodes.get(first.node());
		NodeProcess survivor = this.nodes.values().stream().filter((node) -> node != holder).findFirst().orElseThrow();
		// Two leases pass: the holder's renewals alone keep the other node from running
		// it again.
		Thread.sleep(lease.multipliedBy(2).toMillis());
		assertThat(startsOf("blocking")).as("starts while the holder renews its lease").hasSize(1);
		long killedAt = System.nanoTime();
		holder.kill();
		List<RunRecord> starts = awaitStarts("blocking", 2);
		Duration recovery = Duration.ofNanos(System.nanoTime() - killedAt);
		Files.delete(this.flag);
		await("the recovered run finished", () -> runsOf("blocking").size() == 1, (Workload) null);
		assertThat(survivor.awaitLine(ClusterNode.RECOVERED + "blocking", Duration.ofSeconds(30)))
			.as("%s reported the task as recovered; output:%n%s", survivor.node(), survivor.tail(20))
			.isTrue();
		await("the finished task was removed", () -> seeder().get("blocking").isEmpty(), (Workload) null);
		System.out.println("Run again " + recovery.toMillis() + " ms after killing its node (lease " + lease + ")");
		assertThat(starts.get(1).node()).isEqualTo(survivor.node());
		assertThat(runsOf("blocking")).extracting(RunRecord::node).containsExactly(survivor.node());
		assertNoDuplicates("duplicate runs");
	}

	@Test
	void nodeThatLosesItsConnectionsRecoversAndNoRunIsLostOrDuplicated() throws Exception {
		startNodes(Duration.ofSeconds(5), 1, 2);
		Workload work = seed(oneShots(3_000), Duration.ofSeconds(6), 20);
		awaitReady();
		await("some one-shot tasks ran", () -> work.oneShotRuns(runs()) >= 300, work);
		String victim = nodeName(1);
		cutConnections(victim);
		Instant cut = Instant.now();
		awaitCompletion(work, cut.plusSeconds(3),
				() -> runs().stream().anyMatch((run) -> run.node().equals(victim) && run.recordedAt().isAfter(cut)));
		stopNodes();
		List<RunRecord> runs = verify(work);
		System.out.println("Runs per node: " + countByNode(runs) + "; runs: " + runs.size() + ", duplicates: 0");
	}

	@Test
	void retriedAndInterruptedRunsAllSucceedOnceWhenANodeShutsDownWithoutWaiting() {
		startNode(1, Duration.ofSeconds(5), false);
		startNode(2, Duration.ofSeconds(5), false);
		awaitReady();
		Instant start = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
		RetryPolicy retry = RetryPolicy.fixed(ClusterNode.FLAKY_FAILURES + 1, Duration.ofSeconds(1));
		Map<String, Instant> due = new LinkedHashMap<>();
		for (int i = 0; i < 100; i++) {
			Instant at = start.plusMillis(20L * i);
			seeder().add(TaskRequest.of(ClusterNode.FLAKY, Triggers.at(at)).id("flaky-" + i).retry(retry).build());
			due.put("flaky-" + i, at);
		}
		for (int i = 0; i < 20; i++) {
			Instant at = start.plusMillis(100L * i);
			seeder()
				.add(TaskRequest.of(ClusterNode.SLOW, Triggers.at(at)).id("slow-" + i).args(3000).retry(retry).build());
			due.put("slow-" + i, at);
		}
		String stopped = nodeName(1);
		// Shut node 1 down while it runs a slow task: that run is cut short.
		await("node 1 runs a slow task",
				() -> starts().stream()
					.anyMatch((start1) -> start1.node().equals(stopped) && start1.taskId().startsWith("slow-")
							&& runs().stream().noneMatch((run) -> start1.taskId().startsWith(run.taskId() + "#"))),
				(Workload) null);
		this.nodes.get(stopped).stop(STOP_TIMEOUT);
		await("every task succeeded", () -> runs().stream().map(RunRecord::taskId).distinct().count() == due.size(),
				(Workload) null);
		assertNoDuplicates("fire times that succeeded twice");
		Map<String, List<RunRecord>> startsByAttempt = starts().stream()
			.collect(Collectors.groupingBy(RunRecord::taskId, TreeMap::new, Collectors.toList()));
		List<String> rerun = new ArrayList<>();
		startsByAttempt.forEach((attempt, starts) -> {
			if (starts.size() > 1) {
				rerun.add(attempt + " on " + starts.stream().map(RunRecord::node).toList());
			}
		});
		// A run started twice must have been cut short on the stopped node, then run
		// again on the other.
		assertThat(rerun).as("attempts started more than once")
			.allMatch((line) -> line.endsWith("[" + stopped + ", " + nodeName(2) + "]"));
		assertThat(rerun).as("runs cut short by the shutdown").anyMatch((line) -> line.startsWith("slow-"));
		for (int i = 0; i < 100; i++) {
			for (int attempt = 1; attempt <= ClusterNode.FLAKY_FAILURES + 1; attempt++) {
				assertThat(startsByAttempt).as("attempt %d of flaky-%d", attempt, i)
					.containsKey("flaky-" + i + "#" + attempt);
			}
		}
		await("the store is empty", () -> seeder().list("default", TaskQuery.first(10)).isEmpty(), (Workload) null);
		System.out.println("Tasks: " + due.size() + " (100 flaky, 20 slow); attempts started: " + startsByAttempt.size()
				+ "; started twice (cut short by the shutdown, run again): " + rerun.size() + " " + rerun
				+ "; successful runs: " + runs().size() + "; duplicates: " + duplicates().size());
	}

	@Test
	void duringARollingDeployTasksOfANewFunctionRunOnlyOnNewNodesAndNoneIsLost() {
		String newNode = nodeName(1);
		String oldNode = nodeName(2);
		startNode(1, STEADY_LEASE, Map.of());
		startNode(2, STEADY_LEASE, Map.of("lacks", ClusterNode.RECORD_NEW));
		awaitReady();
		Set<String> old = seedOneShots(ClusterNode.RECORD, "old-", oneShots(1_000));
		Set<String> added = seedOneShots(ClusterNode.RECORD_NEW, "new-", oneShots(1_000));
		await("every task ran", () -> ranIds().containsAll(old) && ranIds().containsAll(added),
				() -> notRun(old, added));
		List<RunRecord> runs = runs();
		assertNoDuplicates("duplicate runs caught by the run log");
		assertRanOnceEach(runs, old);
		assertRanOnceEach(runs, added);
		assertThat(runs).filteredOn((run) -> added.contains(run.taskId()))
			.as("runs of the new function")
			.extracting(RunRecord::node)
			.containsOnly(newNode);
		assertThat(runs).filteredOn((run) -> old.contains(run.taskId()))
			.as("runs of the old function")
			.extracting(RunRecord::node)
			.contains(newNode, oldNode);
		long deferred = this.nodes.get(oldNode).countLines(ClusterNode.DEFERRED);
		assertThat(deferred).as("tasks of the new function the old node met and left").isPositive();
		await("the store is empty", () -> seeder().store("default").orElseThrow().taskCount() == 0, (Workload) null);
		this.nodes.get(oldNode).stop(STOP_TIMEOUT);
		// The old node comes back with the new version.
		String upgraded = nodeName(3);
		startNode(3, STEADY_LEASE, Map.of()).awaitReady(READY_TIMEOUT);
		// The deploy goes on to the other node, so the upgraded one alone must run what
		// comes next: while both ran, the warmer node won nearly every claim, and whether
		// the upgraded one got any was a matter of luck.
		this.nodes.get(newNode).stop(STOP_TIMEOUT);
		Set<String> later = seedOneShots(ClusterNode.RECORD_NEW, "later-", oneShots(1_000));
		await("every later task ran", () -> ranIds().containsAll(later), () -> notRun(later));
		List<RunRecord> laterRuns = runs().stream().filter((run) -> later.contains(run.taskId())).toList();
		assertRanOnceEach(laterRuns, later);
		assertThat(laterRuns).extracting(RunRecord::node).as("runs after the upgrade").contains(upgraded);
		assertNoDuplicates("duplicate runs caught by the run log");
		assertThat(this.nodes.values().stream().mapToLong((node) -> node.countLines(ClusterNode.QUARANTINED)).sum())
			.as("tasks quarantined")
			.isZero();
		System.out.println("Rolling deploy: " + countByNode(runs) + " before the upgrade, " + countByNode(laterRuns)
				+ " after; the old node left " + deferred + " task(s) of the new function to the others");
	}

	private Set<String> seedOneShots(String function, String prefix, int count) {
		Instant start = Instant.now().plusSeconds(2);
		Set<String> ids = new TreeSet<>();
		for (int i = 0; i < count; i++) {
			String id = prefix + i;
			seeder().add(TaskRequest.of(function, Triggers.at(start.plusMillis(3L * i))).id(id).build());
			ids.add(id);
		}
		return ids;
	}

	@SafeVarargs
	private String notRun(Set<String>... groups) {
		Set<String> ran = ranIds();
		List<String> missing = new ArrayList<>();
		for (Set<String> group : groups) {
			group.stream().filter((id) -> !ran.contains(id)).forEach(missing::add);
		}
		List<String> stored = seeder().list("default", TaskQuery.first(5))
			.stream()
			.map((task) -> task.id() + " due " + task.nextRunTime())
			.toList();
		return "\nNot run: " + missing.size() + " " + missing.stream().limit(20).toList() + "\nRuns per node: "
				+ countByNode(runs()) + "\nFirst stored: " + stored;
	}

	private Set<String> ranIds() {
		return runs().stream().map(RunRecord::taskId).collect(Collectors.toSet());
	}

	private static void assertRanOnceEach(List<RunRecord> runs, Set<String> ids) {
		Map<String, Long> times = runs.stream()
			.filter((run) -> ids.contains(run.taskId()))
			.collect(Collectors.groupingBy(RunRecord::taskId, Collectors.counting()));
		assertThat(times.keySet()).as("tasks that ran").containsExactlyInAnyOrderElementsOf(ids);
		assertThat(times.values()).as("runs per task").containsOnly(1L);
	}

	/**
	 * The name of a node, unique to this test.
	 * @param index the node's number
	 * @return the name
	 */
	protected final String nodeName(int index) {
		return "node" + index + "-" + this.suffix;
	}

	private void startNodes(Duration lease, int... indexes) {
		for (int index : indexes) {
			startNode(index, lease);
		}
	}

	private NodeProcess startNode(int index, Duration lease) {
		return startNode(index, lease, true);
	}

	private NodeProcess startNode(int index, Duration lease, boolean awaitTermination) {
		return startNode(index, lease, Map.of("awaitTermination", Boolean.toString(awaitTermination)));
	}

	private NodeProcess startNode(int index, Duration lease, Map<String, String> options) {
		Map<String, String> arguments = new LinkedHashMap<>(storeArguments());
		arguments.putAll(options);
		arguments.put("node", nodeName(index));
		arguments.put("lease", lease.toString());
		arguments.put("maxWait", "PT1S");
		arguments.put("workers", "4");
		NodeProcess node = NodeProcess.start(nodeMainClass(), new ClusterNode.Options(arguments),
				Path.of("target", "cluster-nodes", this.suffix));
		this.nodes.put(node.node(), node);
		return node;
	}

	private void awaitReady() {
		this.nodes.values().forEach((node) -> node.awaitReady(READY_TIMEOUT));
	}

	private void stopNodes() {
		this.nodes.values().forEach((node) -> node.stop(STOP_TIMEOUT));
	}

	private Scheduler seeder() {
		if (this.seeder == null) {
			TaskFunctions functions = new TaskFunctions();
			functions.register(ClusterNode.RECORD, (context) -> null);
			functions.register(ClusterNode.RECORD_NEW, (context) -> null);
			functions.register(ClusterNode.BLOCK, (context) -> null);
			functions.register(ClusterNode.FLAKY, (context) -> null);
			functions.register(ClusterNode.SLOW, (context) -> null);
			this.seeder = Scheduler.builder()
				.instanceId("seeder-" + this.suffix)
				.store("default", createStore())
				.functions(functions)
				.taskDefaults(ClusterNode.TASK_DEFAULTS)
				.build();
		}
		return this.seeder;
	}

	/**
	 * Adds one-shot tasks due evenly over {@code spread} from a few seconds from now, and
	 * recurring tasks every second from then (every other one coalescing; the others may
	 * overlap, so that every fire time runs), from several threads at once.
	 */
	private Workload seed(int oneShots, Duration spread, int recurring) {
		Scheduler scheduler = seeder();
		Instant start = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
		long stepMicros = spread.toNanos() / 1000 / oneShots;
		Map<String, Instant> due = new ConcurrentHashMap<>();
		Map<String, Task> repeating = new ConcurrentHashMap<>();
		ExecutorService pool = Executors.newFixedThreadPool(SEEDING_THREADS);
		try {
			List<Future<?>> adding = new ArrayList<>();
			for (int thread = 0; thread < SEEDING_THREADS; thread++) {
				int first = thread;
				adding.add(pool.submit(() -> {
					for (int i = first; i < recurring; i += SEEDING_THREADS) {
						Task task = scheduler
							.add(TaskRequest.of(ClusterNode.RECORD, Triggers.every(INTERVAL).startingAt(start))
								.id("every-" + i)
								.coalesce(i % 2 == 0)
								// Without coalescing, a late loop submits several fire
								// times at once, and on a loaded machine they may wait in
								// the executor's queue (queued runs count as instances):
								// all must run, so the limit is out of reach.
								.maxInstances((i % 2 == 0) ? 1 : 10_000)
								.build());
						repeating.put(task.id(), task);
					}
					for (int i = first; i < oneShots; i += SEEDING_THREADS) {
						Instant at = start.plus(i * stepMicros, ChronoUnit.MICROS);
						scheduler.add(TaskRequest.of(ClusterNode.RECORD, Triggers.at(at)).id("once-" + i).build());
						due.put("once-" + i, at);
					}
				}));
			}
			for (Future<?> future : adding) {
				future.get(COMPLETION_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			}
		}
		catch (Exception ex) {
			throw new AssertionError("Adding the tasks failed", ex);
		}
		finally {
			pool.shutdownNow();
		}
		System.out.println("Added " + oneShots + " one-shot and " + recurring + " recurring tasks by " + Instant.now()
				+ ", due from " + start);
		return new Workload(Map.copyOf(due), Map.copyOf(repeating));
	}

	/**
	 * Waits until every one-shot task ran, every recurring task ran a fire time at or
	 * after {@code recurringUntil}, and {@code also} holds.
	 */
	private void awaitCompletion(Workload work, Instant recurringUntil, BooleanSupplier also) {
		await("every one-shot task ran and every recurring one reached " + recurringUntil, () -> {
			List<RunRecord> runs = runs();
			return work.missingOneShots(runs).isEmpty() && work.recurringBehind(runs, recurringUntil).isEmpty()
					&& also.getAsBoolean();
		}, work);
	}

	/**
	 * Checks the run log against the workload.
	 * @return the runs
	 */
	private List<RunRecord> verify(Workload work) {
		assertNoDuplicates("duplicate runs caught by the run log");
		List<RunRecord> runs = runs();
		Map<String, List<RunRecord>> byTask = runs.stream().collect(Collectors.groupingBy(RunRecord::taskId));
		List<String> wrongOneShots = new ArrayList<>();
		work.due().forEach((id, at) -> {
			List<RunRecord> ran = byTask.getOrDefault(id, List.of());
			if (ran.size() != 1 || !ran.get(0).fireTime().equals(at)) {
				wrongOneShots.add(id + " due " + at + " ran " + ran);
			}
		});
		assertThat(wrongOneShots).as("one-shot tasks that did not run exactly once, for their due time").isEmpty();
		List<String> left = seeder().list("default", TaskQuery.first(1_000))
			.stream()
			.map(Task::id)
			.filter((id) -> !work.recurring().containsKey(id))
			.toList();
		assertThat(left).as("one-shot tasks left in the store").isEmpty();
		assertThat(seeder().store("default").orElseThrow().taskCount()).as("tasks left in the store")
			.isEqualTo(work.recurring().size());
		List<String> wrongRecurring = new ArrayList<>();
		work.recurring().forEach((id, task) -> {
			List<Instant> fireTimes = byTask.getOrDefault(id, List.of()).stream().map(RunRecord::fireTime).toList();
			String problem = recurringProblem(task, fireTimes);
			if (problem != null) {
				wrongRecurring.add(id + ": " + problem);
			}
		});
		assertThat(wrongRecurring).as("recurring tasks whose fire times were run twice, off the grid or skipped")
			.isEmpty();
		return runs;
	}

	/**
	 * What is wrong with the fire times a recurring task ran: each must be on its grid
	 * and run once; a task that does not coalesce must run every fire time from its first
	 * to its last.
	 */
	private static @Nullable String recurringProblem(Task task, List<Instant> fireTimes) {
		Instant first = task.nextRunTime();
		TreeSet<Instant> distinct = new TreeSet<>(fireTimes);
		if (distinct.size() != fireTimes.size()) {
			return "a fire time ran twice: " + fireTimes;
		}
		List<Instant> offGrid = distinct.stream()
			.filter((time) -> time.isBefore(first) || Duration.between(first, time).toNanos() % INTERVAL.toNanos() != 0)
			.toList();
		if (!offGrid.isEmpty()) {
			return "fire times off the grid from " + first + ": " + offGrid;
		}
		if (task.options().coalesce() || distinct.isEmpty()) {
			return null;
		}
		List<Instant> skipped = new ArrayList<>();
		for (Instant time = first; time.isBefore(distinct.last()); time = time.plus(INTERVAL)) {
			if (!distinct.contains(time)) {
				skipped.add(time);
			}
		}
		return skipped.isEmpty() ? null : "skipped " + skipped + " between " + first + " and " + distinct.last();
	}

	/**
	 * Fails if the run log caught a fire time run twice, naming the wall clock jumps the
	 * nodes saw: leases end by the store server's clock, so a jump of it (a clock step,
	 * or the machine paused) by more than what is left of a lease ends every claim at
	 * once, and whoever takes the claims over runs their fire times again.
	 */
	private void assertNoDuplicates(String what) {
		List<String> jumps = new ArrayList<>();
		this.nodes.values()
			.forEach((node) -> node.linesStartingWith(ClusterNode.CLOCK_JUMPED)
				.forEach((line) -> jumps.add(node.node() + ": " + line)));
		String during = jumps.isEmpty() ? "" : " while the wall clock jumped " + jumps;
		assertThat(duplicates()).as("%s%s", what, during).isEmpty();
	}

	private List<RunRecord> awaitStarts(String taskId, int count) {
		await(count + " start(s) of " + taskId, () -> startsOf(taskId).size() >= count, (Workload) null);
		List<RunRecord> starts = new ArrayList<>(startsOf(taskId));
		starts.sort((a, b) -> a.recordedAt().compareTo(b.recordedAt()));
		return starts;
	}

	private List<RunRecord> startsOf(String taskId) {
		return starts().stream().filter((run) -> run.taskId().equals(taskId)).toList();
	}

	private List<RunRecord> runsOf(String taskId) {
		return runs().stream().filter((run) -> run.taskId().equals(taskId)).toList();
	}

	private static Map<String, Long> countByNode(Collection<RunRecord> runs) {
		return runs.stream().collect(Collectors.groupingBy(RunRecord::node, TreeMap::new, Collectors.counting()));
	}

	private void await(String what, BooleanSupplier condition, @Nullable Workload work) {
		await(what, condition, () -> progress(work));
	}

	private void await(String what, BooleanSupplier condition, Supplier<String> progress) {
		long deadline = System.nanoTime() + COMPLETION_TIMEOUT.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Timed out after " + COMPLETION_TIMEOUT + " waiting until " + what
						+ progress.get() + nodeOutput());
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("Interrupted waiting until " + what, ex);
			}
		}
	}

	private String progress(@Nullable Workload work) {
		if (work == null) {
			return "";
		}
		List<RunRecord> runs = runs();
		List<String> missing = work.missingOneShots(runs);
		Map<String, Instant> behind = work.recurringBehind(runs, Instant.now().minusSeconds(5));
		return "\nOne-shot tasks not run: " + missing.size() + " " + missing.stream().limit(20).toList()
				+ "\nRecurring tasks more than 5s behind (last fire time run): " + behind + "\nDuplicates: "
				+ duplicates() + "\nRuns per node: " + countByNode(runs);
	}

	private String nodeOutput() {
		StringBuilder output = new StringBuilder();
		this.nodes.values()
			.forEach((node) -> output.append("\n--- ")
				.append(node.node())
				.append(node.isAlive() ? "" : " (exited)")
				.append(":\n")
				.append(node.tail(30)));
		return output.toString();
	}

	/**
	 * The tasks a test added.
	 *
	 * @param due one-shot task ids and their due times
	 * @param recurring recurring tasks as added (with their first run time)
	 */
	private record Workload(Map<String, Instant> due, Map<String, Task> recurring) {

		long oneShotRuns(List<RunRecord> runs) {
			return runs.stream().filter((run) -> this.due.containsKey(run.taskId())).count();
		}

		List<String> missingOneShots(List<RunRecord> runs) {
			Set<String> ran = runs.stream().map(RunRecord::taskId).collect(Collectors.toSet());
			return this.due.keySet().stream().filter((id) -> !ran.contains(id)).sorted().toList();
		}

		/**
		 * Recurring tasks whose latest run is for a fire time before {@code until}, with
		 * that time.
		 */
		Map<String, Instant> recurringBehind(List<RunRecord> runs, Instant until) {
			Map<String, Instant> latest = new HashMap<>();
			for (RunRecord run : runs) {
				if (this.recurring.containsKey(run.taskId())) {
					latest.merge(run.taskId(), run.fireTime(), (a, b) -> a.isAfter(b) ? a : b);
				}
			}
			Map<String, Instant> behind = new TreeMap<>();
			for (String id : this.recurring.keySet()) {
				Instant last = latest.getOrDefault(id, Instant.EPOCH);
				if (last.isBefore(until)) {
					behind.put(id, last);
				}
			}
			return behind;
		}

	}

}
