package dev.asyncz.autoconfigure.actuate;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.asyncz.autoconfigure.actuate.AsynczEndpoint.QuarantineActionDescriptor;
import dev.asyncz.autoconfigure.actuate.AsynczEndpoint.TaskActionDescriptor;
import dev.asyncz.autoconfigure.actuate.AsynczEndpoint.TaskSummaryDescriptor;
import dev.asyncz.core.Scheduler;
import dev.asyncz.store.CorruptTaskException;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskNotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Carries out the endpoint's write operations and publishes an
 * {@link AsynczEndpointAction} for each one that found its task.
 *
 * <p>
 * Public only so that the dashboard module shares it with the endpoint: not API, it may
 * change in any release.
 */
public final class TaskActions {

	/** The audited action of a retry of a quarantined task. */
	static final String RETRY_QUARANTINED = "retry-quarantined";

	/** The audited action of a delete of a quarantined task. */
	static final String DELETE_QUARANTINED = "delete-quarantined";

	private final Scheduler scheduler;

	private final SchedulerDescriber describer;

	private final ApplicationEventPublisher publisher;

	public TaskActions(Scheduler scheduler, SchedulerDescriber describer, ApplicationEventPublisher publisher) {
		this.scheduler = scheduler;
		this.describer = describer;
		this.publisher = publisher;
	}

	/**
	 * Performs an action on a task.
	 * @param id the task id
	 * @param action the action
	 * @param securityContext who asks
	 * @param showValues whether the task's name is shown unsanitised
	 * @return what was done, or {@code null} when there is no such task
	 */
	public @Nullable TaskActionDescriptor perform(String id, Action action, SecurityContext securityContext,
			boolean showValues) {
		Task after;
		try {
			after = apply(id, action);
		}
		catch (TaskNotFoundException ex) {
			return null;
		}
		audit(id, action.value, securityContext);
		TaskSummaryDescriptor task = (after != null) ? this.describer.summary(after, showValues) : null;
		return new TaskActionDescriptor(id, action.value, task);
	}

	/**
	 * Retries a quarantined task.
	 * @param store the store name
	 * @param id the task id
	 * @param securityContext who asks
	 * @param showValues whether the task's name, and why its data cannot be read, are
	 * shown unsanitised
	 * @return what was done, or {@code null} when the store holds no such quarantined
	 * task
	 * @throws CorruptTaskException naming why the data still cannot be read (sanitised
	 * unless shown: the reason may quote the data)
	 */
	public @Nullable QuarantineActionDescriptor retryQuarantined(String store, String id,
			SecurityContext securityContext, boolean showValues) {
		if (!this.scheduler.storeNames().contains(store)) {
			return null;
		}
		Task task;
		try {
			task = this.scheduler.retryQuarantined(store, id);
		}
		catch (TaskNotFoundException ex) {
			return null;
		}
		catch (CorruptTaskException ex) {
			if (showValues) {
				throw ex;
			}
			throw new CorruptTaskException("Quarantined task '" + id + "' in store '" + store
					+ "' still cannot be read and stays quarantined: "
					+ this.describer.sanitizeText("reason", String.valueOf(ex.getMessage()), false), ex);
		}
		audit(id, RETRY_QUARANTINED, securityContext);
		return new QuarantineActionDescriptor(store, id, "retry", this.describer.summary(task, showValues));
	}

	/**
	 * Deletes a quarantined task.
	 * @param store the store name
	 * @param id the task id
	 * @param securityContext who asks
	 * @return what was done, or {@code null} when the store holds no such quarantined
	 * task
	 */
	public @Nullable QuarantineActionDescriptor deleteQuarantined(String store, String id,
			SecurityContext securityContext) {
		if (!this.scheduler.storeNames().contains(store) || !this.scheduler.deleteQuarantined(store, id)) {
			return null;
		}
		audit(id, DELETE_QUARANTINED, securityContext);
		return new QuarantineActionDescriptor(store, id, "delete", null);
	}

	/**
	 * Checks the action a {@code POST} on a quarantined task names.
	 * @param action the action's name, in any case
	 * @throws InvalidEndpointRequestException if it is not {@code retry}
	 */
	static void requireRetry(@Nullable String action) {
		if (action == null || !"retry".equals(action.trim().toLowerCase(Locale.ROOT))) {
			throw new InvalidEndpointRequestException(
					"Unknown action '" + action + "' on a quarantined task; the accepted action is [retry]",
					"Unknown action");
		}
	}

	private void audit(String id, String action, SecurityContext securityContext) {
		this.publisher.publishEvent(
				new AsynczEndpointAction(id, action, principalName(securityContext), this.scheduler.clock().instant()));
	}

	private @Nullable Task apply(String id, Action action) {
		switch (action) {
			case PAUSE:
				return this.scheduler.pauseTask(id);
			case RESUME:
				return this.scheduler.resumeTask(id).orElse(null);
			case RUN:
				return this.scheduler.runNow(id);
			case DELETE:
				this.scheduler.delete(id);
				return null;
			default:
				throw new IllegalStateException("Unhandled action " + action);
		}
	}

	private static String principalName(SecurityContext securityContext) {
		Principal principal = securityContext.getPrincipal();
		return (principal != null) ? principal.getName() : "anonymous";
	}

	/**
	 * What a write operation does to a task.
	 */
	public enum Action {

		PAUSE("pause"), RESUME("resume"), RUN("run"), DELETE("delete");

		/** The actions a {@code POST} body may name; deleting has its own operation. */
		static final List<String> POSTABLE = List.of(PAUSE.value, RESUME.value, RUN.value);

		private final String value;

		Action(String value) {
			this.value = value;
		}

		public String value() {
			return this.value;
		}

		/**
		 * The action a {@code POST} body names.
		 * @param value the action's name, in any case
		 * @return the action
		 * @throws InvalidEndpointRequestException if it is not one of {@link #POSTABLE}
		 */
		static Action parse(@Nullable String value) {
			String wanted = (value != null) ? value.trim().toLowerCase(Locale.ROOT) : "";
			return Arrays.stream(values())
				.filter((action) -> POSTABLE.contains(action.value) && action.value.equals(wanted))
				.findFirst()
				.orElseThrow(() -> new InvalidEndpointRequestException(
						"Unknown action '" + value + "'; accepted actions are " + POSTABLE, "Unknown action"));
		}

	}

}
