package dev.asyncz.autoconfigure.actuate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.asyncz.autoconfigure.actuate.AsynczEndpoint.ExecutorDescriptor;
import dev.asyncz.autoconfigure.actuate.AsynczEndpoint.FailureDescriptor;
import dev.asyncz.autoconfigure.actuate.AsynczEndpoint.OptionsDescriptor;
import dev.asyncz.autoconfigure.actuate.AsynczEndpoint.OutcomeDescriptor;
import dev.asyncz.autoconfigure.actuate.AsynczEndpoint.RetryDescriptor;
import dev.asyncz.autoconfigure.actuate.AsynczEndpoint.SchedulerDescriptor;
import dev.asyncz.autoconfigure.actuate.AsynczEndpoint.QuarantinePageDescriptor;
import dev.asyncz.autoconfigure.actuate.AsynczEndpoint.QuarantinedDescriptor;
import dev.asyncz.autoconfigure.actuate.AsynczEndpoint.StoreDescriptor;
import dev.asyncz.autoconfigure.actuate.AsynczEndpoint.TaskDetailsDescriptor;
import dev.asyncz.autoconfigure.actuate.AsynczEndpoint.TaskPageDescriptor;
import dev.asyncz.autoconfigure.actuate.AsynczEndpoint.TaskSummaryDescriptor;
import dev.asyncz.autoconfigure.actuate.AsynczEndpoint.TriggerDescriptor;
import dev.asyncz.autoconfigure.actuate.TaskOutcomes.TaskOutcome;
import dev.asyncz.core.ExecutorInfo;
import dev.asyncz.core.Scheduler;
import dev.asyncz.core.StoreInfo;
import dev.asyncz.store.QuarantinedTask;
import dev.asyncz.store.TaskQuery;
import dev.asyncz.store.TaskState;
import dev.asyncz.task.RetryPolicy;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskFailure;
import dev.asyncz.task.TaskOptions;
import dev.asyncz.trigger.Trigger;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.Sanitizer;

/**
 * Turns the scheduler's state into the endpoint's descriptors. Reads at most one page per
 * store: a store with millions of tasks costs no more to describe than one with ten.
 *
 * <p>
 * Public only so that the dashboard module shares it with the endpoint: not API, it may
 * change in any release.
 */
public final class SchedulerDescriber {

	/** The largest page a caller can ask for. */
	static final int MAX_PAGE_SIZE = 500;

	static final int DEFAULT_PAGE_SIZE = 50;

	static final int NEXT_TASKS = 10;

	static final int NEXT_RUN_TIMES = 5;

	private static final Comparator<Task> BY_NEXT_RUN_TIME = Comparator.comparing(Task::nextRunTime,
			Comparator.nullsLast(Comparator.naturalOrder()));

	private final Scheduler scheduler;

	private final TaskOutcomes outcomes;

	private final Sanitizer sanitizer;

	public SchedulerDescriber(Scheduler scheduler, TaskOutcomes outcomes, Sanitizer sanitizer) {
		this.scheduler = scheduler;
		this.outcomes = outcomes;
		this.sanitizer = sanitizer;
	}

	/**
	 * The scheduler as a whole, reading at most one page per store.
	 * @param showValues whether task names and quarantine reasons are shown unsanitised
	 * @return the descriptor
	 */
	public SchedulerDescriptor scheduler(boolean showValues) {
		List<StoreDescriptor> stores = new ArrayList<>();
		List<Task> firstPages = new ArrayList<>();
		TaskQuery firstScheduled = new TaskQuery(null, TaskState.SCHEDULED, 0, NEXT_TASKS);
		this.scheduler.stores().forEach((name, store) -> {
			stores.add(describe(store, store.reachable() ? quarantinedCount(name) : null));
			try {
				firstPages.addAll(this.scheduler.list(name, firstScheduled));
			}
			catch (RuntimeException ex) {
				// An unreachable store is reported in its descriptor; the other stores'
				// tasks still show.
			}
		});
		List<ExecutorDescriptor> executors = new ArrayList<>();
		this.scheduler.executors().values().forEach((executor) -> executors.add(describe(executor)));
		List<TaskSummaryDescriptor> nextTasks = firstPages.stream()
			.sorted(BY_NEXT_RUN_TIME)
			.limit(NEXT_TASKS)
			.map((task) -> summary(task, showValues))
			.toList();
		return new SchedulerDescriptor(this.scheduler.state(), this.scheduler.zone().getId(),
				this.scheduler.clock().instant(), stores, executors, nextTasks, firstQuarantined(stores, showValues));
	}

