package dev.asyncz.autoconfigure.internal;

import java.lang.reflect.Method;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.asyncz.AsynczException;
import dev.asyncz.annotation.ScheduledTask;
import dev.asyncz.autoconfigure.InvalidTaskMethodException;
import dev.asyncz.task.RetryPolicy;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.trigger.CronTrigger;
import dev.asyncz.trigger.IntervalTrigger;
import dev.asyncz.trigger.LifecycleTrigger;
import dev.asyncz.trigger.Trigger;
import dev.asyncz.trigger.Triggers;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringValueResolver;

/**
 * Turns one {@link ScheduledTask @ScheduledTask} into a {@link TaskRequest}: resolves
 * placeholders, parses durations and dates, checks the schedule and the store and
 * executor names, and builds the trigger. Every problem is an
 * {@link InvalidTaskMethodException} naming the bean, method and attribute.
 */
final class ScheduledTaskParser {

	private static final String SCHEDULE_ADVICE = "Set exactly one of cron (such as \"0 8 * * mon-fri\") or interval "
			+ "(such as \"10m\"), or only startDate for a single run.";

	private static final String DURATION_ADVICE = AttributeReader.DURATION_ADVICE;

	private static final String DATE_ADVICE = "Write an ISO-8601 date such as 2027-03-01T08:00:00Z, "
			+ "2027-03-01T09:00:00+01:00, 2027-03-01T08:00 or 2027-03-01 (the last two in the task's zone).";

	private final StringValueResolver resolver;

	private final ZoneId defaultZone;

	private final Set<String> stores;

	private final Set<String> executors;

	private final Function<String, RetryPolicy> inheritedRetry;

	/**
	 * Creates a parser.
	 * @param resolver resolves {@code ${…}} placeholders
	 * @param defaultZone the zone of tasks that name none
	 * @param stores the scheduler's store names
	 * @param executors the scheduler's executor names
	 * @param inheritedRetry the retry policy a task of a function has when it sets none,
	 * by function name: the retry attributes of an annotation that sets some take the
	 * others from it
	 */
	ScheduledTaskParser(StringValueResolver resolver, ZoneId defaultZone, Set<String> stores, Set<String> executors,
			Function<String, RetryPolicy> inheritedRetry) {
		this.resolver = resolver;
		this.defaultZone = defaultZone;
		this.stores = stores;
		this.executors = executors;
		this.inheritedRetry = inheritedRetry;
	}

	/**
	 * Parses one annotation.
	 * @param beanName the bean that declares the method
	 * @param method the method
	 * @param annotation the annotation
	 * @param function the name the method is registered under
	 * @param now the scheduler's current time, the origin of an initial delay
	 * @return the request
	 */
	TaskRequest parse(String beanName, Method method, ScheduledTask annotation, String function, Instant now) {
		return new Parse(beanName, method, annotation).request(function, now);
	}

	/**
	 * The task id an annotation declares: its id attribute, else
	 * {@code beanName.methodName}.
	 * @param beanName the bean name
	 * @param method the method
	 * @param annotation the annotation
	 * @return the id
	 */
	String id(String beanName, Method method, ScheduledTask annotation) {
		String id = new Parse(beanName, method, annotation).text("id", annotation.id());
		return (id != null) ? id : beanName + "." + method.getName();
	}

	private final class Parse extends AttributeReader {

		private final String beanName;

		private final Method method;

		private final ScheduledTask annotation;

		Parse(String beanName, Method method, ScheduledTask annotation) {
			super(ScheduledTaskParser.this.resolver, beanName, method, "@ScheduledTask");
			this.beanName = beanName;
			this.method = method;
			this.annotation = annotation;
		}

