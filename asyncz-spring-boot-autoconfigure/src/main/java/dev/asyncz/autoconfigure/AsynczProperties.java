package dev.asyncz.autoconfigure;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.asyncz.task.MisfirePolicy;
import dev.asyncz.trigger.DstGapPolicy;
import dev.asyncz.trigger.DstOverlapPolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the asyncz scheduler, under {@code asyncz}.
 */
@ConfigurationProperties("asyncz")
public class AsynczProperties {

	/**
	 * Whether to create the scheduler. When false there is no scheduler bean and
	 * annotated tasks are ignored.
	 */
	private boolean enabled = true;

	/**
	 * Time zone for triggers that do not name one.
	 */
	private ZoneId timezone = ZoneOffset.UTC;

	/**
	 * How long after the application has started the scheduler begins to run due tasks.
	 * Tasks can be added and managed meanwhile.
	 */
	private Duration startupDelay = Duration.ofSeconds(0);

	/**
	 * Longest single sleep of the scheduler thread, so that a changed wall clock is
	 * noticed.
	 */
	private Duration maxWait = Duration.ofMinutes(1);

	/**
	 * Most tasks the scheduler holds over all stores. Unset means no limit.
	 */
	private @Nullable Long maxTasks;

	/**
	 * How long a task stays in the failed state (a one-shot whose last attempt failed,
	 * with no retry left) before it is removed. Unset means it stays until it is run
	 * again or deleted.
	 */
	private @Nullable Duration failedTaskRetention;

	/**
	 * How long a due task that this instance cannot run (its function or executor is
	 * unknown here, or its arguments do not bind), and that no other instance ran
	 * meanwhile, waits before it is reported as stuck in the health details and the
	 * asyncz.tasks.stuck metric.
	 */
	private Duration stuckTaskThreshold = Duration.ofMinutes(15);

	/**
	 * Options for tasks that leave them unset.
	 */
	private final TaskDefaults taskDefaults = new TaskDefaults();

	/**
	 * Task stores by name. A store named "default" holds tasks that name none; without
	 * one, a memory store is used.
	 */
	private final Map<String, Store> stores = new LinkedHashMap<>();

	/**
	 * Task executors by name. An executor named "default" runs tasks that name none;
	 * without one, a thread pool of ten workers is used.
	 */
	private final Map<String, Executor> executors = new LinkedHashMap<>();

	/**
	 * How the scheduler stops with the application.
	 */
	private final Shutdown shutdown = new Shutdown();

	/**
	 * How task changes made inside a Spring transaction follow it.
	 */
	private final Transactions transactions = new Transactions();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public ZoneId getTimezone() {
		return this.timezone;
	}

	public void setTimezone(ZoneId timezone) {
		this.timezone = timezone;
	}

	public Duration getStartupDelay() {
		return this.startupDelay;
	}

	public void setStartupDelay(Duration startupDelay) {
		this.startupDelay = startupDelay;
	}

	public Duration getMaxWait() {
		return this.maxWait;
	}

	public void setMaxWait(Duration maxWait) {
		this.maxWait = maxWait;
	}

	public @Nullable Long getMaxTasks() {
		return this.maxTasks;
	}

	public void setMaxTasks(@Nullable Long maxTasks) {
		this.maxTasks = maxTasks;
	}

	public @Nullable Duration getFailedTaskRetention() {
		return this.failedTaskRetention;
	}

	public void setFailedTaskRetention(@Nullable Duration failedTaskRetention) {
		this.failedTaskRetention = failedTaskRetention;
	}

	public Duration getStuckTaskThreshold() {
		return this.stuckTaskThreshold;
	}

	public void setStuckTaskThreshold(Duration stuckTaskThreshold) {
		this.stuckTaskThreshold = stuckTaskThreshold;
	}

	public TaskDefaults getTaskDefaults() {
		return this.taskDefaults;
	}

	public Map<String, Store> getStores() {
		return this.stores;
	}

	public Map<String, Executor> getExecutors() {
		return this.executors;
	}

