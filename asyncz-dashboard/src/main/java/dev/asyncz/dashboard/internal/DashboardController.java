package dev.asyncz.dashboard.internal;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.asyncz.autoconfigure.actuate.AsynczEndpoint.QuarantineActionDescriptor;
import dev.asyncz.autoconfigure.actuate.AsynczEndpoint.TaskActionDescriptor;
import dev.asyncz.autoconfigure.actuate.AsynczEndpoint.TaskDetailsDescriptor;
import dev.asyncz.autoconfigure.actuate.AsynczEndpoint.TaskSummaryDescriptor;
import dev.asyncz.autoconfigure.actuate.SchedulerDescriber;
import dev.asyncz.autoconfigure.actuate.TaskActions;
import dev.asyncz.core.Scheduler;
import dev.asyncz.dashboard.internal.DashboardViews.Config;
import dev.asyncz.dashboard.internal.DashboardViews.Overview;
import dev.asyncz.dashboard.internal.DashboardViews.Problem;
import dev.asyncz.dashboard.internal.DashboardViews.RunPage;
import dev.asyncz.dashboard.internal.DashboardViews.RunView;
import dev.asyncz.dashboard.internal.DashboardViews.TaskPage;
import dev.asyncz.dashboard.internal.DashboardViews.TaskView;
import dev.asyncz.dashboard.internal.RunHistory.Outcome;
import dev.asyncz.dashboard.internal.RunHistory.Run;
import dev.asyncz.store.CorruptTaskException;
import dev.asyncz.store.TaskSearch;
import dev.asyncz.store.TaskSearchResult;
import dev.asyncz.task.TaskNotFoundException;
import dev.asyncz.trigger.InvalidTriggerException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's page and JSON API under {@code asyncz.dashboard.path}. Reads go through
 * the scheduler's bounded queries; writes through the Actuator endpoint's
 * {@link TaskActions}, so they publish the same audit events, and only when writes are
 * enabled.
 */
@RestController
@RequestMapping("${asyncz.dashboard.path:/asyncz}")
public final class DashboardController {

	static final int DEFAULT_PAGE_SIZE = 25;

	static final int MAX_PAGE_SIZE = 200;

	static final int NEXT_FIRE_TIMES = 10;

	static final int TASK_RUNS = 20;

	private static final String QUARANTINED = "quarantined";

	private static final Resource INDEX = new ClassPathResource("dev/asyncz/dashboard/static/index.html");

	private final Scheduler scheduler;

	private final SchedulerDescriber describer;

	private final TaskActions actions;

	private final RunHistory history;

	private final DashboardSettings settings;

	private final OverviewReader overview;

	/**
	 * Creates the controller.
	 * @param scheduler the scheduler shown
	 * @param describer describes tasks as the endpoint does
	 * @param actions carries out and audits writes
	 * @param history this instance's recent runs
	 * @param settings what the dashboard allows
	 */
	public DashboardController(Scheduler scheduler, SchedulerDescriber describer, TaskActions actions,
			RunHistory history, DashboardSettings settings) {
		this.scheduler = scheduler;
		this.describer = describer;
		this.actions = actions;
		this.history = history;
		this.settings = settings;
		this.overview = new OverviewReader(scheduler, describer, history);
	}

	@GetMapping("")
	ResponseEntity<Void> redirectToPage(HttpServletRequest request) {
		return ResponseEntity.status(HttpStatus.FOUND).header("Location", request.getRequestURI() + "/").build();
	}

	@GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<Resource> page() {
		return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(INDEX);
	}

	@GetMapping("/api/config")
	Config config() {
		return new Config(this.settings.writesEnabled(), this.settings.pollInterval().toMillis(),
				List.copyOf(this.scheduler.storeNames()));
	}

	@GetMapping("/api/overview")
	Overview overview(HttpServletRequest request) {
		return this.overview.read(showValues(request));
	}

