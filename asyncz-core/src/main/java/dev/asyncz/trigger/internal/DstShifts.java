package dev.asyncz.trigger.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

import dev.asyncz.trigger.DstGapPolicy;
import dev.asyncz.trigger.DstOverlapPolicy;
import dev.asyncz.trigger.DstShift;
import org.jspecify.annotations.Nullable;

/**
 * Finds the daylight-saving transition that moves a fire time of a schedule, between two
 * consecutive fire times. In a zone without transitions, or with none between the two, it
 * costs a look at the zone's rules and nothing else.
 */
public final class DstShifts {

	private DstShifts() {
	}

	/**
	 * The shift that lies between two consecutive fire times: a wall time after
	 * {@code previous} that falls into a gap before {@code next} (fired at {@code next},
	 * or skipped), or {@code next} being a wall time clocks pass twice, reported once per
	 * overlap (when {@code previous} is not in the same one).
	 * @param schedule the wall times
	 * @param zone the zone
	 * @param gapPolicy the gap policy
	 * @param overlapPolicy the overlap policy
	 * @param previous a fire time
	 * @param next the fire time after it
	 * @return the shift, or {@code null} when daylight saving moved nothing
	 */
	public static @Nullable DstShift between(LocalSchedule schedule, ZoneId zone, DstGapPolicy gapPolicy,
			DstOverlapPolicy overlapPolicy, Instant previous, Instant next) {
		ZoneRules rules = zone.getRules();
		if (rules.isFixedOffset()) {
			return null;
		}
		ZoneOffsetTransition transition = rules.nextTransition(previous);
		if (transition != null && transition.isGap() && !transition.getInstant().isAfter(next)) {
			LocalDateTime wall = schedule.next(transition.getDateTimeBefore().minusNanos(1));
			if (wall != null && wall.isBefore(transition.getDateTimeAfter())) {
				List<Instant> fired = (gapPolicy == DstGapPolicy.SKIP) ? List.of() : List.of(next);
				return new DstShift(zone, wall, true, fired, gapPolicy.name());
			}
		}
		ZoneOffsetTransition overlap = overlapAround(rules, next);
		if (overlap == null || overlap.equals(overlapAround(rules, previous))) {
			return null;
		}
		LocalDateTime wall = LocalDateTime.ofInstant(next, rules.getOffset(next));
		Instant first = wall.toInstant(overlap.getOffsetBefore());
		Instant second = wall.toInstant(overlap.getOffsetAfter());
		List<Instant> fired = switch (overlapPolicy) {
			case FIRST -> List.of(first);
			case SECOND -> List.of(second);
			case BOTH -> List.of(first, second);
		};
		return new DstShift(zone, wall, false, fired, overlapPolicy.name());
	}

	// The overlap whose repeated wall times the instant has, in either pass.
	private static @Nullable ZoneOffsetTransition overlapAround(ZoneRules rules, Instant instant) {
		ZoneOffsetTransition transition = rules.nextTransition(instant);
		if (transition == null || !transition.isOverlap()) {
			transition = rules.previousTransition(instant.plusNanos(1));
		}
		if (transition == null || !transition.isOverlap()) {
			return null;
		}
		Duration length = transition.getDuration().abs();
		Instant start = transition.getInstant().minus(length);
		Instant end = transition.getInstant().plus(length);
		return (!instant.isBefore(start) && instant.isBefore(end)) ? transition : null;
	}

}
