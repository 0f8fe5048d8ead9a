package dev.asyncz.trigger;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import dev.asyncz.trigger.internal.Composites;
import org.jspecify.annotations.Nullable;

/**
 * Fires whenever any of its triggers fires: the earliest of their fire times. It finishes
 * when all of them have.
 *
 * @param triggers two or more triggers
 */
public record OrTrigger(List<Trigger> triggers) implements ZonedTrigger {

	/**
	 * Checks and copies the triggers.
	 * @param triggers two or more triggers
	 * @throws InvalidTriggerException if there are fewer than two
	 */
	public OrTrigger {
		triggers = Composites.children("or", triggers);
	}

	@Override
	public Optional<Instant> firstFireTime(Instant now) {
		return earliest((trigger) -> trigger.firstFireTime(now));
	}

	@Override
	public Optional<Instant> nextFireTimeAfter(Instant previous) {
		return earliest((trigger) -> trigger.nextFireTimeAfter(previous));
	}

	private Optional<Instant> earliest(Function<Trigger, Optional<Instant>> fireTime) {
		return this.triggers.stream().map(fireTime).flatMap(Optional::stream).min(Instant::compareTo);
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
	public OrTrigger inZone(ZoneId zone) {
		return new OrTrigger(Composites.inZone(this.triggers, zone));
	}

	@Override
	public String describe() {
		return Composites.describe("any of", this.triggers);
	}

}
