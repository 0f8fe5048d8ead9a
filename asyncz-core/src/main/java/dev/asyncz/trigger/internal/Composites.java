package dev.asyncz.trigger.internal;

import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

import dev.asyncz.trigger.InvalidTriggerException;
import dev.asyncz.trigger.Trigger;
import dev.asyncz.trigger.ZonedTrigger;
import org.jspecify.annotations.Nullable;

/**
 * What the and/or triggers share: checking their children and passing the default zone
 * down.
 */
public final class Composites {

	private Composites() {
	}

	/**
	 * Copies and checks the children.
	 * @param kind "and" or "or", for the message
	 * @param triggers the children
	 * @return an unmodifiable copy
	 * @throws InvalidTriggerException if there are fewer than two
	 */
	public static List<Trigger> children(String kind, List<Trigger> triggers) {
		List<Trigger> copy = List.copyOf(triggers);
		if (copy.size() < 2) {
			throw new InvalidTriggerException(kind + ": needs at least two triggers, got " + copy.size());
		}
		return copy;
	}

	/**
	 * The zone of a composite: {@code null} while any zoned child still waits for the
	 * scheduler's default, else the zone of the first zoned child.
	 * @param triggers the children
	 * @return the zone or {@code null}
	 */
	public static @Nullable ZoneId zone(List<Trigger> triggers) {
		ZoneId first = null;
		for (Trigger trigger : triggers) {
			if (trigger instanceof ZonedTrigger zoned) {
				if (zoned.zone() == null) {
					return null;
				}
				first = (first != null) ? first : zoned.zone();
			}
		}
		return first;
	}

	/**
	 * Gives the zone to every zoned child that has none.
	 * @param triggers the children
	 * @param zone the default zone
	 * @return the new children
	 */
	public static List<Trigger> inZone(List<Trigger> triggers, ZoneId zone) {
		return triggers.stream()
			.map((trigger) -> (trigger instanceof ZonedTrigger zoned && zoned.zone() == null) ? zoned.inZone(zone)
					: trigger)
			.toList();
	}

	/**
	 * Describes the children.
	 * @param prefix "all of" or "any of"
	 * @param triggers the children
	 * @return such as {@code any of [every 10 minutes, cron '0 8 * * *']}
	 */
	public static String describe(String prefix, List<Trigger> triggers) {
		return triggers.stream().map(Trigger::describe).collect(Collectors.joining(", ", prefix + " [", "]"));
	}

}