	public Shutdown getShutdown() {
		return this.shutdown;
	}

	public Transactions getTransactions() {
		return this.transactions;
	}

	/**
	 * Options for tasks that leave them unset.
	 */
	public static class TaskDefaults {

		/**
		 * Whether several missed run times of a task collapse into one run.
		 */
		private boolean coalesce = true;

		/**
		 * How many runs of one task may overlap.
		 */
		private int maxInstances = 1;

		/**
		 * How late a run may start and still count as on time; what happens to later fire
		 * times is the misfire policy's. Empty means no limit: run no matter how late.
		 */
		private @Nullable Duration misfireGraceTime = Duration.ofMinutes(1);

		/**
		 * What happens to fire times later than the misfire grace time:
		 * run-if-within-grace skips them but always runs a trigger's final one (a
		 * one-shot's only one), run-once runs the missed ones once however late,
		 * skip-if-late skips them all, a one-shot's too.
		 */
		private MisfirePolicy misfirePolicy = MisfirePolicy.RUN_IF_WITHIN_GRACE;

		/**
		 * How long a run may take before it is interrupted and counts as failed. Unset
		 * means no limit.
		 */
		private @Nullable Duration timeout;

		/**
		 * How failed runs are tried again.
		 */
		private final Retry retry = new Retry();

		/**
		 * What every cron trigger that keeps its origin's daylight-saving policies does
		 * with a wall time that does not exist (set together with dst-overlap-policy).
		 * Unset means each dialect's origin: crontab and cron fields shift by the gap,
		 * Spring and Quartz skip.
		 */
		private @Nullable DstGapPolicy dstGapPolicy;

		/**
		 * What every cron trigger that keeps its origin's daylight-saving policies does
		 * with a wall time that happens twice (set together with dst-gap-policy). Unset
		 * means each dialect's origin.
		 */
		private @Nullable DstOverlapPolicy dstOverlapPolicy;

		public @Nullable DstGapPolicy getDstGapPolicy() {
			return this.dstGapPolicy;
		}

		public void setDstGapPolicy(@Nullable DstGapPolicy dstGapPolicy) {
			this.dstGapPolicy = dstGapPolicy;
		}

		public @Nullable DstOverlapPolicy getDstOverlapPolicy() {
			return this.dstOverlapPolicy;
		}

		public void setDstOverlapPolicy(@Nullable DstOverlapPolicy dstOverlapPolicy) {
			this.dstOverlapPolicy = dstOverlapPolicy;
		}

		public boolean isCoalesce() {
			return this.coalesce;
		}

		public void setCoalesce(boolean coalesce) {
			this.coalesce = coalesce;
		}

		public int getMaxInstances() {
			return this.maxInstances;
		}

		public void setMaxInstances(int maxInstances) {
			this.maxInstances = maxInstances;
		}

		public @Nullable Duration getMisfireGraceTime() {
			return this.misfireGraceTime;
		}

		public void setMisfireGraceTime(@Nullable Duration misfireGraceTime) {
			this.misfireGraceTime = misfireGraceTime;
		}

		public MisfirePolicy getMisfirePolicy() {
			return this.misfirePolicy;
		}

		public void setMisfirePolicy(MisfirePolicy misfirePolicy) {
			this.misfirePolicy = misfirePolicy;
		}

		public @Nullable Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(@Nullable Duration timeout) {
			this.timeout = timeout;
		}

		public Retry getRetry() {
			return this.retry;
		}

	}

	/**
	 * How failed runs are tried again: up to max-attempts runs of one fire time in all,
	 * waiting initial-delay, then multiplier times longer after each failure, never
	 * longer than max-delay, each wait spread at random by up to jitter times itself.
	 */
	public static class Retry {

		/**
		 * Runs of one fire time in all, the first included; 1 means no retry.
		 */
		private int maxAttempts = 3;

		/**
		 * Wait after the first failure.
		 */
		private Duration initialDelay = Duration.ofSeconds(10);

		/**
		 * How much longer each further wait is than the one before (at least 1).
		 */
		private double multiplier = 2;

