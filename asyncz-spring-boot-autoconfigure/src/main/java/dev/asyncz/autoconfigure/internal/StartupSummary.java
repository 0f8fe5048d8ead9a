package dev.asyncz.autoconfigure.internal;

import java.time.ZoneOffset;

import dev.asyncz.core.ExecutorInfo;
import dev.asyncz.core.Scheduler;
import dev.asyncz.core.StoreInfo;
import dev.asyncz.event.SchedulerStarted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;

/**
 * Logs one INFO block when the scheduler starts: its instance id and zone, each store
 * (type, where it keeps its tasks, how many it holds, or why it could not be reached),
 * each executor, and how many {@code @ScheduledTask} tasks and {@code @TaskFunction}
 * methods were registered. What an operator looks for first when a node joins. It is
 * written from a thread of its own just after the start: counting a store's tasks may
 * read a large table, and {@code start()} does not wait for that.
 */
public final class StartupSummary {

	private static final Logger logger = LoggerFactory.getLogger(StartupSummary.class);

	private final Scheduler scheduler;

	private final ObjectProvider<TaskMethodProcessor> processor;

	/**
	 * Creates the summary.
	 * @param scheduler the scheduler to describe
	 * @param processor where the annotated methods were counted, if anywhere
	 */
	public StartupSummary(Scheduler scheduler, ObjectProvider<TaskMethodProcessor> processor) {
		this.scheduler = scheduler;
		this.processor = processor;
	}

	@EventListener
	void onStarted(SchedulerStarted event) {
		if (logger.isInfoEnabled()) {
			Thread thread = new Thread(() -> logger.info(describe(event)), "asyncz-startup-summary");
			thread.setDaemon(true);
			thread.start();
		}
	}

	String describe(SchedulerStarted event) {
		StringBuilder text = new StringBuilder("asyncz scheduler started").append(event.paused() ? " paused" : "")
			.append(": instance ")
			.append(this.scheduler.instanceId())
			.append(", zone ")
			.append(ZoneOffset.UTC.equals(this.scheduler.zone()) ? "UTC" : this.scheduler.zone().getId());
		// A store's count is what the health indicator and the asyncz.tasks gauge ask for
		// too: an indexed count, or the size of a map.
		for (StoreInfo store : this.scheduler.stores().values()) {
			text.append("\n  store '").append(store.name()).append("': ").append(store.type());
			if (!store.location().isEmpty()) {
				text.append(", ").append(store.location());
			}
			if (store.reachable()) {
				text.append(", ").append(store.taskCount()).append(" task(s)");
			}
			else {
				text.append(", NOT REACHABLE: ").append(store.error());
			}
		}
		for (ExecutorInfo executor : this.scheduler.executors().values()) {
			text.append("\n  executor '").append(executor.name()).append("': ").append(executor.description());
		}
		TaskMethodProcessor methods = this.processor.getIfAvailable();
		if (methods != null) {
			text.append("\n  ")
				.append(methods.scheduledTaskCount())
				.append(" @ScheduledTask task(s), ")
				.append(methods.taskFunctionCount())
				.append(" @TaskFunction method(s)");
		}
		return text.toString();
	}

}
