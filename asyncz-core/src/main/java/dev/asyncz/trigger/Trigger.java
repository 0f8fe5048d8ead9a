package dev.asyncz.trigger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides when a task runs. Fire times are UTC instants; a trigger with a zone does its
 * calendar arithmetic in that zone. Implementations are immutable values, safe to share
 * between threads, and can be written to and read from JSON by {@link TriggerJson} under
 * a stable type name.
 */
public interface Trigger {

	/** The largest number of fire times {@link #nextFireTimes} returns. */
	int MAX_PREVIEW = 100;

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
	 * Previews the fire times at or after {@code from}, changing nothing. The work is
	 * bounded: each fire time is one bounded search (an {@link AndTrigger} whose triggers
	 * never agree gives up after {@link AndTrigger#MAX_ROUNDS} rounds), and the preview
	 * ends early at the trigger's end, or if a fire time fails to move forward.
	 * @param from the earliest instant to list
	 * @param count how many fire times, 1 to {@value #MAX_PREVIEW}
	 * @return up to {@code count} fire times in increasing order; fewer if the trigger
	 * finishes first
	 * @throws InvalidTriggerException if {@code count} is out of range
	 */
	default List<Instant> nextFireTimes(Instant from, int count) {
		if (count < 1 || count > MAX_PREVIEW) {
			throw new InvalidTriggerException(
					"preview: count " + count + " is out of range 1-" + MAX_PREVIEW + " for " + describe());
		}
		List<Instant> times = new ArrayList<>(count);
		Optional<Instant> next = firstFireTime(from);
		// A date trigger's first fire time may be in the past; the preview lists only
		// what is still ahead of from.
		if (next.isPresent() && next.get().isBefore(from)) {
			next = nextFireTimeAfter(from.minusNanos(1));
		}
		while (next.isPresent() && times.size() < count) {
			Instant time = next.get();
			if (time.isBefore(from) || (!times.isEmpty() && !time.isAfter(times.get(times.size() - 1)))) {
				break;
			}
			times.add(time);
			next = nextFireTimeAfter(time);
		}
		return List.copyOf(times);
	}

	/**
	 * Describes the schedule in words, for people (logs, the actuator endpoint).
	 * @return a short English description such as "every 10 minutes"
	 */
	String describe();

}