		/**
		 * Longest wait between two attempts.
		 */
		private Duration maxDelay = Duration.ofMinutes(10);

		/**
		 * Random spread of each wait, as a fraction of it between 0 and 1, so that tasks
		 * failing together do not retry together.
		 */
		private double jitter = 0.1;

		/**
		 * Fully qualified class names of the exceptions to retry, with their subclasses.
		 * Empty means every exception.
		 */
		private List<String> retryOn = new ArrayList<>();

		/**
		 * Fully qualified class names of the exceptions never to retry, with their
		 * subclasses; wins over retry-on.
		 */
		private List<String> noRetryOn = new ArrayList<>();

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialDelay() {
			return this.initialDelay;
		}

		public void setInitialDelay(Duration initialDelay) {
			this.initialDelay = initialDelay;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public Duration getMaxDelay() {
			return this.maxDelay;
		}

		public void setMaxDelay(Duration maxDelay) {
			this.maxDelay = maxDelay;
		}

		public double getJitter() {
			return this.jitter;
		}

		public void setJitter(double jitter) {
			this.jitter = jitter;
		}

		public List<String> getRetryOn() {
			return this.retryOn;
		}

		public void setRetryOn(List<String> retryOn) {
			this.retryOn = retryOn;
		}

		public List<String> getNoRetryOn() {
			return this.noRetryOn;
		}

		public void setNoRetryOn(List<String> noRetryOn) {
			this.noRetryOn = noRetryOn;
		}

	}

	/**
	 * One named task store. Its other keys belong to its type: the type's
	 * {@link TaskStoreFactory} binds them.
	 */
	public static class Store {

		/**
		 * Kind of store: memory, a persistent type whose module is on the class path
		 * (jdbc, redis), or the type of a TaskStoreFactory bean of the application.
		 */
		private String type = "memory";

		public String getType() {
			return this.type;
		}

		public void setType(String type) {
			this.type = type;
		}

	}

	/**
	 * One named task executor. Which keys apply depends on the type.
	 */
	public static class Executor {

		/**
		 * Kind of executor: thread-pool, virtual (a virtual thread per run, Java 21 or
		 * later) or bean (an Executor bean of the application).
		 */
		private String type = "thread-pool";

		/**
		 * Most threads of a thread-pool executor; further runs wait in a queue.
		 */
		private int maxWorkers = 10;

		/**
		 * Name of the java.util.concurrent.Executor bean a bean executor hands runs to.
		 */
		private @Nullable String bean;

		public String getType() {
			return this.type;
		}

		public void setType(String type) {
			this.type = type;
		}

		public int getMaxWorkers() {
			return this.maxWorkers;
		}

		public void setMaxWorkers(int maxWorkers) {
			this.maxWorkers = maxWorkers;
		}

		public @Nullable String getBean() {
			return this.bean;
		}

		public void setBean(@Nullable String bean) {
			this.bean = bean;
		}

	}

	/**
	 * How the scheduler stops with the application.
	 */
	public static class Shutdown {

		/**
		 * Whether stopping waits for runs in progress.
		 */
		private boolean awaitTermination = true;

		/**
		 * Longest wait for runs in progress when stopping.
		 */
		private Duration awaitTerminationPeriod = Duration.ofSeconds(30);

		public boolean isAwaitTermination() {
			return this.awaitTermination;
		}

		public void setAwaitTermination(boolean awaitTermination) {
			this.awaitTermination = awaitTermination;
		}

		public Duration getAwaitTerminationPeriod() {
			return this.awaitTerminationPeriod;
		}

		public void setAwaitTerminationPeriod(Duration awaitTerminationPeriod) {
			this.awaitTerminationPeriod = awaitTerminationPeriod;
		}

	}

	/**
	 * How task changes made inside a Spring transaction follow it.
	 */
	public static class Transactions {

		/**
		 * Whether task changes made inside a Spring transaction take effect only if it
		 * commits: a jdbc store on the transaction's DataSource writes them in the
		 * transaction, other stores after the commit.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

}
