package dev.asyncz.trigger.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Comparator;
import java.util.List;

import dev.asyncz.trigger.DstGapPolicy;
import dev.asyncz.trigger.DstOverlapPolicy;
import org.jspecify.annotations.Nullable;

/**
 * Maps a {@link LocalSchedule} of wall times to instants in a zone, applying the
 * daylight-saving policies. A wall time in a gap maps to the end of the gap (or nowhere);
 * a wall time in an overlap maps to its first instant (or to both).
 * <p>
 * Mapped to their <em>earliest</em> instants, wall times stay in order, so the next fire
 * time is found by walking forward from the wall time of the previous one. The second
 * instants of repeated wall times interleave with the first ones, so with
 * {@link DstOverlapPolicy#BOTH} they are searched separately in the one overlap that can
 * still hold them, and the smaller wins.
 *
 * @param schedule the wall times
 * @param zone the zone
 * @param gapPolicy what a wall time in a gap does
 * @param overlapPolicy what a wall time in an overlap does
 */
public record ZonedSchedule(LocalSchedule schedule, ZoneId zone, DstGapPolicy gapPolicy,
		DstOverlapPolicy overlapPolicy) {

	// Each round either returns or moves past a gap or a repeated hour: a handful in
	// practice.
	private static final int MAX_ROUNDS = 64;

	/**
	 * The earliest instant strictly after {@code previous} that the schedule maps to.
	 * @param previous an instant
	 * @return the next instant, or {@code null} if the schedule has no more wall times
	 */
	public @Nullable Instant nextAfter(Instant previous) {
		ZoneRules rules = this.zone.getRules();
		Instant first = firstOccurrenceAfter(rules, previous);
		if (this.overlapPolicy == DstOverlapPolicy.BOTH) {
			Instant second = secondOccurrenceAfter(rules, previous);
			if (second != null && (first == null || second.isBefore(first))) {
				return second;
			}
		}
		return first;
	}

	private @Nullable Instant firstOccurrenceAfter(ZoneRules rules, Instant previous) {
		ZoneOffsetTransition overlap = overlapRepeating(rules, previous);
		// In the second pass of a repeated hour, every repeated wall time has had its
		// first instant.
		LocalDateTime cursor = (overlap != null) ? overlap.getDateTimeBefore().minusNanos(1)
				: LocalDateTime.ofInstant(previous, rules.getOffset(previous));
		for (int round = 0; round < MAX_ROUNDS; round++) {
			LocalDateTime wall = this.schedule.next(cursor);
			if (wall == null) {
				return null;
			}
			List<ZoneOffset> offsets = rules.getValidOffsets(wall);
			if (offsets.isEmpty()) {
				ZoneOffsetTransition gap = rules.getTransition(wall);
				if (this.gapPolicy == DstGapPolicy.RUN_AT_END_OF_GAP && gap.getInstant().isAfter(previous)) {
					return gap.getInstant();
				}
				cursor = gap.getDateTimeAfter().minusNanos(1);
				continue;
			}
			// In an overlap the larger offset gives the earlier instant.
			Instant instant = wall
				.toInstant(offsets.stream().max(Comparator.comparingInt(ZoneOffset::getTotalSeconds)).orElseThrow());
			if (instant.isAfter(previous)) {
				return instant;
			}
			cursor = wall;
		}
		throw new IllegalStateException(
				"no fire time found after " + previous + " in " + this.zone + " within " + MAX_ROUNDS + " rounds");
	}

	private @Nullable Instant secondOccurrenceAfter(ZoneRules rules, Instant previous) {
		ZoneOffsetTransition overlap = overlapRepeating(rules, previous);
		if (overlap == null) {
			overlap = rules.nextTransition(previous);
			// Zones alternate gaps and overlaps; a couple of steps find the next overlap
			// if any.
			for (int step = 0; step < 4 && overlap != null && !overlap.isOverlap(); step++) {
				overlap = rules.nextTransition(overlap.getInstant());
			}
			if (overlap == null || !overlap.isOverlap()) {
				return null;
			}
		}
		LocalDateTime from = LocalDateTime.ofInstant(previous, overlap.getOffsetAfter());
		LocalDateTime start = overlap.getDateTimeAfter().minusNanos(1);
		LocalDateTime wall = this.schedule.next(from.isAfter(start) ? from : start);
		if (wall == null || !wall.isBefore(overlap.getDateTimeBefore())) {
			return null;
		}
		return wall.toInstant(overlap.getOffsetAfter());
	}

	// The overlap whose second pass contains the instant, if any.
	private static @Nullable ZoneOffsetTransition overlapRepeating(ZoneRules rules, Instant instant) {
		ZoneOffsetTransition last = rules.previousTransition(instant.plusNanos(1));
		if (last != null && last.isOverlap() && instant.isBefore(last.getInstant().plus(last.getDuration().abs()))) {
			return last;
		}
		return null;
	}

}
