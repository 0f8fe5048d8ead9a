package dev.asyncz.trigger;

/**
 * What a cron trigger does with a wall time that does not exist because clocks sprang
 * forward. Each dialect defaults to what its origin does (see {@link CronDialect}).
 */
public enum DstGapPolicy {

	/**
	 * Run at the first valid instant after the gap, once however many wall times fell
	 * into it (what Vixie cron does, and this library's default before each dialect had
	 * its own).
	 */
	RUN_AT_END_OF_GAP,

	/** Skip the wall times in the gap (Spring's and Quartz's cron expressions). */
	SKIP,

	/**
	 * Run at the missing wall time moved forward by the length of the gap, as
	 * {@code ZonedDateTime.of} resolves it and APScheduler 3 fires it: 02:30 in a
	 * one-hour gap runs at 03:30. At most one fire time comes from a gap, and a wall time
	 * right after the gap that comes earlier wins, so fire times stay in order.
	 */
	SHIFT_BY_GAP_LENGTH

}