	@GetMapping("/api/tasks")
	ResponseEntity<?> tasks(@RequestParam(required = false) @Nullable String store,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String idPrefix,
			@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String function, @RequestParam(defaultValue = "0") long offset,
			@RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int limit, HttpServletRequest request) {
		String storeName = (store != null && !store.isBlank()) ? store : firstStore();
		if (storeName == null || !this.scheduler.storeNames().contains(storeName)) {
			return problem(HttpStatus.NOT_FOUND,
					"No store named '" + store + "'; the stores are " + this.scheduler.storeNames());
		}
		int size = Math.min(limit, MAX_PAGE_SIZE);
		if (QUARANTINED.equalsIgnoreCase(status)) {
			if (offset < 0 || size < 1) {
				throw new IllegalArgumentException("offset must not be negative and limit must be at least 1");
			}
			return ResponseEntity.ok(new TaskPage(storeName, QUARANTINED, offset, size, true, List.of(),
					this.scheduler.listQuarantined(storeName, offset, size)
						.stream()
						.map((quarantined) -> this.describer.describe(quarantined, showValues(request)))
						.toList()));
		}
		TaskSearch.Status wanted = parseStatus(status);
		TaskSearchResult result = this.scheduler.search(storeName,
				new TaskSearch(function, wanted, idPrefix, name, offset, size));
		boolean show = showValues(request);
		List<TaskSummaryDescriptor> tasks = result.tasks()
			.stream()
			.map((task) -> this.describer.summary(task, show))
			.toList();
		return ResponseEntity.ok(new TaskPage(storeName, (wanted != null) ? wanted.name() : null, offset, size,
				result.complete(), tasks, List.of()));
	}

	@GetMapping("/api/task")
	ResponseEntity<?> task(@RequestParam String id, HttpServletRequest request) {
		TaskDetailsDescriptor task = this.describer.task(id, showValues(request));
		if (task == null) {
			return noSuchTask(id);
		}
		boolean show = showValues(request);
		List<RunView> runs = this.history.recent((run) -> run.taskId().equals(id), TASK_RUNS)
			.stream()
			.map((run) -> view(run, show))
			.toList();
		return ResponseEntity.ok(new TaskView(task, this.scheduler.preview(id, NEXT_FIRE_TIMES), runs));
	}

	@PostMapping("/api/task/{action}")
	ResponseEntity<?> act(@PathVariable String action, @RequestParam String id, HttpServletRequest request) {
		TaskActions.Action parsed = switch (action.toLowerCase(Locale.ROOT)) {
			case "pause" -> TaskActions.Action.PAUSE;
			case "resume" -> TaskActions.Action.RESUME;
			case "run" -> TaskActions.Action.RUN;
			default -> null;
		};
		if (parsed == null) {
			return problem(HttpStatus.NOT_FOUND,
					"Unknown action '" + action + "'; the actions are pause, resume, run (and DELETE)");
		}
		return write(id, parsed, request);
	}

	@DeleteMapping("/api/task")
	ResponseEntity<?> delete(@RequestParam String id, HttpServletRequest request) {
		return write(id, TaskActions.Action.DELETE, request);
	}

	@PostMapping("/api/quarantine/retry")
	ResponseEntity<?> retryQuarantined(@RequestParam String store, @RequestParam String id,
			HttpServletRequest request) {
		return writeQuarantined(store, id,
				() -> this.actions.retryQuarantined(store, id, securityContext(request), showValues(request)));
	}

	@DeleteMapping("/api/quarantine")
	ResponseEntity<?> deleteQuarantined(@RequestParam String store, @RequestParam String id,
			HttpServletRequest request) {
		return writeQuarantined(store, id, () -> this.actions.deleteQuarantined(store, id, securityContext(request)));
	}

	@GetMapping("/api/runs")
	RunPage runs(@RequestParam(required = false) @Nullable String outcome,
			@RequestParam(required = false) @Nullable String function,
			@RequestParam(required = false) @Nullable String taskId, @RequestParam(defaultValue = "100") int limit,
			HttpServletRequest request) {
		Outcome wanted = parseOutcome(outcome);
		Predicate<Run> filter = (run) -> (wanted == null || run.outcome() == wanted)
				&& (function == null || function.isBlank() || run.function().equals(function))
				&& (taskId == null || taskId.isBlank() || run.taskId().equals(taskId));
		boolean show = showValues(request);
		List<RunView> runs = this.history.recent(filter, Math.max(1, Math.min(limit, this.history.capacity())))
			.stream()
			.map((run) -> view(run, show))
			.toList();
		return new RunPage(this.history.capacity(), runs);
	}

