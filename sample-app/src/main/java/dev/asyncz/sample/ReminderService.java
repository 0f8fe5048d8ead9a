package dev.asyncz.sample;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.asyncz.core.Scheduler;
import dev.asyncz.store.TaskQuery;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.trigger.Triggers;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

/**
 * Schedules, lists and cancels reminders: each is a one-shot task calling
 * {@code send-reminder}, kept in the store named by {@code sample.reminders.store}.
 */
@Service
public class ReminderService {

	static final String FUNCTION = "send-reminder";

	private static final int MAX_TEXT = 500;

	private static final Pattern BARE_NUMBER = Pattern.compile("[-+]?[0-9]+([.][0-9]*)?");

	private final Scheduler scheduler;

	private final String store;

	private final Outbox outbox;

	public ReminderService(Scheduler scheduler, @Value("${sample.reminders.store:reminders}") String store,
			Outbox outbox) {
		this.scheduler = scheduler;
		this.store = store;
		this.outbox = outbox;
	}

	/**
	 * Schedules a reminder.
	 * @param request what the client asked for
	 * @return the scheduled reminder
	 * @throws InvalidReminderException if the request does not say clearly what and when
	 */
	public ReminderView schedule(NewReminder request) {
		String text = text(request.text());
		Instant now = this.scheduler.clock().instant();
		Instant at = when(request, now);
		if (at.isBefore(now)) {
			throw new InvalidReminderException("'at' is in the past: " + at + " is before now (" + now + ")");
		}
		Task task = this.scheduler.add(TaskRequest.of(FUNCTION, Triggers.at(at))
			.id(UUID.randomUUID().toString())
			.name(text)
			.args(Map.of("text", text, "createdAt", now.toString()))
			.store(this.store)
			// The defaults suit a reminder: delivered late rather than never (say after a
			// restart), retried if sending fails, kept as failed if it keeps failing.
			.build());
		return ReminderView.of(task);
	}

	/**
	 * The reminders not yet delivered, soonest first.
	 * @param limit the most to return
	 * @return the reminders
	 */
	public List<ReminderView> pending(int limit) {
		// A delivered reminder's task stays in its store until its run has returned and
		// the scheduler has removed it: a reminder already in the outbox is not pending,
		// although its task is still listed for that moment.
		Set<String> delivered = this.outbox.delivered().stream().map(Outbox.Delivered::id).collect(Collectors.toSet());
		return this.scheduler.list(this.store, new TaskQuery(FUNCTION, null, 0, limit))
			.stream()
			.filter((task) -> !delivered.contains(task.id()))
			.map(ReminderView::of)
			.toList();
	}

	/**
	 * One pending reminder.
	 * @param id the reminder id
	 * @return the reminder, or empty if no pending reminder has this id
	 */
	public Optional<ReminderView> find(String id) {
		return reminderTask(id).filter((task) -> !this.outbox.contains(task.id())).map(ReminderView::of);
	}

	/**
	 * Cancels a reminder.
	 * @param id the reminder id
	 * @return whether there was such a reminder
	 */
	public boolean cancel(String id) {
		if (reminderTask(id).isEmpty()) {
			return false;
		}
		this.scheduler.delete(id);
		return true;
	}

	/**
	 * The task of a reminder: a task with another function or in another store is not
	 * one, whatever its id.
	 */
	private Optional<Task> reminderTask(String id) {
		return this.scheduler.get(id)
			.filter((candidate) -> candidate.store().equals(this.store) && candidate.function().equals(FUNCTION));
	}

	private static String text(@Nullable String text) {
		if (!StringUtils.hasText(text)) {
			throw new InvalidReminderException("'text' is required: what should the reminder say?");
		}
		if (text.length() > MAX_TEXT) {
			throw new InvalidReminderException(
					"'text' is " + text.length() + " characters; at most " + MAX_TEXT + " are accepted");
		}
		return text.trim();
	}

	private static Instant when(NewReminder request, Instant now) {
		boolean hasAt = StringUtils.hasText(request.at());
		boolean hasIn = StringUtils.hasText(request.in());
		if (hasAt == hasIn) {
			throw new InvalidReminderException("Give exactly one of 'at' (such as \"2027-03-01T08:00:00Z\", or "
					+ "\"2027-03-01T08:00\" with a 'zone') and 'in' (such as \"PT30S\" or \"10m\")");
		}
		return hasIn ? now.plus(delay(request.in())) : at(request.at(), request.zone());
	}

	private static Duration delay(String in) {
		if (BARE_NUMBER.matcher(in.trim()).matches()) {
			// Spring would read a bare number as milliseconds: {"in": 10} meant to
			// remind in 10 seconds or minutes, not at once.
			throw new InvalidReminderException("'in' has no unit: " + in.trim()
					+ "; write an ISO-8601 duration such as \"PT10S\" or a string with a unit such as \"10s\", \"10m\" or \"2h\"");
		}
		Duration delay;
		try {
			delay = DurationStyle.detectAndParse(in.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidReminderException("'in' is not a duration: \"" + in + "\"; write PT30S, 30s, 10m or 2h");
		}
		if (delay.isNegative()) {
			throw new InvalidReminderException("'in' must not be negative: \"" + in + "\"");
		}
		return delay;
	}

	private static Instant at(String at, @Nullable String zone) {
		try {
			return OffsetDateTime.parse(at.trim()).toInstant();
		}
		catch (DateTimeParseException ex) {
			// Not an instant with an offset: a local date-time needs a zone.
		}
		LocalDateTime local;
		try {
			local = LocalDateTime.parse(at.trim());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidReminderException("'at' is not a date-time: \"" + at
					+ "\"; write 2027-03-01T08:00:00Z, 2027-03-01T09:00:00+01:00, or 2027-03-01T08:00 with a 'zone'");
		}
		if (!StringUtils.hasText(zone)) {
			throw new InvalidReminderException(
					"'at' (\"" + at + "\") has no offset, so 'zone' is required, " + "such as \"Europe/Paris\"");
		}
		try {
			return local.atZone(ZoneId.of(zone.trim())).toInstant();
		}
		catch (DateTimeException ex) {
			throw new InvalidReminderException(
					"'zone' is not a time zone: \"" + zone + "\"; write a zone id such " + "as Europe/Paris or UTC");
		}
	}

	/**
	 * A request for a reminder: what, and either when ({@code at}, with {@code zone} for
	 * a local date-time) or how long from now ({@code in}).
	 *
	 * @param text what to remind of
	 * @param at an ISO-8601 date-time with an offset, or a local one with {@code zone}
	 * @param zone the zone of a local {@code at}
	 * @param in a duration from now, such as {@code PT30S} or {@code 10m}; a bare number
	 * is refused, as it names no unit
	 */
	public record NewReminder(@Nullable String text, @Nullable String at, @Nullable String zone, @Nullable String in) {

	}

	/**
	 * A scheduled reminder.
	 *
	 * @param id its id, for cancelling
	 * @param text what it says
	 * @param at when it is due
	 */
	public record ReminderView(String id, String text, @Nullable Instant at) {

		static ReminderView of(Task task) {
			return new ReminderView(task.id(), task.name(), task.nextRunTime());
		}

	}

	/**
	 * A reminder request that cannot be scheduled; the message says what to send instead.
	 */
	public static class InvalidReminderException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		InvalidReminderException(String message) {
			super(message);
		}

	}

}
