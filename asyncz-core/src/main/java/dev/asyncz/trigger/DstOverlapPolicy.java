package dev.asyncz.trigger;

/**
 * What a cron trigger does with a wall time that happens twice because clocks fell back.
 * Each dialect defaults to what its origin does (see {@link CronDialect}).
 */
public enum DstOverlapPolicy {

	/**
	 * Run at the first occurrence only (this library's default before each dialect had
	 * its own).
	 */
	FIRST,

	/**
	 * Run at both occurrences, first then second (APScheduler 3, and Spring's cron
	 * expressions in zones whose clocks fall back by an hour).
	 */
	BOTH,

	/** Run at the second occurrence only (Quartz's cron expressions). */
	SECOND

}
