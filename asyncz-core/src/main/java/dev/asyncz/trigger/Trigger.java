package dev.asyncz.trigger;

import java.time.Instant;
import java.util.Optional;

/**
 * Decides when a task runs. Fire times are UTC instants; a trigger with a zone does its
 * calendar arithmetic in that zone. Implementations are immutable values, safe to share
 * between threads, and can be written to and read from JSON by {@link TriggerJson} under
 * a stable type name.
 */
public interface Trigger {

	/**
	 * The first fire time of a task added at {@code now}: for a date trigger its date
	 * (even if past, so misfire rules can judge it), for a recurring trigger the earliest
	 * fire time at or after both its start and {@code now}.
	 * @param now the scheduler's current time
	 * @return the first fire time, or empty if the trigger will never fire
	 */
	Optional<Instant> firstFireTime(Instant now);

	/**
	 * The earliest fire time strictly after {@code previous}.
	 * @param previous a fire time this trigger produced (jitter included)
	 * @return the next fire time, or empty once the trigger has finished
	 */
	Optional<Instant> nextFireTimeAfter(Instant previous);

	/**
	 * Describes the schedule in words, for people (logs, the actuator endpoint).
	 * @return a short English description such as "every 10 minutes"
	 */
	String describe();

}