		TaskRequest request(String function, Instant now) {
			ScheduledTask a = this.annotation;
			TaskRequest.Builder request = TaskRequest.of(function, trigger(now))
				.id(id(this.beanName, this.method, a))
				.name(text("name", a.name()))
				.store(name("store", a.store(), ScheduledTaskParser.this.stores, "asyncz.stores"))
				.executor(name("executor", a.executor(), ScheduledTaskParser.this.executors, "asyncz.executors"))
				.paused(a.paused())
				.replaceExisting(a.replaceExisting());
			Boolean coalesce = bool("coalesce", a.coalesce());
			if (coalesce != null) {
				request.coalesce(coalesce);
			}
			if (a.maxInstances() != -1) {
				if (a.maxInstances() < 1) {
					throw fail("maxInstances", "must be at least 1, was " + a.maxInstances(),
							"Set maxInstances to 1 or more, or leave it out for asyncz.task-defaults.max-instances.");
				}
				request.maxInstances(a.maxInstances());
			}
			request.options(TaskOptionAttributes.of(a)
				.applyTo(this, request.options(), () -> ScheduledTaskParser.this.inheritedRetry.apply(function)));
			return request.build();
		}

		private Trigger trigger(Instant now) {
			ScheduledTask a = this.annotation;
			String cron = text("cron", a.cron());
			String interval = text("interval", a.interval());
			String on = text("on", a.on());
			if (on != null) {
				return lifecycle(on);
			}
			@Nullable ZoneId zone = zone();
			ZoneId effectiveZone = (zone != null) ? zone : ScheduledTaskParser.this.defaultZone;
			@Nullable Instant start = date("startDate", a.startDate(), effectiveZone);
			@Nullable Instant end = date("endDate", a.endDate(), effectiveZone);
			@Nullable Duration initialDelay = optionalDuration("initialDelay", a.initialDelay());
			@Nullable Duration jitter = optionalDuration("jitter", a.jitter());
			if (cron != null && interval != null) {
				throw fail("cron, interval",
						"both given (\"" + cron + "\" and \"" + interval + "\"), but a task has one schedule",
						SCHEDULE_ADVICE);
			}
			if (initialDelay != null && start != null) {
				throw fail("initialDelay", "is set together with startDate; both say when the schedule begins",
						"Keep only one of initialDelay and startDate.");
			}
			if (initialDelay != null) {
				start = now.plus(nonNegative("initialDelay", initialDelay));
			}
			if (cron != null) {
				String expression = cron;
				CronTrigger trigger = attempt("cron", cron, () -> Triggers.cron(expression, effectiveZone),
						"Write five fields (minute hour day month weekday), six with seconds first, or a macro such as @daily.");
				return refine(trigger, start, end, jitter);
			}
			if (interval != null) {
				Duration every = duration("interval", interval);
				if (every.isNegative() || every.isZero()) {
					throw fail("interval", "must be positive, was \"" + interval + "\"", DURATION_ADVICE);
				}
				Instant first = (start != null) ? start : now;
				IntervalTrigger trigger = attempt("interval", interval, () -> Triggers.every(every), DURATION_ADVICE);
				if (zone != null) {
					trigger = trigger.inZone(zone);
				}
				return refine(trigger, first, end, jitter);
			}
			if (initialDelay != null) {
				throw fail("initialDelay", "is set without cron or interval", SCHEDULE_ADVICE);
			}
			if (start == null) {
				throw fail("cron, interval", "none given, and no startDate either: the task has no schedule",
						SCHEDULE_ADVICE);
			}
			if (end != null) {
				throw fail("endDate", "is set for a single run (only startDate)",
						"Remove endDate, or add a cron or interval to repeat the task until then.");
			}
			if (jitter != null) {
				throw fail("jitter", "is set for a single run (only startDate)",
						"Remove jitter, or add a cron or interval to repeat the task.");
			}
			return Triggers.at(start);
		}

		private LifecycleTrigger lifecycle(String on) {
			ScheduledTask a = this.annotation;
			for (String[] timed : new String[][] { { "cron", a.cron() }, { "interval", a.interval() },
					{ "startDate", a.startDate() }, { "endDate", a.endDate() }, { "initialDelay", a.initialDelay() },
					{ "jitter", a.jitter() } }) {
				if (text(timed[0], timed[1]) != null) {
					throw fail("on, " + timed[0],
							"both given, but a task that runs on \"" + on + "\" has no times of its own",
							"Remove " + timed[0] + ", or remove on.");
				}
			}
			return switch (on.trim().toLowerCase(Locale.ROOT)) {
				case "start" -> Triggers.onStart();
				case "shutdown" -> Triggers.onShutdown();
				default -> throw fail("on", "is \"" + on + "\"", "Write start or shutdown, or leave on empty.");
			};
		}

