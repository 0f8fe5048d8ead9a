package dev.asyncz.sample;

import java.util.List;

import dev.asyncz.sample.ReminderService.InvalidReminderException;
import dev.asyncz.sample.ReminderService.NewReminder;
import dev.asyncz.sample.ReminderService.ReminderView;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The reminders API: schedule, list, look up and cancel reminders, and see what was
 * delivered.
 */
@RestController
@RequestMapping("/reminders")
public class ReminderController {

	private static final int MAX_LIMIT = 1000;

	private final ReminderService reminders;

	private final Outbox outbox;

	public ReminderController(ReminderService reminders, Outbox outbox) {
		this.reminders = reminders;
		this.outbox = outbox;
	}

	@PostMapping
	ResponseEntity<ReminderView> schedule(@RequestBody NewReminder request, UriComponentsBuilder uri) {
		ReminderView reminder = this.reminders.schedule(request);
		// The reminder's own URL, which GET answers until it is delivered.
		return ResponseEntity.created(uri.path("/reminders/{id}").buildAndExpand(reminder.id()).toUri()).body(reminder);
	}

	@GetMapping
	List<ReminderView> pending(@RequestParam(defaultValue = "100") int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new InvalidParameterException("limit",
					"'limit' must be between 1 and " + MAX_LIMIT + ", was " + limit);
		}
		return this.reminders.pending(limit);
	}

	@GetMapping("/{id}")
	ResponseEntity<?> reminder(@PathVariable String id) {
		return this.reminders.find(id).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> noReminder(id));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<?> cancel(@PathVariable String id) {
		return this.reminders.cancel(id) ? ResponseEntity.noContent().build() : noReminder(id);
	}

	private static ResponseEntity<?> noReminder(String id) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"No pending reminder has the id '" + id + "'");
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
	}

	@GetMapping("/delivered")
	List<Outbox.Delivered> delivered() {
		return this.outbox.delivered();
	}

	@ExceptionHandler
	ProblemDetail invalid(InvalidReminderException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid reminder");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail invalidParameter(InvalidParameterException ex) {
		return invalidParameter(ex.parameter, ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalidParameter(MethodArgumentTypeMismatchException ex) {
		return invalidParameter(ex.getName(),
				"'" + ex.getName() + "' must be a whole number, was '" + ex.getValue() + "'");
	}

	private static ProblemDetail invalidParameter(String parameter, @Nullable String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid query parameter '" + parameter + "'");
		return problem;
	}

	/**
	 * A query parameter out of its range; the message says which values are accepted.
	 */
	static final class InvalidParameterException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final String parameter;

		InvalidParameterException(String parameter, String message) {
			super(message);
			this.parameter = parameter;
		}

	}

}
