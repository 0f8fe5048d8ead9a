package dev.asyncz.sample;

import dev.asyncz.annotation.TaskFunction;
import dev.asyncz.task.TaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Delivers reminders. Registered as the task function {@code send-reminder}, which every
 * reminder task calls by name, so reminders kept in a database would find it again after
 * a restart.
 */
@Component
public class ReminderSender {

	private static final Logger logger = LoggerFactory.getLogger(ReminderSender.class);

	private final Outbox outbox;

	public ReminderSender(Outbox outbox) {
		this.outbox = outbox;
	}

	/**
	 * Delivers one reminder.
	 * @param message the reminder, converted from the task's JSON argument
	 * @param context the run: the task id and when it was due
	 */
	// Runs are at least once: a delivery cut short by a shutdown runs again after the
	// restart. A real mail or push service would be given context.idempotencyKey() so
	// that
	// it drops a second delivery of the same reminder.
	@TaskFunction("send-reminder")
	public void send(ReminderMessage message, TaskContext context) {
		logger.info("Reminder {}: {} (due {}, asked for at {}, attempt {})", context.taskId(), message.text(),
				context.scheduledRunTime(), message.createdAt(), context.attempt());
		this.outbox.add(new Outbox.Delivered(context.taskId(), message.text(), context.scheduledRunTime(),
				context.startedAt()));
	}

}
