package dev.asyncz.trigger;

/**
 * What a cron trigger does with a wall time that does not exist because clocks sprang
 * forward.
 */
public enum DstGapPolicy {

	/** Run at the first valid instant after the gap (the default, as cron daemons do). */
	RUN_AT_END_OF_GAP,

	/** Skip that fire time. */
	SKIP

}
