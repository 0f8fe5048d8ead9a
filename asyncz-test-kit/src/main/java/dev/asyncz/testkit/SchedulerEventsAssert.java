package dev.asyncz.testkit;

import java.util.List;
import java.util.function.Predicate;

import dev.asyncz.event.SchedulerEvent;
import dev.asyncz.event.TaskError;
import dev.asyncz.event.TaskExecuted;
import dev.asyncz.event.TaskFailed;
import dev.asyncz.event.TaskMissed;
import dev.asyncz.event.TaskRetryScheduled;
import dev.asyncz.event.TaskRunEvent;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on recorded scheduler events. A task is named by its id or by the function
 * it calls: {@code hasExecuted("send-reminder")} counts the runs of every task calling
 * {@code send-reminder}.
 */
public final class SchedulerEventsAssert extends AbstractAssert<SchedulerEventsAssert, List<SchedulerEvent>> {

	SchedulerEventsAssert(List<SchedulerEvent> events) {
		super(events, SchedulerEventsAssert.class);
	}

	/**
	 * Asserts that a task ran successfully, at least once unless a count follows.
	 * @param task a task id or function name
	 * @return the count of successful runs, to assert on further
	 */
	public EventCountAssert hasExecuted(String task) {
		return count("executed", TaskExecuted.class, task);
	}

	/**
	 * Asserts that a run of a task failed (an attempt threw, whether or not a retry
	 * followed).
	 * @param task a task id or function name
	 * @return the count of failed attempts
	 */
	public EventCountAssert hasFailed(String task) {
		return count("failed", TaskError.class, task);
	}

	/**
	 * Asserts that a task used up its attempts and was kept as failed or removed.
	 * @param task a task id or function name
	 * @return the count of fire times given up
	 */
	public EventCountAssert hasGivenUp(String task) {
		return count("given up after its last attempt", TaskFailed.class, task);
	}

	/**
	 * Asserts that a failed run of a task was set to be retried.
	 * @param task a task id or function name
	 * @return the count of retries scheduled
	 */
	public EventCountAssert hasRetried(String task) {
		return count("scheduled a retry", TaskRetryScheduled.class, task);
	}

	/**
	 * Asserts that a fire time of a task was missed (dropped by its misfire rule).
	 * @param task a task id or function name
	 * @return the count of missed fire times
	 */
	public EventCountAssert hasMissed(String task) {
		return count("missed a run", TaskMissed.class, task);
	}

	/**
	 * Asserts that no run of any task failed.
	 * @return this
	 */
	public SchedulerEventsAssert hasNoFailures() {
		isNotNull();
		List<TaskError> errors = this.actual.stream()
			.filter(TaskError.class::isInstance)
			.map(TaskError.class::cast)
			.toList();
		if (!errors.isEmpty()) {
			failWithMessage("Expected no failed run, but %d failed: %s", errors.size(), errors);
		}
		return this;
	}

	private EventCountAssert count(String what, Class<? extends TaskRunEvent> type, String task) {
		isNotNull();
		Predicate<SchedulerEvent> matches = (event) -> type.isInstance(event)
				&& (((TaskRunEvent) event).taskId().equals(task) || ((TaskRunEvent) event).function().equals(task));
		List<SchedulerEvent> found = this.actual.stream().filter(matches).toList();
		if (found.isEmpty()) {
			failWithMessage("Expected task '%s' to have %s, but it had not; task events recorded:%n%s", task, what,
					describe());
		}
		return new EventCountAssert(task, what, found, this);
	}

	private String describe() {
		StringBuilder text = new StringBuilder();
		this.actual.stream()
			.filter(TaskRunEvent.class::isInstance)
			.forEach((event) -> text.append("  ").append(event).append(System.lineSeparator()));
		return text.isEmpty() ? "  (none)" : text.toString();
	}

}
