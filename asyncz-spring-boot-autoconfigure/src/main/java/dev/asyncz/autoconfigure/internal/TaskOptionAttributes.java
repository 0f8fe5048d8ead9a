package dev.asyncz.autoconfigure.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import dev.asyncz.annotation.ScheduledTask;
import dev.asyncz.annotation.TaskFunction;
import dev.asyncz.task.MisfirePolicy;
import dev.asyncz.task.RetryPolicy;
import dev.asyncz.task.TaskOptions;
import org.jspecify.annotations.Nullable;

/**
 * The task options that {@link ScheduledTask @ScheduledTask} and
 * {@link TaskFunction @TaskFunction} both declare, with the same names and meanings: the
 * misfire grace time and policy, the timeout, and the retry policy. An attribute left at
 * its default sets nothing, so the option comes from elsewhere.
 */
final class TaskOptionAttributes {

	/** The value of a numeric attribute that is not set. */
	static final int UNSET = -1;

	private static final String MISFIRE_POLICIES = "run-if-within-grace, run-once or skip-if-late";

	private final String misfireGraceTime;

	private final String misfirePolicy;

	private final String timeout;

	private final int retryMaxAttempts;

	private final String retryInitialDelay;

	private final double retryMultiplier;

	private final String retryMaxDelay;

	private final double retryJitter;

	private final Class<? extends Throwable>[] retryOn;

	private final Class<? extends Throwable>[] noRetryOn;

	private TaskOptionAttributes(String misfireGraceTime, String misfirePolicy, String timeout, int retryMaxAttempts,
			String retryInitialDelay, double retryMultiplier, String retryMaxDelay, double retryJitter,
			Class<? extends Throwable>[] retryOn, Class<? extends Throwable>[] noRetryOn) {
		this.misfireGraceTime = misfireGraceTime;
		this.misfirePolicy = misfirePolicy;
		this.timeout = timeout;
		this.retryMaxAttempts = retryMaxAttempts;
		this.retryInitialDelay = retryInitialDelay;
		this.retryMultiplier = retryMultiplier;
		this.retryMaxDelay = retryMaxDelay;
		this.retryJitter = retryJitter;
		this.retryOn = retryOn;
		this.noRetryOn = noRetryOn;
	}

	static TaskOptionAttributes of(ScheduledTask a) {
		return new TaskOptionAttributes(a.misfireGraceTime(), a.misfirePolicy(), a.timeout(), a.retryMaxAttempts(),
				a.retryInitialDelay(), a.retryMultiplier(), a.retryMaxDelay(), a.retryJitter(), a.retryOn(),
				a.noRetryOn());
	}

	static TaskOptionAttributes of(TaskFunction a) {
		return new TaskOptionAttributes(a.misfireGraceTime(), a.misfirePolicy(), a.timeout(), a.retryMaxAttempts(),
				a.retryInitialDelay(), a.retryMultiplier(), a.retryMaxDelay(), a.retryJitter(), a.retryOn(),
				a.noRetryOn());
	}

	/**
	 * Sets the options these attributes give.
	 * @param reader reads the attributes and reports bad values
	 * @param options the options so far
	 * @param inheritedRetry the retry policy the task would have without these
	 * attributes: the retry attributes left unset take its values
	 * @return the options with those set here
	 */
	TaskOptions applyTo(AttributeReader reader, TaskOptions options, Supplier<RetryPolicy> inheritedRetry) {
		TaskOptions result = options;
		String grace = reader.text("misfireGraceTime", this.misfireGraceTime);
		if ("none".equalsIgnoreCase(grace)) {
			result = result.withMisfireGraceTime(TaskOptions.NO_LIMIT);
		}
		else if (grace != null) {
			result = result.withMisfireGraceTime(
					reader.nonNegative("misfireGraceTime", reader.duration("misfireGraceTime", grace)));
		}
		String policy = reader.text("misfirePolicy", this.misfirePolicy);
		if (policy != null) {
			result = result.withMisfirePolicy(misfirePolicy(reader, policy));
		}
		String timeout = reader.text("timeout", this.timeout);
		if ("none".equalsIgnoreCase(timeout)) {
			result = result.withTimeout(TaskOptions.NO_LIMIT);
		}
		else if (timeout != null) {
			Duration limit = reader.duration("timeout", timeout);
			if (limit.isNegative() || limit.isZero()) {
				throw reader.fail("timeout", "must be positive, was \"" + timeout + "\"",
						"Write a positive duration such as 30s or 10m, or none for no time limit.");
			}
			result = result.withTimeout(limit);
		}
		RetryPolicy retry = retry(reader, inheritedRetry);
		return (retry != null) ? result.withRetry(retry) : result;
	}

	private @Nullable RetryPolicy retry(AttributeReader reader, Supplier<RetryPolicy> inheritedRetry) {
		Duration initialDelay = reader.optionalDuration("retryInitialDelay", this.retryInitialDelay);
		Duration maxDelay = reader.optionalDuration("retryMaxDelay", this.retryMaxDelay);
		if (this.retryMaxAttempts == UNSET && initialDelay == null && this.retryMultiplier == UNSET && maxDelay == null
				&& this.retryJitter == UNSET && this.retryOn.length == 0 && this.noRetryOn.length == 0) {
			return null;
		}
		if (this.retryMaxAttempts != UNSET && this.retryMaxAttempts < 1) {
			throw reader.fail("retryMaxAttempts", "must be at least 1, was " + this.retryMaxAttempts,
					"Set 1 for no retry, or more; or leave it out for the default.");
		}
		if (this.retryMultiplier != UNSET
				&& (!(this.retryMultiplier >= 1) || Double.isInfinite(this.retryMultiplier))) {
			throw reader.fail("retryMultiplier", "must be at least 1, was " + this.retryMultiplier,
					"Set 1 for equal waits, or more, such as 2 to double each wait; or leave it out for the default.");
		}
		if (this.retryJitter != UNSET && !(this.retryJitter >= 0 && this.retryJitter <= 1)) {
			throw reader.fail("retryJitter", "must be between 0 and 1, was " + this.retryJitter,
					"Set a fraction of each wait such as 0.1, or 0 for none; or leave it out for the default.");
		}
		RetryPolicy inherited = inheritedRetry.get();
		return new RetryPolicy((this.retryMaxAttempts != UNSET) ? this.retryMaxAttempts : inherited.maxAttempts(),
				(initialDelay != null) ? reader.nonNegative("retryInitialDelay", initialDelay)
						: inherited.initialDelay(),
				(this.retryMultiplier != UNSET) ? this.retryMultiplier : inherited.multiplier(),
				(maxDelay != null) ? reader.nonNegative("retryMaxDelay", maxDelay) : inherited.maxDelay(),
				(this.retryJitter != UNSET) ? this.retryJitter : inherited.jitter(),
				(this.retryOn.length > 0) ? names(this.retryOn) : inherited.retryOn(),
				(this.noRetryOn.length > 0) ? names(this.noRetryOn) : inherited.noRetryOn());
	}

	private static MisfirePolicy misfirePolicy(AttributeReader reader, String value) {
		String constant = value.toUpperCase(Locale.ROOT).replace('-', '_');
		for (MisfirePolicy policy : MisfirePolicy.values()) {
			if (policy.name().equals(constant)) {
				return policy;
			}
		}
		throw reader.fail("misfirePolicy", "\"" + value + "\" is not a misfire policy",
				"Write " + MISFIRE_POLICIES + ", or leave it empty for the default.");
	}

	private static List<String> names(Class<?>[] types) {
		return Arrays.stream(types).map(Class::getName).toList();
	}

}
