package dev.asyncz.autoconfigure.actuate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.asyncz.core.SchedulerState;
import dev.asyncz.store.TaskState;
import dev.asyncz.task.MisfirePolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code asyncz} endpoint: the scheduler, its stores and executors, the tasks due
 * next, one store's tasks a page at a time, one task in detail (with how its runs failed,
 * if they did), and the pause, resume, run and delete operations on one task; running a
 * failed task runs it afresh; each store's quarantined tasks (stored data that cannot be
 * read) a page at a time, with retry and delete operations on one of them. Every write
 * publishes an {@link AsynczEndpointAction} application event naming the caller
 * ({@code anonymous} over JMX, which has no principal).
 *
 * <p>
 * Read-only unless the application grants writes
 * ({@code management.endpoint.asyncz.access=unrestricted}): pausing, running or deleting
 * tasks is not something an exposed endpoint should allow by default. Task names,
 * arguments, error messages and quarantine reasons are shown as {@code ******} unless
 * {@code show-values} allows them: they are user data.
 */
@Endpoint(id = "asyncz", defaultAccess = Access.READ_ONLY)
public final class AsynczEndpoint {

	private final SchedulerDescriber describer;

	private final TaskActions actions;

	private final Show showValues;

	private final Set<String> roles;

	AsynczEndpoint(SchedulerDescriber describer, TaskActions actions, Show showValues, Set<String> roles) {
		this.describer = describer;
		this.actions = actions;
		this.showValues = showValues;
		this.roles = Set.copyOf(roles);
	}

	/**
	 * The scheduler: state, zone, stores, executors and the tasks due next. Over JMX
	 * every caller counts as authorized for {@code show-values}, as in Spring Boot's own
	 * endpoints.
	 * @return the descriptor
	 */
	@ReadOperation
	public SchedulerDescriptor scheduler() {
		return this.describer.scheduler(this.showValues.isShown(true));
	}

	SchedulerDescriptor scheduler(SecurityContext securityContext) {
		return this.describer.scheduler(shows(securityContext));
	}

	/**
	 * One task in detail.
	 * @param id the task id
	 * @return the task, or {@code null} when there is no such task
	 */
	@ReadOperation
	public @Nullable TaskDetailsDescriptor task(@Selector String id) {
		return this.describer.task(id, this.showValues.isShown(true));
	}

	@Nullable TaskDetailsDescriptor task(SecurityContext securityContext, String id) {
		return this.describer.task(id, shows(securityContext));
	}

	/**
	 * A page of one store's tasks, ordered by next run time, paused and failed tasks
	 * last.
	 * @param stores the literal path segment {@code stores}
	 * @param store the store name
	 * @param function only tasks calling this function
	 * @param state only {@code SCHEDULED}, only {@code PAUSED} or only {@code FAILED}
	 * tasks (in any case)
	 * @param offset how many matching tasks to skip
	 * @param limit the page size, capped at {@value SchedulerDescriber#MAX_PAGE_SIZE}
	 * @return the page, or {@code null} (404 over HTTP) when there is no such store
	 * @throws InvalidEndpointRequestException for a bad state, offset or limit, or a path
	 * other than {@code stores/{store}}
	 */
	@ReadOperation
	public @Nullable TaskPageDescriptor tasks(@Selector String stores, @Selector String store,
			@Nullable String function, @Nullable String state, @Nullable Long offset, @Nullable Integer limit) {
		return tasks(this.showValues.isShown(true), stores, store, function, state, offset, limit);
	}

	@Nullable TaskPageDescriptor tasks(SecurityContext securityContext, String stores, String store, @Nullable String function,
			@Nullable String state, @Nullable Long offset, @Nullable Integer limit) {
		return tasks(shows(securityContext), stores, store, function, state, offset, limit);
	}

	private @Nullable TaskPageDescriptor tasks(boolean showValues, String stores, String store,
			@Nullable String function, @Nullable String state, @Nullable Long offset, @Nullable Integer limit) {
		UnknownPathException.requireStorePath(stores, store);
		return this.describer.page(store, function, state, offset, limit, showValues);
	}

	/**
	 * Pauses, resumes or runs one task now. Running or resuming a failed task runs it
	 * afresh, its failed attempts behind it.
	 * @param id the task id
	 * @param action {@code pause}, {@code resume} or {@code run}
	 * @return what was done, or {@code null} when there is no such task
	 * @throws InvalidEndpointRequestException for an unknown action
	 */
	@WriteOperation
	public @Nullable TaskActionDescriptor act(@Selector String id, String action) {
		return this.actions.perform(id, TaskActions.Action.parse(action), SecurityContext.NONE,
				this.showValues.isShown(true));
	}

