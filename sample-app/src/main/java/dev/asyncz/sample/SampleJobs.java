package dev.asyncz.sample;

import dev.asyncz.annotation.ScheduledTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Two recurring tasks declared with annotations: one on a cron schedule, one on an
 * interval.
 */
@Component
public class SampleJobs {

	private static final Logger logger = LoggerFactory.getLogger(SampleJobs.class);

	private final ReminderService reminders;

	private final Outbox outbox;

	public SampleJobs(ReminderService reminders, Outbox outbox) {
		this.reminders = reminders;
		this.outbox = outbox;
	}

	/**
	 * Reports the outbox at the start of every minute (a real application would send a
	 * daily digest).
	 */
	@ScheduledTask(id = "outbox-report", cron = "${sample.outbox-report.cron:* * * * *}")
	public void reportOutbox() {
		logger.info("Outbox: {} reminder(s) delivered so far", this.outbox.delivered().size());
	}

	/**
	 * Reports how many reminders are waiting, every thirty seconds.
	 */
	@ScheduledTask(id = "pending-report", interval = "${sample.pending-report.interval:30s}", initialDelay = "5s")
	public void reportPending() {
		logger.info("{} reminder(s) pending", this.reminders.pending(1000).size());
	}

}
