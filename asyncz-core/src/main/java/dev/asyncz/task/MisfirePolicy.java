package dev.asyncz.task;

/**
 * What happens to fire times that passed while nothing could run them (the application
 * was down, the executors were busy, the clock jumped). "Late" means older than the
 * task's misfire grace time; every late run and every skipped fire time is logged at WARN
 * and published as an event.
 *
 * <p>
 * Which of the fire times that may run actually run is decided by
 * {@link TaskOptions#coalesce() coalesce}: one run for all of them (the default) or one
 * run for each, one after another.
 */
public enum MisfirePolicy {

	/**
	 * The default. Fire times within the grace time run; older ones are skipped, and the
	 * task goes on from its next fire time — except a trigger's final fire time (a
	 * one-shot's only one), which always runs once, however late.
	 */
	RUN_IF_WITHIN_GRACE,

	/**
	 * However late: the missed fire times collapse into one run (whatever
	 * {@code coalesce} says).
	 */
	RUN_ONCE,

	/**
	 * Fire times older than the grace time are skipped, a trigger's final one too: a late
	 * one-shot then ends without running. Choose it only for work that is worthless when
	 * late.
	 */
	SKIP_IF_LATE

}
