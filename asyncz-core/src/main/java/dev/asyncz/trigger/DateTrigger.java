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

	public DateTrigger {
		Objects.requireNonNull(runAt, "runAt");
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
