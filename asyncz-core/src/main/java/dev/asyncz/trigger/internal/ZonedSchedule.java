package dev.asyncz.trigger.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import dev.asyncz.trigger.DstGapPolicy;
import dev.asyncz.trigger.DstOverlapPolicy;
import org.jspecify.annotations.Nullable;

/**
 * Maps a {@link LocalSchedule} of wall times to instants in a zone, applying the
 * daylight-saving policies. A wall time in a gap maps to the end of the gap, to itself
 * moved forward by the gap's length, or nowhere; a wall time in an overlap maps to its
 * first instant, its second, or both.
 * <p>
 * Mapped all to their first (or all to their second) instants, wall times stay in order,
 * so the next fire time is found by walking forward from the wall time of the previous
 * one. With {@link DstOverlapPolicy#BOTH} the second instants of repeated wall times
 * interleave with the first ones, so they are searched separately in the one overlap that
 * can still hold them, and the smaller wins.
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
		boolean second = this.overlapPolicy == DstOverlapPolicy.SECOND;
		LocalDateTime cursor = startCursor(rules, previous, second);
		for (int round = 0; round < MAX_ROUNDS; round++) {
			LocalDateTime wall = this.schedule.next(cursor);
			if (wall == null) {
				return null;
			}
			List<ZoneOffset> offsets = rules.getValidOffsets(wall);
			if (offsets.isEmpty()) {
				ZoneOffsetTransition gap = rules.getTransition(wall);
				Instant instant = inGap(wall, gap);
				if (instant != null && instant.isAfter(previous)) {
					return instant;
				}
				cursor = gap.getDateTimeAfter().minusNanos(1);
				continue;
			}
			// In an overlap the larger offset gives the earlier instant.
			Comparator<ZoneOffset> bySize = Comparator.comparingInt(ZoneOffset::getTotalSeconds);
			Instant instant = wall
				.toInstant(second ? Collections.min(offsets, bySize) : Collections.max(offsets, bySize));
			if (instant.isAfter(previous)) {
				return instant;
			}
			cursor = wall;
		}
		throw new IllegalStateException(
				"no fire time found after " + previous + " in " + this.zone + " within " + MAX_ROUNDS + " rounds");
	}

	// Where a wall time in a gap fires, or null to skip it.
	private @Nullable Instant inGap(LocalDateTime wall, ZoneOffsetTransition gap) {
		return switch (this.gapPolicy) {
			case SKIP -> null;
			case RUN_AT_END_OF_GAP -> gap.getInstant();
			case SHIFT_BY_GAP_LENGTH -> {
				Instant shifted = wall.toInstant(gap.getOffsetBefore());
				// A wall time just after the gap may come before the shifted one (02:35
				// after a half-hour gap, before 02:25 moved to 02:55): firing the shifted
				// one first would put fire times out of order, so that wall time wins.
				LocalDateTime after = this.schedule.next(gap.getDateTimeAfter().minusNanos(1));
				Instant real = (after != null) ? after.toInstant(gap.getOffsetAfter()) : null;
				yield (real != null && real.isBefore(shifted)) ? real : shifted;
			}
		};
	}

	// The wall time to search from. After the first pass of a repeated hour every wall
	// time in it has had its first instant. With SECOND the search goes on from the wall
	// time of the previous instant even in the first pass, so the second instants of the
	// wall times before it do not run: Quartz does the same.
	private static LocalDateTime startCursor(ZoneRules rules, Instant previous, boolean second) {
		ZoneOffsetTransition overlap = second ? null : overlapRepeating(rules, previous);
		if (overlap != null) {
			return overlap.getDateTimeBefore().minusNanos(1);
		}
		return LocalDateTime.ofInstant(previous, rules.getOffset(previous));
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
