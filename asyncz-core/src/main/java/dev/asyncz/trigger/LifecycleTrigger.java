package dev.asyncz.trigger;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Fires once when the scheduler starts, or once when it shuts down (asyncz's
 * {@code shutdown} trigger). It has no time of its own: the scheduler fires it at that
 * moment of its life cycle, so it only lives in a memory store (a persistent task would
 * belong to every instance and none).
 *
 * <p>
 * A start task added while the scheduler is already running runs at once. A shutdown task
 * runs before the executors stop, and a graceful shutdown waits for it up to its wait.
 *
 * @param phase when it fires
 */
public record LifecycleTrigger(Phase phase) implements Trigger {

	public LifecycleTrigger {
		Objects.requireNonNull(phase, "phase");
	}

	/**
	 * Nothing before the scheduler reaches the phase.
	 * @param now the scheduler's time
	 * @return always empty: the scheduler decides when the phase comes
	 */
	@Override
	public Optional<Instant> firstFireTime(Instant now) {
		return Optional.empty();
	}

	/**
	 * Nothing after its one run.
	 * @param previous the time it ran
	 * @return always empty
	 */
	@Override
	public Optional<Instant> nextFireTimeAfter(Instant previous) {
		return Optional.empty();
	}

	@Override
	public String describe() {
		return (this.phase == Phase.START) ? "once when the scheduler starts" : "once when the scheduler shuts down";
	}

	/**
	 * The moments of the scheduler's life cycle that a task can run at.
	 */
	public enum Phase {

		/** When the scheduler starts (or at once, if it already runs). */
		START,

		/** When the scheduler shuts down, before its executors stop. */
		SHUTDOWN

	}

}
