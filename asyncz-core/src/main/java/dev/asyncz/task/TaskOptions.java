package dev.asyncz.task;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

/**
 * How a task runs, apart from what it runs and when: the one place each task option is
 * declared. A {@link Task} holds complete options; a {@link TaskRequest} or
 * {@link TaskUpdate} holds partial ones, where an unset ({@code null}) option is taken
 * from the function's or the scheduler's defaults or the task's current value
 * ({@link #orElse}).
 *
 * <p>
 * Values are immutable and shared: tasks that take the defaults all point at the one
 * defaults instance, so options cost a waiting task nothing.
 *
 * @param coalesce whether several fire times that may still run collapse into one run
 * @param maxInstances how many runs of one task may overlap (at least 1)
 * @param misfireGraceTime how late a run may start and still count as on time;
 * {@link #NO_LIMIT} for no limit
 * @param misfirePolicy what happens to fire times later than the grace time
 * @param retry how failed runs are tried again
 * @param timeout how long a run may take before it is interrupted and counts as failed;
 * {@link #NO_LIMIT} for no limit
 */
public record TaskOptions(@Nullable Boolean coalesce, @Nullable Integer maxInstances,
		@Nullable Duration misfireGraceTime, @Nullable MisfirePolicy misfirePolicy, @Nullable RetryPolicy retry,
		@Nullable Duration timeout) {

	/** A duration longer than any: no limit on lateness or run time. */
	public static final Duration NO_LIMIT = ChronoUnit.FOREVER.getDuration();

	/** Nothing set: every option comes from elsewhere. */
	public static final TaskOptions UNSET = new TaskOptions(null, null, null, null, null, null);

	/**
	 * The defaults: coalesce, one instance, a minute of grace (like Quartz's misfire
	 * threshold), {@link MisfirePolicy#RUN_IF_WITHIN_GRACE}, {@link RetryPolicy#DEFAULT},
	 * no timeout.
	 */
	public static final TaskOptions STANDARD = new TaskOptions(true, 1, Duration.ofMinutes(1),
			MisfirePolicy.RUN_IF_WITHIN_GRACE, RetryPolicy.DEFAULT, NO_LIMIT);

	/**
	 * Only "no misfire limit" set: what {@code noMisfireLimit()} on a fresh request
	 * makes, as one-shot tasks added in bulk often ask. One shared value spares each of
	 * them an allocation, and lets the scheduler find the options merged with its
	 * defaults by identity.
	 */
	private static final TaskOptions NO_MISFIRE_LIMIT_ONLY = new TaskOptions(null, null, NO_LIMIT, null, null, null);

	public TaskOptions {
		if (maxInstances != null && maxInstances < 1) {
			throw new InvalidTaskException("maxInstances must be at least 1, was " + maxInstances);
		}
		if (misfireGraceTime != null && misfireGraceTime.isNegative()) {
			throw new InvalidTaskException("misfireGraceTime must not be negative, was " + misfireGraceTime);
		}
		if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
			throw new InvalidTaskException("timeout must be positive, was " + timeout);
		}
	}

	/**
	 * Coalescing, overlap and grace time set; the other options unset.
	 * @param coalesce whether fire times that may still run collapse into one run
	 * @param maxInstances how many runs may overlap
	 * @param misfireGraceTime how late a run may start and still count as on time
	 */
	public TaskOptions(@Nullable Boolean coalesce, @Nullable Integer maxInstances,
			@Nullable Duration misfireGraceTime) {
		this(coalesce, maxInstances, misfireGraceTime, null, null, null);
	}

	/**
	 * These options with every unset one taken from {@code fallback}.
	 * @param fallback the options to fall back on, usually complete
	 * @return {@code fallback} itself when nothing here is set (so defaults stay shared),
	 * otherwise the merge
	 */
	public TaskOptions orElse(TaskOptions fallback) {
		if (this.equals(UNSET) || this.equals(fallback)) {
			return fallback;
		}
		return new TaskOptions((this.coalesce != null) ? this.coalesce : fallback.coalesce,
				(this.maxInstances != null) ? this.maxInstances : fallback.maxInstances,
				(this.misfireGraceTime != null) ? this.misfireGraceTime : fallback.misfireGraceTime,
				(this.misfirePolicy != null) ? this.misfirePolicy : fallback.misfirePolicy,
				(this.retry != null) ? this.retry : fallback.retry,
				(this.timeout != null) ? this.timeout : fallback.timeout);
	}

	/**
	 * Whether every option is set, as a stored task's options are.
	 * @return true if none is {@code null}
	 */
	public boolean complete() {
		return this.coalesce != null && this.maxInstances != null && this.misfireGraceTime != null
				&& this.misfirePolicy != null && this.retry != null && this.timeout != null;
	}

	/**
	 * Whether runs have a limit on how late they may start.
	 * @return false for {@link #NO_LIMIT} or when unset
	 */
	public boolean hasMisfireLimit() {
		return this.misfireGraceTime != null && !NO_LIMIT.equals(this.misfireGraceTime);
	}

	/**
	 * Whether runs have a limit on how long they may take.
	 * @return false for {@link #NO_LIMIT} or when unset
	 */
	public boolean hasTimeout() {
		return this.timeout != null && !NO_LIMIT.equals(this.timeout);
	}

	/**
	 * A copy with {@code coalesce} set.
	 * @param coalesce whether fire times that may still run collapse into one
	 * @return the copy
	 */
	public TaskOptions withCoalesce(boolean coalesce) {
		return new TaskOptions(coalesce, this.maxInstances, this.misfireGraceTime, this.misfirePolicy, this.retry,
				this.timeout);
	}

	/**
	 * A copy with {@code maxInstances} set.
	 * @param maxInstances how many runs may overlap
	 * @return the copy
	 */
	public TaskOptions withMaxInstances(int maxInstances) {
		return new TaskOptions(this.coalesce, maxInstances, this.misfireGraceTime, this.misfirePolicy, this.retry,
				this.timeout);
	}

	/**
	 * A copy with the misfire grace time set.
	 * @param misfireGraceTime how late a run may start; {@code null} or {@link #NO_LIMIT}
	 * for no limit
	 * @return the copy
	 */
	public TaskOptions withMisfireGraceTime(@Nullable Duration misfireGraceTime) {
		Duration grace = (misfireGraceTime != null) ? misfireGraceTime : NO_LIMIT;
		if (this == UNSET && grace.equals(NO_LIMIT)) {
			return NO_MISFIRE_LIMIT_ONLY;
		}
		return new TaskOptions(this.coalesce, this.maxInstances, grace, this.misfirePolicy, this.retry, this.timeout);
	}

	/**
	 * A copy with the misfire policy set.
	 * @param misfirePolicy what happens to late fire times
	 * @return the copy
	 */
	public TaskOptions withMisfirePolicy(MisfirePolicy misfirePolicy) {
		return new TaskOptions(this.coalesce, this.maxInstances, this.misfireGraceTime, misfirePolicy, this.retry,
				this.timeout);
	}

	/**
	 * A copy with the retry policy set.
	 * @param retry how failed runs are tried again
	 * @return the copy
	 */
	public TaskOptions withRetry(RetryPolicy retry) {
		return new TaskOptions(this.coalesce, this.maxInstances, this.misfireGraceTime, this.misfirePolicy, retry,
				this.timeout);
	}

	/**
	 * A copy with the timeout set.
	 * @param timeout how long a run may take; {@code null} or {@link #NO_LIMIT} for no
	 * limit
	 * @return the copy
	 */
	public TaskOptions withTimeout(@Nullable Duration timeout) {
		return new TaskOptions(this.coalesce, this.maxInstances, this.misfireGraceTime, this.misfirePolicy, this.retry,
				(timeout != null) ? timeout : NO_LIMIT);
	}

	/**
	 * The option setters that {@link TaskRequest.Builder} and {@link TaskUpdate} share,
	 * written once: each sets one option on the options collected so far.
	 *
	 * @param <B> the implementing type, returned for chaining
	 */
	public interface Setters<B extends Setters<B>> {

		/**
		 * The options collected so far.
		 * @return the options, partial
		 */
		TaskOptions options();

		/**
		 * Replaces the options collected so far.
		 * @param options the options; unset ones are taken from elsewhere
		 * @return this
		 */
		B options(TaskOptions options);

		/**
		 * Sets whether several missed run times collapse into one run.
		 * @param coalesce true to collapse
		 * @return this
		 */
		default B coalesce(boolean coalesce) {
			return options(options().withCoalesce(coalesce));
		}

		/**
		 * Sets how many runs of the task may overlap.
		 * @param maxInstances at least 1
		 * @return this
		 */
		default B maxInstances(int maxInstances) {
			return options(options().withMaxInstances(maxInstances));
		}

		/**
		 * Sets how late a run may start and still run.
		 * @param misfireGraceTime the grace time, or {@code null} for no limit
		 * @return this
		 */
		default B misfireGraceTime(@Nullable Duration misfireGraceTime) {
			return options(options().withMisfireGraceTime(misfireGraceTime));
		}

		/**
		 * Lets the task run no matter how late it is.
		 * @return this
		 */
		default B noMisfireLimit() {
			return misfireGraceTime(NO_LIMIT);
		}

		/**
		 * Sets what happens to fire times later than the grace time.
		 * @param misfirePolicy the policy
		 * @return this
		 */
		default B misfirePolicy(MisfirePolicy misfirePolicy) {
			return options(options().withMisfirePolicy(misfirePolicy));
		}

		/**
		 * Sets how failed runs are tried again.
		 * @param retry the policy; {@link RetryPolicy#NONE} for no retry
		 * @return this
		 */
		default B retry(RetryPolicy retry) {
			return options(options().withRetry(retry));
		}

		/**
		 * Sets how long a run may take before it is interrupted and counts as failed.
		 * @param timeout the limit, or {@code null} for none
		 * @return this
		 */
		default B timeout(@Nullable Duration timeout) {
			return options(options().withTimeout(timeout));
		}

	}

}
