package dev.asyncz.trigger;

import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

/**
 * A trigger that does calendar arithmetic in a zone. Built without one, it takes the
 * scheduler's default zone when its task is added.
 */
public interface ZonedTrigger extends Trigger {

	/**
	 * The zone, or {@code null} when the scheduler's default applies.
	 * @return the zone
	 */
	@Nullable ZoneId zone();

	/**
	 * A copy in another zone.
	 * @param zone the zone
	 * @return the copy
	 */
	ZonedTrigger inZone(ZoneId zone);

}
