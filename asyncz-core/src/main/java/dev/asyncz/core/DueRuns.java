package dev.asyncz.core;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What {@link Scheduler#runDueTasks()} did.
 *
 * @param runs how many runs it started (and, on the calling thread, finished)
 * @param nextDue when anything is due next, as the scheduler sees it, or {@code null} for
 * nothing known
 */
public record DueRuns(int runs, @Nullable Instant nextDue) {

	/**
	 * When anything is due next.
	 * @return the time, or empty for nothing known
	 */
	public Optional<Instant> next() {
		return Optional.ofNullable(this.nextDue);
	}

}
