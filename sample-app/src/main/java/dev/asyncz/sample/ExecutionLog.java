package dev.asyncz.sample;

import dev.asyncz.event.TaskError;
import dev.asyncz.event.TaskExecuted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Logs every task run, from the scheduler's events published as application events.
 */
@Component
public class ExecutionLog {

	private static final Logger logger = LoggerFactory.getLogger(ExecutionLog.class);

	@EventListener
	void executed(TaskExecuted event) {
		logger.info("Task {} ({}) ran in {} ms, due {}", event.taskId(), event.function(), event.duration().toMillis(),
				event.scheduledRunTime());
	}

	@EventListener
	void failed(TaskError event) {
		logger.warn("Task {} ({}) failed", event.taskId(), event.function(), event.exception());
	}

}
