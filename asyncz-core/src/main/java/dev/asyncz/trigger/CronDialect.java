package dev.asyncz.trigger;

/**
 * The cron string dialects a {@link CronTrigger} understands. They differ in field count
 * and in how days of the week are numbered, which is easy to get wrong: say which one a
 * string is in.
 */
public enum CronDialect {

	/**
	 * Five fields {@code minute hour day-of-month month day-of-week}; day-of-week 0 or 7
	 * = Sunday.
	 */
	CRONTAB,

	/**
	 * Spring's six fields with seconds first; day-of-week 0 or 7 = Sunday; {@code L},
	 * {@code W}, {@code #}, macros.
	 */
	SPRING,

	/** Quartz: six or seven fields (optional year), {@code ?}, day-of-week 1 = Sunday. */
	QUARTZ

}
