package dev.asyncz.autoconfigure.actuate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.asyncz.core.Scheduler;
import dev.asyncz.core.SchedulerState;
import dev.asyncz.core.StoreInfo;
import dev.asyncz.core.StuckTask;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ApplicationContextEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.ContextRefreshedEvent;

/**
 * The {@code asyncz} health: down when the scheduler has stopped while the application is
 * running, or when a store of a running scheduler cannot be reached. Details: the
 * scheduler's state, each store's status (with how many tasks it holds in quarantine when
 * it is reachable), the misfires of a recent window, and the stuck tasks (due, and run by
 * no instance for longer than the stuck threshold, because their function, executor or
 * parameters are unknown here). Failed, quarantined and stuck tasks never make it down:
 * they are the tasks' state, not the scheduler's, and restarting the application would
 * not help them.
 *
 * <p>
 * The application counts as running from its context's refresh to the start of its close,
 * so a scheduler stopped by an orderly shutdown does not report down. A stopped scheduler
 * does not use its stores (once shut down, it has closed them): a store it cannot reach
 * then shows as {@code UNKNOWN}, which does not decide the health.
 */
final class AsynczHealthIndicator extends AbstractHealthIndicator
		implements ApplicationListener<ApplicationContextEvent> {

	/** The most stuck tasks named in the details; the count says how many there are. */
	private static final int STUCK_TASKS_SHOWN = 10;

	private final Scheduler scheduler;

	private final RecentMisfires misfires;

	private final ApplicationContext context;

	private volatile boolean applicationRunning;

	AsynczHealthIndicator(Scheduler scheduler, RecentMisfires misfires, ApplicationContext context) {
		super("Asyncz health check failed");
		this.scheduler = scheduler;
		this.misfires = misfires;
		this.context = context;
	}

	@Override
	public void onApplicationEvent(ApplicationContextEvent event) {
		// Child contexts (a management server on its own port) publish to their parent
		// too.
		if (event.getApplicationContext() != this.context) {
			return;
		}
		if (event instanceof ContextRefreshedEvent) {
			this.applicationRunning = true;
		}
		else if (event instanceof ContextClosedEvent) {
			this.applicationRunning = false;
		}
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		SchedulerState state = this.scheduler.state();
		boolean stopped = state == SchedulerState.STOPPED;
		boolean up = !stopped || !this.applicationRunning;
		Map<String, Object> stores = new LinkedHashMap<>();
		for (StoreInfo store : this.scheduler.stores().values()) {
			if (store.reachable()) {
				stores.put(store.name(), reachable(store.name()));
			}
			else if (stopped) {
				stores.put(store.name(),
						Map.of("status", Status.UNKNOWN.getCode(), "error", String.valueOf(store.error())));
			}
			else {
				up = false;
				stores.put(store.name(),
						Map.of("status", Status.DOWN.getCode(), "error", String.valueOf(store.error())));
			}
		}
		builder.status(up ? Status.UP : Status.DOWN)
			.withDetail("state", state)
			.withDetail("stores", stores)
			.withDetail("misfires",
					Map.of("count", this.misfires.count(), "window", this.misfires.window().toString()));
		List<StuckTask> stuck = this.scheduler.stuckTasks();
		if (!stuck.isEmpty()) {
			builder.withDetail("stuckTasks", Map.of("count", stuck.size(), "oldest",
					stuck.subList(0, Math.min(STUCK_TASKS_SHOWN, stuck.size()))));
		}
	}

	/**
	 * A reachable store's details: with how many tasks it holds in quarantine, which
	 * people should look at, though the store is up.
	 */
	private Map<String, Object> reachable(String store) {
		try {
			return Map.of("status", Status.UP.getCode(), "quarantined", this.scheduler.quarantinedCount(store));
		}
		catch (RuntimeException ex) {
			return Map.of("status", Status.UP.getCode());
		}
	}

}
