package dev.asyncz.sample;

import java.net.URI;
import java.util.List;

import dev.asyncz.sample.ReminderService.InvalidReminderException;
import dev.asyncz.sample.ReminderService.NewReminder;
import dev.asyncz.sample.ReminderService.ReminderView;

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

/**
 * The reminders API: schedule, list, cancel, and see what was delivered.
 */
@RestController
@RequestMapping("/reminders")
public class ReminderController {

	private final ReminderService reminders;

	private final Outbox outbox;

	public ReminderController(ReminderService reminders, Outbox outbox) {
		this.reminders = reminders;
		this.outbox = outbox;
	}

	@PostMapping
	ResponseEntity<ReminderView> schedule(@RequestBody NewReminder request) {
		ReminderView reminder = this.reminders.schedule(request);
		return ResponseEntity.created(URI.create("/reminders/" + reminder.id())).body(reminder);
	}

	@GetMapping
	List<ReminderView> pending(@RequestParam(defaultValue = "100") int limit) {
		if (limit < 1 || limit > 1000) {
			throw new InvalidReminderException("'limit' must be between 1 and 1000, was " + limit);
		}
		return this.reminders.pending(limit);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<ProblemDetail> cancel(@PathVariable String id) {
		if (this.reminders.cancel(id)) {
			return ResponseEntity.noContent().build();
		}
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

}
