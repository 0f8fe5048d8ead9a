package dev.asyncz.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.asyncz.trigger.Trigger;

/**
 * A test trigger firing at {@code anchor + n * period}, kept apart from the real interval
 * trigger so that these tests pin the loop's behaviour, not a trigger's.
 */
record EveryTrigger(Instant anchor, Duration period) implements Trigger {

	@Override
	public Optional<Instant> firstFireTime(Instant now) {
		return nextFireTimeAfter(now.minusNanos(1));
	}

	@Override
	public Optional<Instant> nextFireTimeAfter(Instant previous) {
		if (previous.isBefore(this.anchor)) {
			return Optional.of(this.anchor);
		}
		long periods = Duration.between(this.anchor, previous).dividedBy(this.period) + 1;
		return Optional.of(this.anchor.plus(this.period.multipliedBy(periods)));
	}

	@Override
	public String describe() {
		return "every " + this.period + " from " + this.anchor;
	}

}
