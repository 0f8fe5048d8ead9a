package dev.asyncz.task;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

import org.jspecify.annotations.Nullable;

/**
 * How a failed run is tried again: up to {@code maxAttempts} runs of one fire time in
 * all, waiting {@code initialDelay}, then {@code multiplier} times longer after each
 * failure, never longer than {@code maxDelay}, each wait spread by up to
 * {@code ±jitter × delay} so that many tasks failing together do not retry together.
 *
 * <p>
 * Which errors are retried: those whose class, or a superclass, is named in
 * {@code retryOn} (every error when it is empty), unless named in {@code noRetryOn},
 * which wins. Types are named by class name so that a stored task's policy never needs to
 * load a class; {@link InvalidTaskException} (a function that is not registered, an
 * executor that does not exist) is never retried.
 *
 * @param maxAttempts runs of one fire time in all, at least 1 (1: no retry)
 * @param initialDelay the wait after the first failure
 * @param multiplier how much longer each further wait is (at least 1)
 * @param maxDelay the longest wait
 * @param jitter the random spread of each wait, between 0 and 1
 * @param retryOn class names of errors to retry; empty for every error
 * @param noRetryOn class names of errors never to retry
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay, double jitter,
		List<String> retryOn, List<String> noRetryOn) {

	/** One attempt: a failed run is not tried again. */
	public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ofSeconds(10), 2, Duration.ofMinutes(10), 0,
			List.of(), List.of());

	/**
	 * The default: three attempts, 10 s then 20 s apart (±10 %), every error but an
	 * invalid task.
	 */
	public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofSeconds(10), 2, Duration.ofMinutes(10), 0.1,
			List.of(), List.of());

	public RetryPolicy {
		Objects.requireNonNull(initialDelay, "initialDelay");
		Objects.requireNonNull(maxDelay, "maxDelay");
		if (maxAttempts < 1) {
			throw new InvalidTaskException("retry maxAttempts must be at least 1, was " + maxAttempts);
		}
		if (initialDelay.isNegative() || maxDelay.isNegative()) {
			throw new InvalidTaskException(
					"retry delays must not be negative, were " + initialDelay + " and " + maxDelay);
		}
		if (!(multiplier >= 1) || Double.isInfinite(multiplier)) {
			throw new InvalidTaskException("retry multiplier must be at least 1, was " + multiplier);
		}
		if (!(jitter >= 0 && jitter <= 1)) {
			throw new InvalidTaskException("retry jitter must be between 0 and 1, was " + jitter);
		}
		retryOn = List.copyOf(retryOn);
		noRetryOn = List.copyOf(noRetryOn);
	}

	/**
	 * A policy of {@code maxAttempts} runs in all, waiting {@code delay} between them.
	 * @param maxAttempts runs of one fire time in all
	 * @param delay the wait between two runs
	 * @return the policy
	 */
	public static RetryPolicy fixed(int maxAttempts, Duration delay) {
		return new RetryPolicy(maxAttempts, delay, 1, delay, 0, List.of(), List.of());
	}

	/**
	 * A policy of {@code maxAttempts} runs in all, waiting {@code initialDelay}, then
	 * twice as long each time, up to {@code maxDelay}, without jitter.
	 * @param maxAttempts runs of one fire time in all
	 * @param initialDelay the first wait
	 * @param maxDelay the longest wait
	 * @return the policy
	 */
	public static RetryPolicy exponential(int maxAttempts, Duration initialDelay, Duration maxDelay) {
		return new RetryPolicy(maxAttempts, initialDelay, 2, maxDelay, 0, List.of(), List.of());
	}

	/**
	 * A copy with another random spread.
	 * @param jitter between 0 and 1
	 * @return the copy
	 */
	public RetryPolicy withJitter(double jitter) {
		return new RetryPolicy(this.maxAttempts, this.initialDelay, this.multiplier, this.maxDelay, jitter,
				this.retryOn, this.noRetryOn);
	}

	/**
	 * A copy that retries only errors of these types (and their subclasses).
	 * @param types the error types
	 * @return the copy
	 */
	@SafeVarargs
	public final RetryPolicy retryOn(Class<? extends Throwable>... types) {
		return new RetryPolicy(this.maxAttempts, this.initialDelay, this.multiplier, this.maxDelay, this.jitter,
				names(types), this.noRetryOn);
	}

	/**
	 * A copy that never retries errors of these types (and their subclasses).
	 * @param types the error types
	 * @return the copy
	 */
	@SafeVarargs
	public final RetryPolicy noRetryOn(Class<? extends Throwable>... types) {
		return new RetryPolicy(this.maxAttempts, this.initialDelay, this.multiplier, this.maxDelay, this.jitter,
				this.retryOn, names(types));
	}

	/**
	 * Whether a run that failed with {@code error} after {@code attempts} runs is tried
	 * again.
	 * @param error what the run threw
	 * @param attempts runs of this fire time so far, the failed one included
	 * @return true to retry
	 */
	public boolean retries(Throwable error, int attempts) {
		if (attempts >= this.maxAttempts || error instanceof InvalidTaskException) {
			return false;
		}
		if (matches(error, this.noRetryOn)) {
			return false;
		}
		return this.retryOn.isEmpty() || matches(error, this.retryOn);
	}

	/**
	 * The wait before the next run.
	 * @param attempts runs of this fire time so far, all failed (at least 1)
	 * @param random the source of jitter
	 * @return the wait, never negative
	 */
	public Duration delayAfter(int attempts, RandomGenerator random) {
		double nanos = this.initialDelay.toNanos() * Math.pow(this.multiplier, Math.max(0, attempts - 1));
		nanos = Math.min(nanos, this.maxDelay.toNanos());
		if (this.jitter > 0) {
			nanos += nanos * this.jitter * (2 * random.nextDouble() - 1);
		}
		return Duration.ofNanos((long) Math.max(0, nanos));
	}

	private static boolean matches(Throwable error, List<String> typeNames) {
		for (Class<?> type = error.getClass(); type != null; type = type.getSuperclass()) {
			if (typeNames.contains(type.getName())) {
				return true;
			}
		}
		return false;
	}

	private static List<String> names(Class<?> @Nullable [] types) {
		if (types == null) {
			return List.of();
		}
		String[] names = new String[types.length];
		for (int i = 0; i < types.length; i++) {
			names[i] = types[i].getName();
		}
		return List.of(names);
	}

}
