package dev.asyncz.core;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Options a task takes when its request leaves them unset.
 *
 * @param coalesce whether several missed run times collapse into one run
 * @param maxInstances how many runs of one task may overlap
 * @param misfireGraceTime how late a run may start; {@code null} for no limit
 */
public record TaskDefaults(boolean coalesce, int maxInstances, @Nullable Duration misfireGraceTime) {

	/** Coalesce, one instance, one second of grace: the asyncz defaults. */
	public static final TaskDefaults STANDARD = new TaskDefaults(true, 1, Duration.ofSeconds(1));

	public TaskDefaults {
		if (maxInstances < 1) {
			throw new IllegalArgumentException("maxInstances must be at least 1, was " + maxInstances);
		}
	}

}
