package dev.asyncz.dashboard;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.asyncz.autoconfigure.actuate.AsynczEndpointAction;
import dev.asyncz.core.ControllableClock;
import dev.asyncz.core.Scheduler;
import dev.asyncz.executor.SchedulerExecutors;
import dev.asyncz.store.MemoryTaskStore;
import dev.asyncz.task.TaskFunctions;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * The application the dashboard tests serve: two memory stores, functions that report,
 * clean up and fail (with a secret in the message), and a recorder of audit events. The
 * clock is the {@link ControllableClock} a test class supplies, or the system's.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class DashboardTestApplication {

	@Bean
	Scheduler scheduler(ObjectProvider<ControllableClock> controllableClock) {
		Clock clock = controllableClock.getIfAvailable();
		clock = (clock != null) ? clock : Clock.systemUTC();
		TaskFunctions functions = new TaskFunctions();
		functions.register("report", (context) -> "reported");
		functions.register("cleanup", (context) -> "cleaned");
		functions.register("fail", (context) -> {
			throw new IllegalStateException("password=hunter2 rejected");
		});
		Scheduler scheduler = Scheduler.builder()
			.clock(clock)
			.instanceId("dashboard-test")
			.functions(functions)
			.store("default", new MemoryTaskStore())
			.store("archive", new MemoryTaskStore())
			.executor("default", SchedulerExecutors.of(Runnable::run, "direct"))
			.build();
		scheduler.start();
		return scheduler;
	}

	@Bean
	AuditRecorder auditRecorder() {
		return new AuditRecorder();
	}

	/** Keeps the audit events the dashboard publishes. */
	static class AuditRecorder {

		final List<AsynczEndpointAction> actions = new CopyOnWriteArrayList<>();

		@EventListener
		void onAction(AsynczEndpointAction action) {
			this.actions.add(action);
		}

	}

}
