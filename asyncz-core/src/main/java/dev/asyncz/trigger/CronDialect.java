package dev.asyncz.trigger;

/**
 * The cron string dialects a {@link CronTrigger} understands. They differ in field count,
 * in how days of the week are numbered, which is easy to get wrong (say which one a
 * string is in), and in what they do on daylight-saving days: each dialect's default
 * policies are its origin's.
 */
public enum CronDialect {

	/**
	 * Five fields {@code minute hour day-of-month month day-of-week}; day-of-week 0 or 7
	 * = Sunday. Daylight saving as APScheduler 3 and asyncz, whose crontab strings these
	 * are: {@link DstGapPolicy#SHIFT_BY_GAP_LENGTH} and {@link DstOverlapPolicy#BOTH}.
	 */
	CRONTAB(DstGapPolicy.SHIFT_BY_GAP_LENGTH, DstOverlapPolicy.BOTH),

	/**
	 * Spring's six fields with seconds first; day-of-week 0 or 7 = Sunday; {@code L},
	 * {@code W}, {@code #}, macros. Daylight saving as Spring's {@code CronExpression}:
	 * {@link DstGapPolicy#SKIP} and {@link DstOverlapPolicy#BOTH}; with these two
	 * policies the fire times are computed by Spring's {@code CronExpression} itself, so
	 * they match Spring's to the instant, also where clocks fall back by half an hour and
	 * Spring repeats only some wall times. The one exception: where Spring would answer a
	 * time that is not later than the previous one (at Lord Howe's fall-back it answers
	 * 01:00 again after 01:00, which would run a task over and over), the next wall time
	 * that exists is taken instead.
	 */
	SPRING(DstGapPolicy.SKIP, DstOverlapPolicy.BOTH),

	/**
	 * Quartz: six or seven fields (optional year), {@code ?}, day-of-week 1 = Sunday.
	 * Daylight saving as Quartz's {@code CronExpression}: {@link DstGapPolicy#SKIP} and
	 * {@link DstOverlapPolicy#SECOND}.
	 */
	QUARTZ(DstGapPolicy.SKIP, DstOverlapPolicy.SECOND);

	private final DstGapPolicy gapPolicy;

	private final DstOverlapPolicy overlapPolicy;

	CronDialect(DstGapPolicy gapPolicy, DstOverlapPolicy overlapPolicy) {
		this.gapPolicy = gapPolicy;
		this.overlapPolicy = overlapPolicy;
	}

	/**
	 * What a trigger in this dialect does at a gap unless told otherwise.
	 * @return the origin's behaviour
	 */
	public DstGapPolicy defaultGapPolicy() {
		return this.gapPolicy;
	}

	/**
	 * What a trigger in this dialect does at an overlap unless told otherwise.
	 * @return the origin's behaviour
	 */
	public DstOverlapPolicy defaultOverlapPolicy() {
		return this.overlapPolicy;
	}

}
