package dev.asyncz.trigger.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.asyncz.trigger.InvalidTriggerException;
import org.jspecify.annotations.Nullable;

/**
 * A cron schedule from asyncz-style fields
 * ({@code year, month, day, week, dayOfWeek, hour, minute,
 * second}), which Spring's cron syntax cannot express (years, ISO weeks). The search
 * follows APScheduler 3: find the first field that does not match, move it to its next
 * allowed value and reset every smaller field to its minimum; years are limited to
 * 1970-9999 so every search ends.
 */
public final class FieldSchedule implements LocalSchedule {

	/** The field names, largest first. */
	public static final List<String> FIELDS = List.of("year", "month", "day", "week", "dayOfWeek", "hour", "minute",
			"second");

	private static final Map<String, String> DEFAULTS = Map.of("year", "*", "month", "1", "day", "1", "week", "*",
			"dayOfWeek", "*", "hour", "0", "minute", "0", "second", "0");

	private static final List<String> WEEKDAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

	private static final FieldSpec YEAR = FieldSpec.of("year", 1970, 9999);

	private static final FieldSpec MONTH = new FieldSpec("month", 1, 12,
			List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1);

	private static final FieldSpec DAY = FieldSpec.of("day", 1, 31);

	private static final FieldSpec WEEK = FieldSpec.of("week", 1, 53);

	private static final FieldSpec DAY_OF_WEEK = new FieldSpec("dayOfWeek", 0, 6, WEEKDAYS, 0);

	private static final FieldSpec HOUR = FieldSpec.of("hour", 0, 23);

	private static final FieldSpec MINUTE = FieldSpec.of("minute", 0, 59);

	private static final FieldSpec SECOND = FieldSpec.of("second", 0, 59);

	private static final Pattern NTH_WEEKDAY = Pattern
		.compile("(1st|2nd|3rd|4th|5th|last)\\s+(" + String.join("|", WEEKDAYS) + ")");

	private final BitSet years;

	private final BitSet months;

	private final BitSet days;

	private final boolean lastDay;

	// {n, ISO day-of-week 1-7}; n = 1..5, or 0 for the last one in the month
	private final List<int[]> nthWeekdays;

	private final BitSet weeks;

	// 0 = Monday
	private final BitSet weekdays;

	private final BitSet hours;

	private final BitSet minutes;

	private final BitSet seconds;

	private FieldSchedule(Map<String, String> fields) {
		this.years = YEAR.parse(fields.get("year"), "", FieldSpec.Steps.UP_TO_SPAN);
		this.months = MONTH.parse(fields.get("month"), "", FieldSpec.Steps.UP_TO_SPAN);
		this.days = new BitSet();
		boolean last = false;
		this.nthWeekdays = new ArrayList<>();
		for (String item : fields.get("day").split(",", -1)) {
			String text = item.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
			Matcher nth = NTH_WEEKDAY.matcher(text);
			if (text.equals("last")) {
				last = true;
			}
			else if (nth.matches()) {
				int n = nth.group(1).equals("last") ? 0 : nth.group(1).charAt(0) - '0';
				this.nthWeekdays.add(new int[] { n, WEEKDAYS.indexOf(nth.group(2)) + 1 });
			}
			else if (text.chars().anyMatch(Character::isLetter)) {
				throw DAY.invalid("'" + item.trim() + "' is not a day (expected 1-31, 'last', or '1st'..'5th' or "
						+ "'last' followed by a weekday such as 'last fri')", "");
			}
			else {
				this.days.or(DAY.parse(item, "", FieldSpec.Steps.UP_TO_SPAN));
			}
		}
		this.lastDay = last;
		this.weeks = WEEK.parse(fields.get("week"), "", FieldSpec.Steps.UP_TO_SPAN);
		this.weekdays = DAY_OF_WEEK.parse(fields.get("dayOfWeek"), "", FieldSpec.Steps.UP_TO_SPAN);
		this.hours = HOUR.parse(fields.get("hour"), "", FieldSpec.Steps.UP_TO_SPAN);
		this.minutes = MINUTE.parse(fields.get("minute"), "", FieldSpec.Steps.UP_TO_SPAN);
		this.seconds = SECOND.parse(fields.get("second"), "", FieldSpec.Steps.UP_TO_SPAN);
		if (!last && this.nthWeekdays.isEmpty()) {
			Calendars.requireReachableDay(DAY.name(), this.days, this.months, "");
		}
	}

