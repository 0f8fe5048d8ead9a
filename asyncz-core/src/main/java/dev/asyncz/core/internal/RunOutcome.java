package dev.asyncz.core.internal;

import org.jspecify.annotations.Nullable;

/**
 * How a run ended.
 *
 * @param failure what it threw (or why it could not start), or {@code null} when it
 * succeeded
 */
record RunOutcome(@Nullable Throwable failure) {

	static final RunOutcome SUCCEEDED = new RunOutcome(null);

	static RunOutcome failed(Throwable failure) {
		return new RunOutcome(failure);
	}

	boolean succeeded() {
		return this.failure == null;
	}

}
