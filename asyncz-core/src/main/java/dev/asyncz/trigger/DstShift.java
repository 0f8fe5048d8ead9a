package dev.asyncz.trigger;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A wall time of a cron trigger's schedule that daylight saving moves: clocks skip it (a
 * gap) or pass it twice (an overlap), and the trigger's policy decides when, if at all,
 * it fires.
 *
 * @param zone the trigger's zone
 * @param wallTime the wall time of the schedule, the first if several fall into the same
 * gap or overlap
 * @param gap true when clocks skip the wall time, false when they pass it twice
 * @param fireTimes the instants it fires at under the policy: none when skipped, one, or
 * two (an overlap whose policy is {@link DstOverlapPolicy#BOTH})
 * @param policy the name of the policy that decided, such as {@code RUN_AT_END_OF_GAP}
 */
public record DstShift(ZoneId zone, LocalDateTime wallTime, boolean gap, List<Instant> fireTimes, String policy) {

	private static final DateTimeFormatter WALL = DateTimeFormatter.ofPattern("HH:mm:ss 'on' yyyy-MM-dd");

	/**
	 * Creates a shift.
	 */
	public DstShift {
		fireTimes = List.copyOf(fireTimes);
	}

	/**
	 * Says what happens, for a log line.
	 * @return such as "02:30:00 on 2027-03-28 does not exist in Europe/Paris (clocks
	 * spring forward); DST gap policy SHIFT_BY_GAP_LENGTH runs it at
	 * 2027-03-28T01:30:00Z"
	 */
	public String describe() {
		String what = this.gap ? " does not exist in " + this.zone + " (clocks spring forward)"
				: " happens twice in " + this.zone + " (clocks fall back)";
		String outcome = this.fireTimes.isEmpty() ? "skips it"
				: "runs it at " + this.fireTimes.stream().map(Instant::toString).collect(Collectors.joining(" and "));
		return this.wallTime.format(WALL) + what + "; DST " + (this.gap ? "gap" : "overlap") + " policy " + this.policy
				+ " " + outcome;
	}

}
