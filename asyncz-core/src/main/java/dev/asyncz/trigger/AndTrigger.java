package dev.asyncz.trigger;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import dev.asyncz.trigger.internal.Composites;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires at the instants all of its triggers agree on: each trigger is asked for its next
 * fire time at or after the latest candidate until all candidates are equal. Triggers
 * that never agree (or jittered ones, which rarely do) would search forever, so the
 * search gives up after {@value #MAX_ROUNDS} rounds, logs a warning and treats the
 * trigger as finished.
 *
 * @param triggers two or more triggers
 */
public record AndTrigger(List<Trigger> triggers) implements ZonedTrigger {

	/** The number of rounds after which the search for an agreed instant gives up. */
	public static final int MAX_ROUNDS = 10_000;

	private static final Logger logger = LoggerFactory.getLogger(AndTrigger.class);

	/**
	 * Checks and copies the triggers.
	 * @param triggers two or more triggers
	 * @throws InvalidTriggerException if there are fewer than two
	 */
	public AndTrigger {
		triggers = Composites.children("and", triggers);
	}

	@Override
	public Optional<Instant> firstFireTime(Instant now) {
		return agree((trigger) -> trigger.firstFireTime(now));
	}

	@Override
	public Optional<Instant> nextFireTimeAfter(Instant previous) {
		return agree((trigger) -> trigger.nextFireTimeAfter(previous));
	}

	private Optional<Instant> agree(Function<Trigger, Optional<Instant>> first) {
		List<Instant> candidates = new ArrayList<>();
		for (Trigger trigger : this.triggers) {
			Optional<Instant> candidate = first.apply(trigger);
			if (candidate.isEmpty()) {
				return Optional.empty();
			}
			candidates.add(candidate.get());
		}
		for (int round = 0; round < MAX_ROUNDS; round++) {
			Instant latest = candidates.stream().max(Instant::compareTo).orElseThrow();
			boolean agreed = true;
			for (int i = 0; i < candidates.size(); i++) {
				if (candidates.get(i).isBefore(latest)) {
					agreed = false;
					Optional<Instant> next = this.triggers.get(i).nextFireTimeAfter(latest.minusNanos(1));
					if (next.isEmpty()) {
						return Optional.empty();
					}
					candidates.set(i, next.get());
				}
			}
			if (agreed) {
				return Optional.of(latest);
			}
		}
		logger.warn("Triggers {} found no common fire time within {} rounds; treating the trigger as finished",
				describe(), MAX_ROUNDS);
		return Optional.empty();
	}

	/**
	 * The zone: {@code null} while any zoned child has none, else the first zoned
	 * child's.
	 * @return the zone or {@code null}
	 */
	@Override
	public @Nullable ZoneId zone() {
		return Composites.zone(this.triggers);
	}

	/**
	 * Gives the zone to every zoned child that has none.
	 * @param zone the default zone
	 * @return the copy
	 */
	@Override
	public AndTrigger inZone(ZoneId zone) {
		return new AndTrigger(Composites.inZone(this.triggers, zone));
	}

	@Override
	public String describe() {
		return Composites.describe("all of", this.triggers);
	}

}