	@Nullable TaskActionDescriptor act(SecurityContext securityContext, String id, String action) {
		return this.actions.perform(id, TaskActions.Action.parse(action), securityContext, shows(securityContext));
	}

	/**
	 * Deletes one task.
	 * @param id the task id
	 * @return what was done, or {@code null} when there is no such task
	 */
	@DeleteOperation
	public @Nullable TaskActionDescriptor delete(@Selector String id) {
		return this.actions.perform(id, TaskActions.Action.DELETE, SecurityContext.NONE, this.showValues.isShown(true));
	}

	@Nullable TaskActionDescriptor delete(SecurityContext securityContext, String id) {
		return this.actions.perform(id, TaskActions.Action.DELETE, securityContext, shows(securityContext));
	}

	/**
	 * A page of the tasks one store set aside because their stored data could not be
	 * read, by id.
	 * @param stores the literal path segment {@code stores}
	 * @param store the store name
	 * @param quarantine the literal path segment {@code quarantine}
	 * @param offset how many to skip
	 * @param limit the page size, capped at {@value SchedulerDescriber#MAX_PAGE_SIZE}
	 * @return the page, or {@code null} (404 over HTTP) when there is no such store
	 * @throws InvalidEndpointRequestException for a bad offset or limit, or a path other
	 * than {@code stores/{store}/quarantine}
	 */
	@ReadOperation
	public @Nullable QuarantinePageDescriptor quarantine(@Selector String stores, @Selector String store,
			@Selector String quarantine, @Nullable Long offset, @Nullable Integer limit) {
		UnknownPathException.requireQuarantinePath(stores, store, quarantine, null);
		return this.describer.quarantinePage(store, offset, limit, this.showValues.isShown(true));
	}

	@Nullable QuarantinePageDescriptor quarantine(SecurityContext securityContext, String stores, String store, String quarantine,
			@Nullable Long offset, @Nullable Integer limit) {
		UnknownPathException.requireQuarantinePath(stores, store, quarantine, null);
		return this.describer.quarantinePage(store, offset, limit, shows(securityContext));
	}

	/**
	 * Retries a quarantined task: reads its data again and, if it reads now, puts the
	 * task back in its store as its data says (scheduled, paused or failed).
	 * @param stores the literal path segment {@code stores}
	 * @param store the store name
	 * @param quarantine the literal path segment {@code quarantine}
	 * @param id the task id
	 * @param action {@code retry}
	 * @return what was done, or {@code null} when the store holds no such quarantined
	 * task
	 * @throws InvalidEndpointRequestException for an action other than {@code retry}, or
	 * a path other than {@code stores/{store}/quarantine/{id}}
	 * @throws dev.asyncz.store.CorruptTaskException naming why the data still cannot be
	 * read (it stays quarantined)
	 */
	@WriteOperation
	public @Nullable QuarantineActionDescriptor retryQuarantined(@Selector String stores, @Selector String store,
			@Selector String quarantine, @Selector String id, String action) {
		UnknownPathException.requireQuarantinePath(stores, store, quarantine, id);
		TaskActions.requireRetry(action);
		return this.actions.retryQuarantined(store, id, SecurityContext.NONE, this.showValues.isShown(true));
	}

	@Nullable QuarantineActionDescriptor retryQuarantined(SecurityContext securityContext, String stores, String store,
			String quarantine, String id, String action) {
		UnknownPathException.requireQuarantinePath(stores, store, quarantine, id);
		TaskActions.requireRetry(action);
		return this.actions.retryQuarantined(store, id, securityContext, shows(securityContext));
	}

	/**
	 * Deletes a quarantined task's data for good.
	 * @param stores the literal path segment {@code stores}
	 * @param store the store name
	 * @param quarantine the literal path segment {@code quarantine}
	 * @param id the task id
	 * @return what was done, or {@code null} when the store holds no such quarantined
	 * task
	 * @throws InvalidEndpointRequestException for a path other than
	 * {@code stores/{store}/quarantine/{id}}
	 */
	@DeleteOperation
	public @Nullable QuarantineActionDescriptor deleteQuarantined(@Selector String stores, @Selector String store,
			@Selector String quarantine, @Selector String id) {
		return deleteQuarantined(SecurityContext.NONE, stores, store, quarantine, id);
	}

