package dev.asyncz.trigger;

/**
 * What a cron trigger does with a wall time that happens twice because clocks fell back.
 */
public enum DstOverlapPolicy {

	/** Run at the first occurrence only (the default). */
	FIRST,

	/** Run at both occurrences. */
	BOTH

}
