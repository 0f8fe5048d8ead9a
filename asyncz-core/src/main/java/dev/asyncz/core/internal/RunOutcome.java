package dev.asyncz.core.internal;

import org.jspecify.annotations.Nullable;

/**
 * How a run ended.
 *
 * @param failure what it threw, or {@code null} when it succeeded
 * @param started whether it started at all (false: the executor refused it)
 */
record RunOutcome(@Nullable Throwable failure, boolean started) {

	static final RunOutcome SUCCEEDED = new RunOutcome(null, true);

	static RunOutcome failed(Throwable failure) {
		return new RunOutcome(failure, true);
	}

	static RunOutcome refused(Throwable failure) {
		return new RunOutcome(failure, false);
	}

	boolean succeeded() {
		return this.failure == null;
	}

}