	/**
	 * Builds the schedule from the fields given; the others take APScheduler's defaults:
	 * those smaller than the smallest given field take their minimum (second 0, day 1,
	 * month 1; week and dayOfWeek {@code *}), all others {@code *}.
	 * @param given field name to expression, names from {@link #FIELDS}
	 * @return the schedule
	 * @throws InvalidTriggerException naming a field that is unknown or whose value is
	 * invalid
	 */
	public static FieldSchedule compile(Map<String, String> given) {
		for (String name : given.keySet()) {
			if (!FIELDS.contains(name)) {
				throw new InvalidTriggerException("unknown cron field '" + name + "': expected one of " + FIELDS);
			}
		}
		Map<String, String> fields = new LinkedHashMap<>();
		int remaining = given.size();
		boolean useDefaults = false;
		for (String name : FIELDS) {
			String value = given.get(name);
			if (value != null) {
				fields.put(name, value);
				remaining--;
				useDefaults = (remaining == 0);
			}
			else {
				fields.put(name, useDefaults ? DEFAULTS.get(name) : "*");
			}
		}
		return new FieldSchedule(fields);
	}

	@Override
	public @Nullable LocalDateTime next(LocalDateTime after) {
		LocalDateTime time = after.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
		// Every step moves forward by at least a second and years stop at 9999, so this
		// ends.
		while (time.getYear() <= YEAR.max()) {
			LocalDate date = time.toLocalDate();
			if (!this.years.get(time.getYear())) {
				int year = this.years.nextSetBit(time.getYear() + 1);
				if (year < 0) {
					return null;
				}
				time = LocalDateTime.of(year, 1, 1, 0, 0);
			}
			else if (!this.months.get(time.getMonthValue())) {
				int month = this.months.nextSetBit(time.getMonthValue() + 1);
				time = (month < 0) ? LocalDateTime.of(time.getYear() + 1, 1, 1, 0, 0)
						: LocalDateTime.of(time.getYear(), month, 1, 0, 0);
			}
			else if (!matches(date)) {
				time = date.plusDays(1).atStartOfDay();
			}
			else if (!this.hours.get(time.getHour())) {
				int hour = this.hours.nextSetBit(time.getHour() + 1);
				time = (hour < 0) ? date.plusDays(1).atStartOfDay() : date.atTime(hour, 0);
			}
			else if (!this.minutes.get(time.getMinute())) {
				int minute = this.minutes.nextSetBit(time.getMinute() + 1);
				time = (minute < 0) ? time.truncatedTo(ChronoUnit.HOURS).plusHours(1)
						: date.atTime(time.getHour(), minute);
			}
			else if (!this.seconds.get(time.getSecond())) {
				int second = this.seconds.nextSetBit(time.getSecond() + 1);
				time = (second < 0) ? time.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1) : time.withSecond(second);
			}
			else {
				return time;
			}
		}
		return null;
	}

	private boolean matches(LocalDate date) {
		return this.weeks.get(date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR))
				&& this.weekdays.get(date.getDayOfWeek().getValue() - 1) && matchesDayOfMonth(date);
	}

	private boolean matchesDayOfMonth(LocalDate date) {
		int day = date.getDayOfMonth();
		if (this.days.get(day) || (this.lastDay && day == date.lengthOfMonth())) {
			return true;
		}
		for (int[] nth : this.nthWeekdays) {
			if (date.getDayOfWeek().getValue() == nth[1]
					&& ((nth[0] == 0) ? day + 7 > date.lengthOfMonth() : (day - 1) / 7 + 1 == nth[0])) {
				return true;
			}
		}
		return false;
	}

}
