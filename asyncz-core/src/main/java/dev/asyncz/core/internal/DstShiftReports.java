package dev.asyncz.core.internal;

import java.time.Duration;
import java.time.Instant;

import dev.asyncz.task.Task;
import dev.asyncz.trigger.CronTrigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Tells people when daylight saving moves a cron task's next fire time: one INFO line per
 * task and occasion, written when the run before it is planned, so the line comes ahead
 * of the shifted run; at most twenty every ten seconds (a thousand tasks in one zone
 * cross the same transition together).
 */
final class DstShiftReports {

	private static final Logger logger = LoggerFactory.getLogger(DstShiftReports.class);

	private final WarnBudget lines = new WarnBudget(logger, 20, Duration.ofSeconds(10),
			"daylight-saving shifts of fire times", Level.INFO);

	/**
	 * Reports the shift between a fire time and the next, if any.
	 * @param task the task
	 * @param fireTime a fire time that runs or is skipped now
	 * @param next the task's next fire time after it
	 */
	void report(Task task, Instant fireTime, Instant next) {
		// Only cron triggers map wall times to instants; the check is a look at the
		// zone's
		// rules, and nothing at all for a zone without daylight saving.
		if (task.trigger() instanceof CronTrigger cron && logger.isInfoEnabled()) {
			cron.dstShift(fireTime, next).ifPresent((shift) -> {
				if (this.lines.allow()) {
					logger.info("Task '{}': {}", task.id(), shift.describe());
				}
			});
		}
	}

}
