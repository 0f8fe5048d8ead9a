package dev.asyncz.trigger;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Fires once, at {@code runAt}.
 *
 * @param runAt the instant to fire at
 */
public record DateTrigger(Instant runAt) implements Trigger {

	public DateTrigger {
		Objects.requireNonNull(runAt, "runAt");
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
