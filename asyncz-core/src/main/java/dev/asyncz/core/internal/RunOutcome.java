package dev.asyncz.core.internal;

import org.jspecify.annotations.Nullable;

/**
 * How a run ended.
 *
 * @param failure what it threw (or why it could not start), or {@code null} when it
 * succeeded
 * @param unrunnable whether it did not start because this instance cannot run the task
 * (its function is unknown here, or the arguments do not bind to it): another instance
 * may
 */
record RunOutcome(@Nullable Throwable failure, boolean unrunnable) {

	static final RunOutcome SUCCEEDED = new RunOutcome(null, false);

	static RunOutcome failed(Throwable failure) {
		return new RunOutcome(failure, false);
	}

	static RunOutcome unrunnable(Throwable why) {
		return new RunOutcome(why, true);
	}

	boolean succeeded() {
		return this.failure == null;
	}

}