	@Nullable QuarantineActionDescriptor deleteQuarantined(SecurityContext securityContext, String stores, String store,
			String quarantine, String id) {
		UnknownPathException.requireQuarantinePath(stores, store, quarantine, id);
		return this.actions.deleteQuarantined(store, id, securityContext);
	}

	/**
	 * Whether this caller sees values (task names and arguments, error messages,
	 * quarantine reasons) unsanitised.
	 */
	private boolean shows(SecurityContext securityContext) {
		return this.showValues.isShown(securityContext, this.roles);
	}

	/**
	 * The scheduler as a whole.
	 *
	 * @param state the life-cycle state
	 * @param timezone the zone for triggers that name none
	 * @param now the scheduler's current time
	 * @param stores the stores, in the order they were added
	 * @param executors the executors, in the order they were added
	 * @param nextTasks the tasks due next over all stores, earliest first
	 * @param quarantined the first quarantined tasks over all stores, store by store
	 */
	public record SchedulerDescriptor(SchedulerState state, String timezone, Instant now, List<StoreDescriptor> stores,
			List<ExecutorDescriptor> executors, List<TaskSummaryDescriptor> nextTasks,
			List<QuarantinedDescriptor> quarantined) implements OperationResponseBody {

	}

	/**
	 * A task set aside because its stored data could not be read.
	 *
	 * @param taskId the id its data is stored under
	 * @param store the store holding it
	 * @param reason why it could not be read
	 * @param dataSize how many characters of stored data it has
	 * @param quarantinedAt when it was set aside, or {@code null} if an earlier version
	 * did it
	 */
	public record QuarantinedDescriptor(String taskId, String store, String reason, long dataSize,
			@Nullable Instant quarantinedAt) {

	}

	/**
	 * A page of one store's quarantined tasks.
	 *
	 * @param store the store name
	 * @param offset how many were skipped
	 * @param limit the page size
	 * @param total how many the store holds in quarantine
	 * @param tasks the page, by id
	 */
	public record QuarantinePageDescriptor(String store, long offset, int limit, long total,
			List<QuarantinedDescriptor> tasks) implements OperationResponseBody {

	}

	/**
	 * What a write operation did to a quarantined task.
	 *
	 * @param store the store name
	 * @param taskId the task id
	 * @param action {@code retry} or {@code delete}
	 * @param task the task back in its store after a retry, or {@code null} after a
	 * delete
	 */
	public record QuarantineActionDescriptor(String store, String taskId, String action,
			@Nullable TaskSummaryDescriptor task) implements OperationResponseBody {

	}

	/**
	 * A store.
	 *
	 * @param name the name tasks use
	 * @param type the kind of store (its class's simple name)
	 * @param persistent whether its tasks outlive the process
	 * @param taskCount how many tasks it holds, or {@code null} if it could not say
	 * @param quarantinedCount how many tasks it holds in quarantine, or {@code null} if
	 * it could not say
	 * @param error why it could not say
	 */
	public record StoreDescriptor(String name, String type, boolean persistent, @Nullable Long taskCount,
			@Nullable Long quarantinedCount, @Nullable String error) {

	}

	/**
	 * An executor.
	 *
	 * @param name the name tasks use
	 * @param description the kind of executor, such as {@code thread-pool(10)}
	 * @param active runs in progress, or {@code null} if the executor cannot tell
	 * @param queued runs waiting for a worker, or {@code null} if the executor cannot
	 * tell
	 */
	public record ExecutorDescriptor(String name, String description, @Nullable Integer active,
			@Nullable Integer queued) {

	}

	/**
	 * A task in a list.
	 *
	 * @param id the task id
	 * @param name the task's label
	 * @param function the function it calls
	 * @param store the store that holds it
	 * @param executor the executor that runs it
	 * @param trigger its schedule in words
	 * @param state scheduled, paused or failed
	 * @param nextRunTime its next run time (a retry's, while one is pending), or
	 * {@code null} while paused or failed
	 */
	public record TaskSummaryDescriptor(String id, String name, String function, String store, String executor,
			String trigger, TaskState state, @Nullable Instant nextRunTime) {

	}