	private @Nullable Long quarantinedCount(String store) {
		try {
			return this.scheduler.quarantinedCount(store);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * The first quarantined tasks of the stores that hold some, read store by store so
	 * that one unreachable store hides only its own.
	 */
	private List<QuarantinedDescriptor> firstQuarantined(List<StoreDescriptor> stores, boolean showValues) {
		List<QuarantinedDescriptor> quarantined = new ArrayList<>();
		for (StoreDescriptor store : stores) {
			int wanted = NEXT_TASKS - quarantined.size();
			if (wanted == 0) {
				break;
			}
			if (store.quarantinedCount() == null || store.quarantinedCount() == 0) {
				continue;
			}
			try {
				this.scheduler.listQuarantined(store.name(), 0, wanted)
					.forEach((task) -> quarantined.add(describe(task, showValues)));
			}
			catch (RuntimeException ex) {
				// Its descriptor says the store could not answer.
			}
		}
		return quarantined;
	}

	@Nullable QuarantinePageDescriptor quarantinePage(String store, @Nullable Long offset, @Nullable Integer limit,
			boolean showValues) {
		if (!this.scheduler.storeNames().contains(store)) {
			return null;
		}
		long from = offset(offset);
		int size = limit(limit);
		List<QuarantinedDescriptor> tasks = this.scheduler.listQuarantined(store, from, size)
			.stream()
			.map((task) -> describe(task, showValues))
			.toList();
		return new QuarantinePageDescriptor(store, from, size, this.scheduler.quarantinedCount(store), tasks);
	}

	/**
	 * A quarantined task as a list shows it, its reason sanitised unless shown: it may
	 * quote the stored data it could not read.
	 * @param task the quarantined task
	 * @param showValues whether the reason is shown unsanitised
	 * @return the descriptor
	 */
	public QuarantinedDescriptor describe(QuarantinedTask task, boolean showValues) {
		return new QuarantinedDescriptor(task.taskId(), task.store(), sanitizeText("reason", task.reason(), showValues),
				task.dataSize(), task.quarantinedAt());
	}

	/**
	 * One task in detail.
	 * @param id the task id
	 * @param showValues whether arguments and error messages are shown unsanitised
	 * @return the task, or {@code null} when there is no such task
	 */
	public @Nullable TaskDetailsDescriptor task(String id, boolean showValues) {
		return this.scheduler.get(id).map((task) -> details(task, showValues)).orElse(null);
	}

	@Nullable TaskPageDescriptor page(String store, @Nullable String function, @Nullable String state, @Nullable Long offset,
			@Nullable Integer limit, boolean showValues) {
		if (!this.scheduler.storeNames().contains(store)) {
			return null;
		}
		TaskState taskState = parseState(state);
		long from = offset(offset);
		int size = limit(limit);
		String functionFilter = (function != null && !function.isEmpty()) ? function : null;
		List<TaskSummaryDescriptor> tasks = this.scheduler
			.list(store, new TaskQuery(functionFilter, taskState, from, size))
			.stream()
			.map((task) -> summary(task, showValues))
			.toList();
		return new TaskPageDescriptor(store, functionFilter, taskState, from, size, tasks);
	}

	private static long offset(@Nullable Long offset) {
		long from = (offset != null) ? offset : 0;
		if (from < 0) {
			throw new InvalidEndpointRequestException("offset must not be negative, was " + from, "Bad offset");
		}
		return from;
	}

	private static int limit(@Nullable Integer limit) {
		int size = (limit != null) ? limit : DEFAULT_PAGE_SIZE;
		if (size < 1) {
			throw new InvalidEndpointRequestException("limit must be at least 1, was " + size, "Bad limit");
		}
		return Math.min(size, MAX_PAGE_SIZE);
	}

	/**
	 * A task as a list shows it, its name sanitised unless shown: a label people give a
	 * task (such as a reminder's text) is user data as much as its arguments are.
	 * @param task the task
	 * @param showValues whether the name is shown unsanitised
	 * @return the summary
	 */
	public TaskSummaryDescriptor summary(Task task, boolean showValues) {
		return new TaskSummaryDescriptor(task.id(), name(task, showValues), task.function(), task.store(),
				task.executor(), task.trigger().describe(), state(task), task.nextRunTime());
	}

	private TaskDetailsDescriptor details(Task task, boolean showValues) {
		List<@Nullable Object> args = new ArrayList<>(task.args().size());
		for (int i = 0; i < task.args().size(); i++) {
			args.add(sanitize("args[" + i + "]", task.args().get(i), showValues));
		}
		Map<String, @Nullable Object> kwargs = new LinkedHashMap<>();
		task.kwargs().forEach((key, value) -> kwargs.put(key, sanitize(key, value, showValues)));
		TriggerDescriptor trigger = new TriggerDescriptor(task.trigger().describe(),
				nextRunTimes(task.trigger(), task.nextRunTime()));
		OutcomeDescriptor lastOutcome = this.outcomes.last(task.id())
			.map((outcome) -> outcome(outcome, showValues))
			.orElse(null);
		FailureDescriptor failure = (task.failure() != null) ? failure(task.failure(), showValues) : null;
		return new TaskDetailsDescriptor(task.id(), name(task, showValues), task.function(), task.store(),
				task.executor(), state(task), failure, trigger, options(task.options()), args, kwargs, lastOutcome);
	}

	private static OptionsDescriptor options(TaskOptions options) {
		RetryPolicy retry = options.retry();
		RetryDescriptor retryDescriptor = new RetryDescriptor(retry.maxAttempts(), retry.initialDelay().toString(),
				retry.multiplier(), retry.maxDelay().toString(), retry.jitter(), retry.retryOn(), retry.noRetryOn());
		// NO_LIMIT is a duration of centuries: shown as no value rather than as that.
		return new OptionsDescriptor(options.coalesce(), options.maxInstances(),
				options.hasMisfireLimit() ? isoOrNull(options.misfireGraceTime()) : null, options.misfirePolicy(),
				options.hasTimeout() ? isoOrNull(options.timeout()) : null, retryDescriptor);
	}

	private FailureDescriptor failure(TaskFailure failure, boolean showValues) {
		Object message = (failure.message() != null) ? sanitize("errorMessage", failure.message(), showValues) : null;
		return new FailureDescriptor(failure.fireTime(), failure.attempts(), failure.errorType(),
				(message != null) ? message.toString() : null, failure.failedAt(), failure.exhausted());
	}

	private OutcomeDescriptor outcome(TaskOutcome outcome, boolean showValues) {
		Object message = (outcome.errorMessage() != null) ? sanitize("errorMessage", outcome.errorMessage(), showValues)
				: null;
		return new OutcomeDescriptor(outcome.outcome().name(), outcome.scheduledRunTime(), outcome.startedAt(),
				isoOrNull(outcome.duration()), outcome.errorType(), (message != null) ? message.toString() : null);
	}

	private String name(Task task, boolean showValues) {
		return sanitizeText("name", task.name(), showValues);
	}

	/**
	 * A text sanitised as a value of {@code key} is.
	 */
	String sanitizeText(String key, String text, boolean showValues) {
		return String.valueOf(sanitize(key, text, showValues));
	}

	/**
	 * A value as the endpoint shows it: through the sanitizing functions, masked unless
	 * shown.
	 * @param key what the value is, such as {@code args[0]} or {@code errorMessage}
	 * @param value the value
	 * @param showValues whether values are shown unsanitised
	 * @return the value to show
	 */
	public @Nullable Object sanitize(String key, @Nullable Object value, boolean showValues) {
		return this.sanitizer.sanitize(new SanitizableData(null, key, value), showValues);
	}

	/**
	 * The preview {@link dev.asyncz.core.Scheduler#preview(String, int)} gives, from the
	 * task at hand rather than another store read; none while paused.
	 */
	private static List<Instant> nextRunTimes(Trigger trigger, @Nullable Instant next) {
		return (next != null) ? trigger.nextFireTimes(next, NEXT_RUN_TIMES) : List.of();
	}

	private static StoreDescriptor describe(StoreInfo store, @Nullable Long quarantinedCount) {
		return new StoreDescriptor(store.name(), store.type(), store.persistent(),
				store.reachable() ? store.taskCount() : null, quarantinedCount, store.error());
	}

	private static ExecutorDescriptor describe(ExecutorInfo executor) {
		return new ExecutorDescriptor(executor.name(), executor.description(), knownOrNull(executor.active()),
				knownOrNull(executor.queued()));
	}

	private static @Nullable TaskState parseState(@Nullable String state) {
		if (state == null || state.isEmpty()) {
			return null;
		}
		try {
			return TaskState.valueOf(state.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidEndpointRequestException(
					"Unknown state '" + state + "'; accepted states are " + Arrays.toString(TaskState.values()),
					"Bad state");
		}
	}

	private static TaskState state(Task task) {
		if (task.failed()) {
			return TaskState.FAILED;
		}
		return task.paused() ? TaskState.PAUSED : TaskState.SCHEDULED;
	}

	private static @Nullable Integer knownOrNull(int count) {
		return (count >= 0) ? count : null;
	}

	private static @Nullable String isoOrNull(@Nullable Duration duration) {
		return (duration != null) ? duration.toString() : null;
	}

}
