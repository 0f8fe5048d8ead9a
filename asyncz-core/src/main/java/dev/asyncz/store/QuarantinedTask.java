package dev.asyncz.store;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A stored task that could not be read and was set aside: its data is kept, untouched,
 * until a person retries it (after fixing the data, or the code that reads it) or deletes
 * it.
 *
 * @param taskId the id the data is stored under
 * @param store the name of the store holding it
 * @param reason why it could not be read, as it was when it was last tried
 * @param dataSize how many characters of stored data it has
 * @param quarantinedAt when it was set aside, by the scheduler's clock; {@code null} for
 * data set aside by a version that did not record the time
 */
public record QuarantinedTask(String taskId, String store, String reason, long dataSize,
		@Nullable Instant quarantinedAt) {

	/**
	 * Checks the values.
	 * @param taskId the id the data is stored under
	 * @param store the name of the store holding it
	 * @param reason why it could not be read
	 * @param dataSize how many characters of stored data it has
	 * @param quarantinedAt when it was set aside, or {@code null} when unknown
	 */
	public QuarantinedTask {
		Objects.requireNonNull(taskId, "taskId");
		Objects.requireNonNull(store, "store");
		Objects.requireNonNull(reason, "reason");
		if (dataSize < 0) {
			throw new IllegalArgumentException("dataSize must not be negative, was " + dataSize);
		}
	}

}