	/**
	 * A page of one store's tasks.
	 *
	 * @param store the store name
	 * @param function the function filter, if any
	 * @param state the state filter, if any
	 * @param offset matching tasks skipped
	 * @param limit the page size applied (after capping)
	 * @param tasks the tasks of the page
	 */
	public record TaskPageDescriptor(String store, @Nullable String function, @Nullable TaskState state, long offset,
			int limit, List<TaskSummaryDescriptor> tasks) implements OperationResponseBody {

	}

	/**
	 * One task in detail.
	 *
	 * @param id the task id
	 * @param name the task's label
	 * @param function the function it calls
	 * @param store the store that holds it
	 * @param executor the executor that runs it
	 * @param state scheduled, paused or failed
	 * @param failure how the runs of its current fire time failed: a retry is pending, or
	 * (failed) none is left; {@code null} when they did not
	 * @param trigger its schedule
	 * @param options how it runs
	 * @param args positional arguments, sanitised unless shown
	 * @param kwargs named arguments, sanitised unless shown
	 * @param lastOutcome how its latest run ended, if remembered
	 */
	public record TaskDetailsDescriptor(String id, String name, String function, String store, String executor,
			TaskState state, @Nullable FailureDescriptor failure, TriggerDescriptor trigger, OptionsDescriptor options,
			List<@Nullable Object> args, Map<String, @Nullable Object> kwargs,
			@Nullable OutcomeDescriptor lastOutcome) implements OperationResponseBody {

	}

	/**
	 * How the runs of a task's current fire time failed, as the task keeps it.
	 *
	 * @param fireTime the fire time whose runs failed
	 * @param attempts how many runs of it failed
	 * @param errorType the class of the last error
	 * @param message the last error's message (sanitised unless shown)
	 * @param failedAt when the last run failed
	 * @param exhausted whether no retry is left
	 */
	public record FailureDescriptor(Instant fireTime, int attempts, String errorType, @Nullable String message,
			Instant failedAt, boolean exhausted) {

	}

	/**
	 * A task's schedule.
	 *
	 * @param description the trigger in words
	 * @param nextRunTimes the next few run times (none while paused)
	 */
	public record TriggerDescriptor(String description, List<Instant> nextRunTimes) {

	}

	/**
	 * A task's run options.
	 *
	 * @param coalesce whether missed runs collapse into one
	 * @param maxInstances how many runs may overlap
	 * @param misfireGraceTime how late a run may start (ISO-8601), or {@code null} for no
	 * limit
	 * @param misfirePolicy what happens to fire times later than the grace time
	 * @param timeout how long a run may take (ISO-8601), or {@code null} for no limit
	 * @param retry how failed runs are tried again
	 */
	public record OptionsDescriptor(boolean coalesce, int maxInstances, @Nullable String misfireGraceTime,
			MisfirePolicy misfirePolicy, @Nullable String timeout, RetryDescriptor retry) {

	}

	/**
	 * A task's retry policy.
	 *
	 * @param maxAttempts runs of one fire time in all (1: no retry)
	 * @param initialDelay the wait after the first failure (ISO-8601)
	 * @param multiplier how much longer each further wait is
	 * @param maxDelay the longest wait (ISO-8601)
	 * @param jitter the random spread of each wait, as a fraction of it
	 * @param retryOn class names of the errors retried; empty for every error
	 * @param noRetryOn class names of the errors never retried
	 */
	public record RetryDescriptor(int maxAttempts, String initialDelay, double multiplier, String maxDelay,
			double jitter, List<String> retryOn, List<String> noRetryOn) {

	}

	/**
	 * How a task's latest run ended.
	 *
	 * @param outcome {@code SUCCESS}, {@code ERROR}, {@code MISSED} or
	 * {@code MAX_INSTANCES_REACHED}
	 * @param scheduledRunTime the fire time of that run
	 * @param startedAt when it started, if it ran
	 * @param duration how long it ran (ISO-8601), if it ran
	 * @param errorType the exception's class, for an error
	 * @param errorMessage the exception's message, for an error (sanitised unless shown)
	 */
	public record OutcomeDescriptor(String outcome, Instant scheduledRunTime, @Nullable Instant startedAt,
			@Nullable String duration, @Nullable String errorType, @Nullable String errorMessage) {

	}

	/**
	 * What a write operation did.
	 *
	 * @param taskId the task id
	 * @param action {@code pause}, {@code resume}, {@code run} or {@code delete}
	 * @param task the task afterwards, or {@code null} when it is gone
	 */
	public record TaskActionDescriptor(String taskId, String action,
			@Nullable TaskSummaryDescriptor task) implements OperationResponseBody {

	}

}
