package dev.asyncz.test.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.asyncz.core.Scheduler;
import dev.asyncz.event.ClockJumped;
import dev.asyncz.event.StoreError;
import dev.asyncz.event.TaskDeferred;
import dev.asyncz.event.TaskQuarantined;
import dev.asyncz.event.TaskRecovered;
import dev.asyncz.executor.SchedulerExecutors;
import dev.asyncz.store.TaskStore;
import dev.asyncz.task.TaskContext;
import dev.asyncz.task.TaskFunctions;
import dev.asyncz.task.TaskOptions;

/**
 * One scheduler node of a cluster test, meant to run in a JVM of its own: a real
 * scheduler over a shared persistent store, with functions that write every run to a
 * {@link RunLog}. A store's node class builds the store and the log from its arguments
 * and calls {@link #run}. The node prints {@value #READY} once started and
 * {@value #RECOVERED}{@code <task id>} for every recovered task, and shuts down when its
 * standard input closes (waiting for its runs unless told not to).
 */
public final class ClusterNode {

	/** Printed once the scheduler is running. */
	public static final String READY = "READY";

	/**
	 * Printed, followed by the task id, when this node takes over a task whose holder
	 * died.
	 */
	public static final String RECOVERED = "RECOVERED ";

	/** The function that writes its run to the log. */
	public static final String RECORD = "record";

	/**
	 * A function that a rolling deploy adds: it writes its run to the log like
	 * {@link #RECORD}, and the nodes started with {@code lacks=record-new} (the old
	 * version) do not have it.
	 */
	public static final String RECORD_NEW = "record-new";

	/**
	 * Printed, followed by the task id, when this node leaves a due task it cannot run to
	 * the others.
	 */
	public static final String DEFERRED = "DEFERRED ";

	/** Printed, followed by the task id, when this node quarantines a task. */
	public static final String QUARANTINED = "QUARANTINED ";

	/**
	 * Printed, followed by the jump, when this node's wall clock moved differently from
	 * the time that elapsed: a clock step or a paused machine, which on a store server on
	 * the same machine moves the end of every lease too.
	 */
	public static final String CLOCK_JUMPED = "CLOCK JUMPED ";

	/**
	 * The function that notes its start, blocks while the file named by its first
	 * argument exists (for at most two minutes), then writes its run to the log.
	 */
	public static final String BLOCK = "block";

	/**
	 * The function that notes the start of each attempt (as task id
	 * {@code <id>#<attempt>}) and fails its first two attempts; the third writes its run
	 * to the log.
	 */
	public static final String FLAKY = "flaky";

	/**
	 * The function that notes its start (as {@code <id>#<attempt>}), sleeps for the
	 * milliseconds given as its first argument, then writes its run to the log; a
	 * shutdown that interrupts it cuts the run short.
	 */
	public static final String SLOW = "slow";

	/** How many attempts of a {@link #FLAKY} run fail. */
	public static final int FLAKY_FAILURES = 2;

	/**
	 * The task defaults of the nodes and of the tests' schedulers: a generous misfire
	 * grace time, so that a loaded machine runs late tasks instead of skipping them.
	 */
	public static final TaskOptions TASK_DEFAULTS = new TaskOptions(true, 1, Duration.ofMinutes(10));

	private static final Duration LONGEST_BLOCK = Duration.ofMinutes(2);

	private ClusterNode() {
	}

	/**
	 * Registers the node's functions: what the nodes run and what a test adds tasks for.
	 * @param functions the registry to fill
	 * @param node the node's name, written with each run
	 * @param log where runs are written
	 */
	public static void registerFunctions(TaskFunctions functions, String node, RunLog log) {
		registerFunctions(functions, node, log, Set.of());
	}

