package dev.asyncz.task;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How the runs of one fire time failed, kept with the task so that retries survive
 * restarts and move between instances.
 *
 * @param fireTime the fire time whose runs failed; a retry runs for this fire time again
 * @param attempts how many runs of it failed so far (at least 1)
 * @param errorType the class name of the last error
 * @param message the last error's message, at most {@link #MAX_MESSAGE_LENGTH} characters
 * @param failedAt when the last run failed
 * @param exhausted whether no retry is left: a one-shot then stays in the failed state
 * until someone runs or deletes it; a recurring task goes on with its next fire time
 */
public record TaskFailure(Instant fireTime, int attempts, String errorType, @Nullable String message, Instant failedAt,
		boolean exhausted) {

	/** The most characters of an error message kept. */
	public static final int MAX_MESSAGE_LENGTH = 1000;

	public TaskFailure {
		Objects.requireNonNull(fireTime, "fireTime");
		Objects.requireNonNull(errorType, "errorType");
		Objects.requireNonNull(failedAt, "failedAt");
		if (attempts < 1) {
			throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
		}
		if (message != null && message.length() > MAX_MESSAGE_LENGTH) {
			message = message.substring(0, MAX_MESSAGE_LENGTH - 1) + "…";
		}
	}

	/**
	 * The failure a run ended with.
	 * @param fireTime the fire time of the run
	 * @param attempts failed runs of that fire time, this one included
	 * @param error what the run threw
	 * @param failedAt when it failed
	 * @param exhausted whether no retry is left
	 * @return the failure
	 */
	public static TaskFailure of(Instant fireTime, int attempts, Throwable error, Instant failedAt, boolean exhausted) {
		return new TaskFailure(fireTime, attempts, error.getClass().getName(), error.getMessage(), failedAt, exhausted);
	}

}