		private CronTrigger refine(CronTrigger trigger, @Nullable Instant start, @Nullable Instant end,
				@Nullable Duration jitter) {
			CronTrigger refined = trigger;
			if (start != null) {
				Instant value = start;
				CronTrigger current = refined;
				refined = attempt("startDate", value.toString(), () -> current.startingAt(value), DATE_ADVICE);
			}
			if (end != null) {
				CronTrigger current = refined;
				refined = attempt("endDate", end.toString(), () -> current.endingAt(end), DATE_ADVICE);
			}
			if (jitter != null) {
				CronTrigger current = refined;
				refined = attempt("jitter", jitter.toString(), () -> current.withJitter(jitter), DURATION_ADVICE);
			}
			return refined;
		}

		private IntervalTrigger refine(IntervalTrigger trigger, Instant start, @Nullable Instant end,
				@Nullable Duration jitter) {
			IntervalTrigger refined = attempt("startDate", start.toString(), () -> trigger.startingAt(start),
					DATE_ADVICE);
			if (end != null) {
				IntervalTrigger current = refined;
				refined = attempt("endDate", end.toString(), () -> current.endingAt(end), DATE_ADVICE);
			}
			if (jitter != null) {
				IntervalTrigger current = refined;
				refined = attempt("jitter", jitter.toString(), () -> current.withJitter(jitter), DURATION_ADVICE);
			}
			return refined;
		}

		private <T> T attempt(String attribute, String value, Supplier<T> step, String advice) {
			try {
				return step.get();
			}
			catch (AsynczException | IllegalArgumentException | DateTimeException ex) {
				throw fail(attribute, "\"" + value + "\" is not accepted: " + ex.getMessage(), advice);
			}
		}

		private @Nullable ZoneId zone() {
			String zone = text("zone", this.annotation.zone());
			if (zone == null) {
				return null;
			}
			try {
				return ZoneId.of(zone);
			}
			catch (DateTimeException ex) {
				throw fail("zone", "\"" + zone + "\" is not a time zone: " + ex.getMessage(),
						"Write a zone id such as Europe/Paris, UTC or +02:00.");
			}
		}

		private @Nullable String name(String attribute, String raw, Set<String> known, String property) {
			String name = text(attribute, raw);
			if (name != null && !known.contains(name)) {
				throw fail(attribute, "there is no " + attribute + " named \"" + name + "\"",
						"Use one of the configured names " + known + ", or add one under " + property + "." + name
								+ ".");
			}
			return name;
		}

		private @Nullable Boolean bool(String attribute, String raw) {
			String value = text(attribute, raw);
			if (value == null) {
				return null;
			}
			if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
				return Boolean.valueOf(value);
			}
			throw fail(attribute, "\"" + value + "\" is not true or false",
					"Write \"true\" or \"false\", or leave it empty for the default.");
		}

		private @Nullable Instant date(String attribute, String raw, ZoneId zone) {
			String value = text(attribute, raw);
			if (value == null) {
				return null;
			}
			try {
				return parseDate(value, zone);
			}
			catch (DateTimeParseException ex) {
				throw fail(attribute, "\"" + value + "\" is not a date", DATE_ADVICE);
			}
		}

	}

	/**
	 * Reads an ISO-8601 instant, date-time with offset or zone, or a local date-time or
	 * date in {@code zone}.
	 * @param value the text
	 * @param zone the zone of local values
	 * @return the instant
	 * @throws DateTimeParseException if the text is none of these
	 */
	static Instant parseDate(String value, ZoneId zone) {
		try {
			return ZonedDateTime.parse(value, DateTimeFormatter.ISO_DATE_TIME).toInstant();
		}
		catch (DateTimeParseException ex) {
			// Not an instant or a date-time with a zone: try the local forms.
		}
		try {
			return LocalDateTime.parse(value).atZone(zone).toInstant();
		}
		catch (DateTimeParseException ex) {
			return LocalDate.parse(value).atStartOfDay(zone).toInstant();
		}
	}

}