	/**
	 * Registers the node's functions but some, as an older version of the application
	 * would.
	 * @param functions the registry to fill
	 * @param node the node's name, written with each run
	 * @param log where runs are written
	 * @param lacking the functions not to register
	 */
	public static void registerFunctions(TaskFunctions functions, String node, RunLog log, Set<String> lacking) {
		functions.register(RECORD, (context) -> {
			log.ran(context, node);
			return null;
		});
		if (!lacking.contains(RECORD_NEW)) {
			functions.register(RECORD_NEW, (context) -> {
				log.ran(context, node);
				return null;
			});
		}
		functions.register(BLOCK, (context) -> {
			log.started(context, node);
			Path flag = Path.of(String.valueOf(context.arg(0)));
			long deadline = System.nanoTime() + LONGEST_BLOCK.toNanos();
			while (Files.exists(flag) && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			log.ran(context, node);
			return null;
		});
		functions.register(FLAKY, (context) -> {
			log.started(perAttempt(context), node);
			if (context.attempt() <= FLAKY_FAILURES) {
				throw new IllegalStateException("attempt " + context.attempt() + " of " + context.taskId() + " fails");
			}
			log.ran(context, node);
			return null;
		});
		functions.register(SLOW, (context) -> {
			log.started(perAttempt(context), node);
			Thread.sleep(Long.parseLong(String.valueOf(context.arg(0))));
			log.ran(context, node);
			return null;
		});
	}

	/**
	 * The run as the start log sees it: one task id per attempt.
	 */
	private static TaskContext perAttempt(TaskContext context) {
		return new TaskContext(context.taskId() + "#" + context.attempt(), context.taskName(), context.function(),
				context.args(), context.kwargs(), context.scheduledRunTime(), context.startedAt(), context.attempt());
	}

	/**
	 * Runs a node until its standard input closes, then shuts it down, waiting for its
	 * runs.
	 * @param options the node's options
	 * @param store the shared store
	 * @param log where runs are written; closed at the end
	 */
	public static void run(Options options, TaskStore store, RunLog log) {
		TaskFunctions functions = new TaskFunctions();
		registerFunctions(functions, options.node(), log, options.lacking());
		Scheduler scheduler = Scheduler.builder()
			.instanceId(options.node())
			.store("default", store)
			.executor("default", SchedulerExecutors.threadPool(options.workers()))
			.functions(functions)
			.taskDefaults(TASK_DEFAULTS)
			.maxWait(options.maxWait())
			.build();
		scheduler.addListener((event) -> print(RECOVERED + ((TaskRecovered) event).taskId()), TaskRecovered.class);
		scheduler.addListener((event) -> print("Store error: " + ((StoreError) event).exception()), StoreError.class);
		scheduler.addListener((event) -> print(DEFERRED + ((TaskDeferred) event).taskId()), TaskDeferred.class);
		scheduler.addListener((event) -> print(QUARANTINED + ((TaskQuarantined) event).taskId()),
				TaskQuarantined.class);
		scheduler.addListener((event) -> print(CLOCK_JUMPED + ((ClockJumped) event).jump()), ClockJumped.class);
		try {
			scheduler.start();
			print(READY);
			awaitEndOfInput(System.in);
		}
		finally {
			scheduler.shutdown(options.awaitTermination());
			log.close();
		}
		print("STOPPED");
	}

	private static void awaitEndOfInput(InputStream input) {
		byte[] buffer = new byte[256];
		try {
			while (input.read(buffer) >= 0) {
				// Anything written is ignored: only the end of input means stop.
			}
		}
		catch (IOException ex) {
			print("Standard input failed, stopping: " + ex);
		}
	}

	private static void print(String line) {
		System.out.println(line);
		System.out.flush();
	}

	/**
	 * A node's command line: {@code key=value} arguments.
	 *
	 * @param values the arguments by key
	 */
	public record Options(Map<String, String> values) {

		public Options {
			values = Map.copyOf(values);
		}

		/**
		 * Reads {@code key=value} arguments.
		 * @param args the command line
		 * @return the options
		 */
		public static Options parse(String[] args) {
			Map<String, String> values = new LinkedHashMap<>();
			for (String arg : args) {
				int equals = arg.indexOf('=');
				if (equals < 1) {
					throw new IllegalArgumentException("Expected key=value, got '" + arg + "'");
				}
				values.put(arg.substring(0, equals), arg.substring(equals + 1));
			}
			return new Options(values);
		}

		/**
		 * The value of a required argument.
		 * @param key the key
		 * @return the value
		 */
		public String get(String key) {
			String value = this.values.get(key);
			if (value == null) {
				throw new IllegalArgumentException("Missing argument '" + key + "'; given " + this.values.keySet());
			}
			return value;
		}

		/**
		 * The node's name: its scheduler's instance id, and its connections' name.
		 * @return the name
		 */
		public String node() {
			return get("node");
		}

		/**
		 * How long a claim lasts without renewal.
		 * @return the lease
		 */
		public Duration lease() {
			return Duration.parse(get("lease"));
		}

		/**
		 * The longest sleep of the scheduler thread, which bounds how late an expired
		 * lease is noticed.
		 * @return the max-wait
		 */
		public Duration maxWait() {
			return Duration.parse(get("maxWait"));
		}

		/**
		 * Whether a shutdown waits for the runs in progress (the default) or interrupts
		 * them.
		 * @return true to wait
		 */
		public boolean awaitTermination() {
			return Boolean.parseBoolean(this.values.getOrDefault("awaitTermination", "true"));
		}

		/**
		 * The functions this node does not have, as an older version of the application.
		 * @return the function names
		 */
		public Set<String> lacking() {
			String lacks = this.values.getOrDefault("lacks", "");
			return lacks.isEmpty() ? Set.of() : Set.of(lacks.split(","));
		}

		/**
		 * Threads running tasks.
		 * @return the count
		 */
		public int workers() {
			return Integer.parseInt(get("workers"));
		}

		/**
		 * The options as a command line.
		 * @return the {@code key=value} arguments
		 */
		public List<String> toArguments() {
			return this.values.entrySet().stream().map((entry) -> entry.getKey() + "=" + entry.getValue()).toList();
		}

	}

}