	@ExceptionHandler({ IllegalArgumentException.class, InvalidEndpointRequestException.class,
			InvalidTriggerException.class })
	ResponseEntity<Problem> badRequest(RuntimeException ex) {
		return problem(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler(CorruptTaskException.class)
	ResponseEntity<Problem> stillCorrupt(CorruptTaskException ex) {
		return problem(HttpStatus.CONFLICT, ex.getMessage());
	}

	@ExceptionHandler(TaskNotFoundException.class)
	ResponseEntity<Problem> notFound(TaskNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	private ResponseEntity<?> write(String id, TaskActions.Action action, HttpServletRequest request) {
		if (!this.settings.writesEnabled()) {
			return readOnly();
		}
		TaskActionDescriptor done = this.actions.perform(id, action, securityContext(request), showValues(request));
		return (done != null) ? ResponseEntity.ok(done) : noSuchTask(id);
	}

	private ResponseEntity<?> writeQuarantined(String store, String id,
			Supplier<@Nullable QuarantineActionDescriptor> action) {
		if (!this.settings.writesEnabled()) {
			return readOnly();
		}
		QuarantineActionDescriptor done = action.get();
		return (done != null) ? ResponseEntity.ok(done)
				: problem(HttpStatus.NOT_FOUND, "No quarantined task with id '" + id + "' in store '" + store + "'");
	}

	private static ResponseEntity<Problem> readOnly() {
		return problem(HttpStatus.FORBIDDEN, "The dashboard is read-only: set asyncz.dashboard.writes-enabled=true "
				+ "to allow pausing, resuming, running and deleting tasks and retrying or deleting quarantined ones");
	}

	private RunView view(Run run, boolean show) {
		Object message = (run.errorMessage() != null)
				? this.describer.sanitize("errorMessage", run.errorMessage(), show) : null;
		return new RunView(run.taskId(), run.function(), run.store(), run.outcome(), run.scheduledRunTime(),
				run.startedAt(), (run.duration() != null) ? run.duration().toMillis() : null,
				(run.lateness() != null) ? run.lateness().toMillis() : null, run.errorType(),
				(message != null) ? message.toString() : null);
	}

	private boolean showValues(HttpServletRequest request) {
		return this.settings.showValues().isShown(securityContext(request), this.settings.roles());
	}

	private @Nullable String firstStore() {
		return this.scheduler.storeNames().stream().findFirst().orElse(null);
	}

	private static ResponseEntity<Problem> noSuchTask(String id) {
		return problem(HttpStatus.NOT_FOUND, "No task with id '" + id + "'");
	}

	private static ResponseEntity<Problem> problem(HttpStatus status, @Nullable String message) {
		return ResponseEntity.status(status).body(new Problem((message != null) ? message : status.getReasonPhrase()));
	}

	private static TaskSearch.@Nullable Status parseStatus(@Nullable String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return TaskSearch.Status.valueOf(status.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Unknown status '" + status + "'; the statuses are scheduled, running, "
					+ "paused, failed and quarantined");
		}
	}

	private static @Nullable Outcome parseOutcome(@Nullable String outcome) {
		if (outcome == null || outcome.isBlank()) {
			return null;
		}
		try {
			return Outcome.valueOf(outcome.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"Unknown outcome '" + outcome + "'; the outcomes are " + List.of(Outcome.values()));
		}
	}

	private static SecurityContext securityContext(HttpServletRequest request) {
		return new SecurityContext() {

			@Override
			public @Nullable Principal getPrincipal() {
				return request.getUserPrincipal();
			}

			@Override
			public boolean isUserInRole(String role) {
				return request.isUserInRole(role);
			}

		};
	}

	/**
	 * What the dashboard allows, from its properties.
	 *
	 * @param writesEnabled whether writes are accepted
	 * @param showValues when values are shown unsanitised
	 * @param roles the roles that see values when authorized
	 * @param pollInterval how often the page refreshes
	 */
	public record DashboardSettings(boolean writesEnabled, Show showValues, Set<String> roles,
			java.time.Duration pollInterval) {

	}

}
