package dev.asyncz.trigger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Fires once, at {@code runAt}.
 *
 * @param runAt the instant to fire at, kept to the microsecond
 */
public record DateTrigger(Instant runAt) implements Trigger {

	/** The earliest instant a one-shot may have: every store can hold it. */
	public static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");

	/** The latest instant a one-shot may have: every store can hold it. */
	public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

	public DateTrigger {
		Objects.requireNonNull(runAt, "runAt");
		if (runAt.isBefore(EARLIEST) || runAt.isAfter(LATEST)) {
			throw new InvalidTriggerException(
					"runAt: " + runAt + " is outside the times every store can hold, " + EARLIEST + " to " + LATEST);
		}
		// Kept to the microsecond, as every store keeps a fire time: the task's next run
		// time is then this very instant, not a truncated copy of it.
		if (runAt.getNano() % 1000 != 0) {
			runAt = runAt.truncatedTo(ChronoUnit.MICROS);
		}
	}

	@Override
	public Optional<Instant> firstFireTime(Instant now) {
		return Optional.of(this.runAt);
	}

	@Override
	public Optional<Instant> nextFireTimeAfter(Instant previous) {
		return previous.isBefore(this.runAt) ? Optional.of(this.runAt) : Optional.empty();
	}

	@Override
	public String describe() {
		return "once at " + this.runAt;
	}

}
