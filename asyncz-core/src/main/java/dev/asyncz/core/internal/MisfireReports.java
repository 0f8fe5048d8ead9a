package dev.asyncz.core.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.asyncz.event.TaskLate;
import dev.asyncz.event.TaskMissed;
import dev.asyncz.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells people about fire times that were skipped or run late: one WARN line per task and
 * occasion (however many fire times it covers, with how late) — at most twenty every ten
 * seconds, then a count of those left out — and one event per fire time.
 */
final class MisfireReports {

	private static final Logger logger = LoggerFactory.getLogger(MisfireReports.class);

	/** Lines per window: enough to see what is going on, few enough to read. */
	private static final int LINES_PER_WINDOW = 20;

	private final EventBus events;

	private final WarnBudget warnings = new WarnBudget(logger, LINES_PER_WINDOW, Duration.ofSeconds(10),
			"late or skipped fire times (see the TaskLate and TaskMissed events, and the asyncz.task.late and "
					+ "asyncz.task.misfires metrics)");

	MisfireReports(EventBus events) {
		this.events = events;
	}

	void report(Task task, String storeName, RunPlanner.Plan plan, Instant now) {
		List<Instant> missed = plan.missed();
		if (!missed.isEmpty()) {
			Instant latest = missed.get(missed.size() - 1);
			if (this.warnings.allow()) {
				logger.warn(
						"Task '{}' skipped {}{} fire time(s) from {} to {}, the latest {} late (misfire grace time {}, "
								+ "policy {})",
						task.id(), missed.size(), plan.truncated() ? "+" : "", missed.get(0), latest,
						Duration.between(latest, now), task.options().misfireGraceTime(),
						task.options().misfirePolicy());
			}
			for (Instant fireTime : missed) {
				this.events
					.publish(new TaskMissed(task.id(), task.function(), storeName, task.executor(), fireTime, now));
			}
		}
		if (plan.lateness() != null) {
			if (this.warnings.allow()) {
				logger.warn("Task '{}' runs {} late for its fire time {}{} (misfire grace time {}, policy {})",
						task.id(), plan.lateness(), plan.runTime(),
						(plan.coalesced() > 0) ? ", standing in for " + plan.coalesced() + " earlier one(s)" : "",
						task.options().misfireGraceTime(), task.options().misfirePolicy());
			}
			this.events.publish(new TaskLate(task.id(), task.function(), storeName, task.executor(), plan.runTime(),
					now, plan.lateness(), plan.coalesced()));
		}
		if (plan.retryDropped()) {
			logger.warn("Task '{}': the retry of its fire time {} gave way to its next regular fire time", task.id(),
					task.failure().fireTime());
		}
	}

}
