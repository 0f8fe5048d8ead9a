package dev.asyncz.testkit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;

/**
 * The days a zone changes its clocks, for tests of schedules across them.
 */
public final class DstDays {

	private DstDays() {
	}

	/**
	 * The first time in a year that the zone's clocks go forward (a wall-clock hour that
	 * does not exist).
	 * @param zone the zone
	 * @param year the year
	 * @return the change
	 * @throws IllegalArgumentException if the zone's clocks do not go forward that year
	 */
	public static ZoneOffsetTransition springForward(ZoneId zone, int year) {
		return find(zone, year, true);
	}

	/**
	 * The first time in a year that the zone's clocks go back (a wall-clock hour that
	 * happens twice).
	 * @param zone the zone
	 * @param year the year
	 * @return the change
	 * @throws IllegalArgumentException if the zone's clocks do not go back that year
	 */
	public static ZoneOffsetTransition fallBack(ZoneId zone, int year) {
		return find(zone, year, false);
	}

	/**
	 * The start of the day, in the zone, on which a change happens: a good place to set a
	 * clock before travelling across it.
	 * @param transition the change
	 * @param zone its zone
	 * @return midnight (or the day's first time) of that day, as an instant
	 */
	public static Instant startOfDay(ZoneOffsetTransition transition, ZoneId zone) {
		LocalDate day = transition.getDateTimeBefore().toLocalDate();
		return day.atStartOfDay(zone).toInstant();
	}

	private static ZoneOffsetTransition find(ZoneId zone, int year, boolean gap) {
		Instant from = ZonedDateTime.of(year, 1, 1, 0, 0, 0, 0, zone).toInstant();
		ZoneOffsetTransition transition = zone.getRules().nextTransition(from.minusNanos(1));
		while (transition != null && transition.getDateTimeBefore().getYear() == year) {
			if (transition.isGap() == gap) {
				return transition;
			}
			transition = zone.getRules().nextTransition(transition.getInstant());
		}
		throw new IllegalArgumentException(
				"The clocks of " + zone + " do not go " + (gap ? "forward" : "back") + " in " + year);
	}

}
