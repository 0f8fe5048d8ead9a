package dev.asyncz.trigger.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.asyncz.trigger.CronDialect;
import dev.asyncz.trigger.InvalidTriggerException;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.support.CronExpression;

/**
 * Turns cron strings of each {@link CronDialect} into {@link LocalSchedule}s built on
 * Spring's {@link CronExpression}. Each field is checked here first so that errors name
 * the field and the value; crontab and Quartz strings are translated to Spring's syntax,
 * whose day-of-week numbering differs from both.
 */
public final class CronStrings {

	private static final List<String> MONTH_NAMES = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
			"sep", "oct", "nov", "dec");

	private static final List<String> SUNDAY_FIRST = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");

	private static final List<String> MONDAY_FIRST = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

	private static final FieldSpec SECOND = FieldSpec.of("second", 0, 59);

	private static final FieldSpec MINUTE = FieldSpec.of("minute", 0, 59);

	private static final FieldSpec HOUR = FieldSpec.of("hour", 0, 23);

	private static final FieldSpec DAY_OF_MONTH = FieldSpec.of("day-of-month", 1, 31);

	private static final FieldSpec MONTH = new FieldSpec("month", 1, 12, MONTH_NAMES, 1);

	private static final FieldSpec CRONTAB_DAY_OF_WEEK = new FieldSpec("day-of-week", 0, 7, SUNDAY_FIRST, 0);

	private static final FieldSpec SPRING_DAY_OF_WEEK = new FieldSpec("day-of-week", 0, 7, MONDAY_FIRST, 1);

	private static final FieldSpec QUARTZ_DAY_OF_WEEK = new FieldSpec("day-of-week", 1, 7, SUNDAY_FIRST, 1);

	private static final FieldSpec YEAR = FieldSpec.of("year", 1970, 9999);

	// Spring reads a day-of-week range that starts on Sunday (SUN-THU, 7-4) as starting
	// at 0, its other number for Sunday, so it does not go backwards.
	private static final Pattern SUNDAY_START = Pattern.compile("^\\s*(?i:sun|7)-");

	private static final Pattern LAST_WEEKDAY = Pattern.compile("(?i)L-(\\d{1,2})W");

	private static final Pattern NEAREST_WEEKDAY = Pattern.compile("(?i)(\\d{1,2})W");

	private static final Map<String, String> MACROS = Map.of("@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *",
			"@monthly", "0 0 1 * *", "@weekly", "0 0 * * 0", "@daily", "0 0 * * *", "@midnight", "0 0 * * *", "@hourly",
			"0 * * * *");

	private CronStrings() {
	}

	/**
	 * Picks the dialect of a string: a macro or five fields is crontab, six fields is
	 * Spring.
	 * @param expression the expression
	 * @return the dialect
	 * @throws InvalidTriggerException for any other shape, saying that Quartz needs its
	 * dialect named
	 */
	public static CronDialect detect(String expression) {
		String trimmed = expression.trim();
		if (trimmed.startsWith("@")) {
			return CronDialect.CRONTAB;
		}
		int count = fields(trimmed).length;
		if (count == 5) {
			return CronDialect.CRONTAB;
		}
		if (count == 6) {
			return CronDialect.SPRING;
		}
		throw new InvalidTriggerException("cron expression '" + expression + "' has " + count
				+ " fields: expected 5 (CRONTAB: minute hour day-of-month month day-of-week), "
				+ "6 (SPRING: seconds first) or a macro such as @daily; QUARTZ expressions (6 or 7 fields, "
				+ "1 = Sunday) must name their dialect: Triggers.cron(CronDialect.QUARTZ, expression, zone)");
	}

	/**
	 * Compiles a cron string.
	 * @param dialect its dialect
	 * @param expression the expression
	 * @return the schedule of wall times it selects
	 * @throws InvalidTriggerException naming the field and value that are wrong
	 */
	public static LocalSchedule compile(CronDialect dialect, String expression) {
		return switch (dialect) {
			case CRONTAB -> crontab(expression);
			case SPRING -> spring(expression);
			case QUARTZ -> quartz(expression);
		};
	}

	private static LocalSchedule crontab(String expression) {
		String text = expression.trim();
		if (text.startsWith("@")) {
			String macro = MACROS.get(text.toLowerCase(Locale.ROOT));
			if (macro == null) {
				throw new InvalidTriggerException("unknown cron macro '" + text + "': expected one of "
						+ String.join(", ", MACROS.keySet().stream().sorted().toList()));
			}
			text = macro;
		}
		String[] fields = fields(text);
		if (fields.length != 5) {
			throw new InvalidTriggerException("crontab expression '" + expression + "' has " + fields.length
					+ " fields: expected 5 (minute hour day-of-month month day-of-week)");
		}
		String where = where(expression);
		BitSet minutes = MINUTE.parse(fields[0], where);
		BitSet hours = HOUR.parse(fields[1], where);
		BitSet days = DAY_OF_MONTH.parse(fields[2], where);
		BitSet months = MONTH.parse(fields[3], where);
		BitSet weekdays = CRONTAB_DAY_OF_WEEK.parse(fields[4], where);
		if (weekdays.get(7)) {
			weekdays.clear(7);
			weekdays.set(0);
		}
		String prefix = "0 " + list(minutes) + " " + list(hours) + " ";
		String month = " " + list(months) + " ";
		// Vixie cron: a day matches if EITHER day field matches when both are restricted
		// (neither starts with '*'); otherwise both must match, which is what Spring
		// always does.
		boolean dayRestricted = !fields[2].startsWith("*");
		boolean weekdayRestricted = !fields[4].startsWith("*");
		if (dayRestricted && weekdayRestricted) {
			return LocalSchedule.union(spring(prefix + list(days) + month + "*", expression, null),
					spring(prefix + "*" + month + list(weekdays), expression, null));
		}
		if (dayRestricted) {
			Calendars.requireReachableDay(DAY_OF_MONTH.name(), days, months, where);
		}
		return spring(prefix + list(days) + month + list(weekdays), expression, null);
	}

	private static LocalSchedule spring(String expression) {
		String text = expression.trim();
		if (!text.startsWith("@")) {
			String[] fields = fields(text);
			if (fields.length != 6) {
				throw new InvalidTriggerException("Spring cron expression '" + expression + "' has " + fields.length
						+ " fields: expected 6 (second minute hour day-of-month month day-of-week)");
			}
			String where = where(expression);
			checkSecondsToMonth(fields, where, FieldSpec.Steps.ANY);
			checkPlainItems(SPRING_DAY_OF_WEEK, fields[5], where, FieldSpec.Steps.ANY);
		}
		return spring(text, expression, null);
	}

	private static LocalSchedule quartz(String expression) {
		String[] fields = fields(expression.trim());
		if (fields.length != 6 && fields.length != 7) {
			throw new InvalidTriggerException("Quartz cron expression '" + expression + "' has " + fields.length
					+ " fields: expected 6 or 7 (second minute hour day-of-month month day-of-week [year])");
		}
		String where = where(expression);
		checkSecondsToMonth(fields, where, FieldSpec.Steps.UP_TO_FIELD_MAX);
		if (fields[3].equals("?") == fields[5].equals("?")) {
			throw new InvalidTriggerException(
					"day-of-month and day-of-week: Quartz needs '?' in exactly one of them" + where);
		}
		BitSet years = null;
		if (fields.length == 7 && !fields[6].equals("*")) {
			years = YEAR.parse(fields[6], where);
		}
		String weekdays = quartzWeekdays(fields[5], where);
		// Quartz's L-nW (the weekday nearest to n days before the last) has no Spring
		// spelling, and Quartz's nW differs from Spring's when day n is a Sunday ending
		// its month (Quartz goes back to the Friday, Spring finds none): those items
		// select whole days of a schedule without a day rule.
		List<String> days = new ArrayList<>();
		List<LocalSchedule> schedules = new ArrayList<>();
		BitSet months = MONTH.parse(fields[4], where);
		for (String item : fields[3].split(",", -1)) {
			Matcher lastWeekday = LAST_WEEKDAY.matcher(item.trim());
			Matcher nearestWeekday = NEAREST_WEEKDAY.matcher(item.trim());
			LocalSchedule everyDay = spring(String.join(" ", fields[0], fields[1], fields[2], "*", fields[4], "?"),
					expression, years);
			if (lastWeekday.matches()) {
				int offset = lastWeekdayOffset(lastWeekday.group(1), months, where);
				schedules.add(new DayFilteredSchedule(everyDay,
						(date) -> isNearestWeekday(date, date.lengthOfMonth() - offset)));
			}
			else if (nearestWeekday.matches()) {
				int day = DAY_OF_MONTH.value(nearestWeekday.group(1), where);
				BitSet only = new BitSet();
				only.set(day);
				Calendars.requireReachableDay(DAY_OF_MONTH.name(), only, months, where);
				schedules.add(new DayFilteredSchedule(everyDay, (date) -> isNearestWeekday(date, day)));
			}
			else {
				days.add(item);
			}
		}
		if (!days.isEmpty()) {
			schedules.add(spring(
					String.join(" ", fields[0], fields[1], fields[2], String.join(",", days), fields[4], weekdays),
					expression, years));
		}
		return schedules.stream().reduce(LocalSchedule::union).orElseThrow();
	}

	private static int lastWeekdayOffset(String digits, BitSet months, String where) {
		int offset = FieldSpec.of("day-of-month", 0, 30).value(digits, where);
		int longest = months.stream().map((month) -> Month.of(month).maxLength()).max().orElse(31);
		if (offset >= longest) {
			throw DAY_OF_MONTH
				.invalid("L-" + offset + "W never occurs in month " + months.toString().replaceAll("[{} ]", ""), where);
		}
		return offset;
	}

	// Quartz's W: the weekday nearest to the target day, never leaving its month; a
	// month without the target day has none.
	private static boolean isNearestWeekday(LocalDate date, int target) {
		if (target < 1 || target > date.lengthOfMonth()) {
			return false;
		}
		LocalDate day = date.withDayOfMonth(target);
		if (day.getDayOfWeek() == DayOfWeek.SATURDAY) {
			day = (target == 1) ? day.plusDays(2) : day.minusDays(1);
		}
		else if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
			day = (target == date.lengthOfMonth()) ? day.minusDays(2) : day.plusDays(1);
		}
		return day.equals(date);
	}

	// Quartz numbers days 1 = Sunday .. 7 = Saturday; Spring 0 or 7 = Sunday, 1 = Monday.
	// Names mean the same in both, so numbers are turned into names or into Spring
	// numbers.
	private static String quartzWeekdays(String field, String where) {
		if (field.equals("?")) {
			return field;
		}
		List<String> items = new ArrayList<>();
		BitSet plain = new BitSet();
		String[] parts = field.split(",", -1);
		for (String item : parts) {
			String upper = item.trim().toUpperCase(Locale.ROOT);
			if (upper.endsWith("L") && parts.length > 1) {
				throw new InvalidTriggerException(
						"day-of-week: Quartz does not accept '" + item.trim() + "' together with other days" + where);
			}
			int hash = upper.indexOf('#');
			if (hash >= 0) {
				int nth = FieldSpec.of("day-of-week", 1, 5).value(upper.substring(hash + 1), where);
				items.add(weekdayName(upper.substring(0, hash), where) + "#" + nth);
			}
			else if (upper.equals("L")) {
				items.add("SAT");
			}
			else if (upper.endsWith("L")) {
				items.add(weekdayName(upper.substring(0, upper.length() - 1), where) + "L");
			}
			else {
				plain.or(QUARTZ_DAY_OF_WEEK.parse(item, where, FieldSpec.Steps.UP_TO_FIELD_MAX));
			}
		}
		if (!plain.isEmpty()) {
			BitSet spring = new BitSet();
			plain.stream().forEach((day) -> spring.set(day - 1));
			items.add(0, list(spring));
		}
		return String.join(",", items);
	}

	private static String weekdayName(String text, String where) {
		return SUNDAY_FIRST.get(QUARTZ_DAY_OF_WEEK.value(text, where) - 1).toUpperCase(Locale.ROOT);
	}

	// Spring and Quartz agree on the first five fields, but not on steps.
	private static void checkSecondsToMonth(String[] fields, String where, FieldSpec.Steps steps) {
		SECOND.parse(fields[0], where, steps);
		MINUTE.parse(fields[1], where, steps);
		HOUR.parse(fields[2], where, steps);
		checkPlainItems(DAY_OF_MONTH, fields[3], where, steps);
		MONTH.parse(fields[4], where, steps);
	}

	// Items with Spring's day specials (?, L, W, #) are left for Spring to check.
	private static void checkPlainItems(FieldSpec spec, String field, String where, FieldSpec.Steps steps) {
		for (String item : field.split(",", -1)) {
			String upper = item.trim().toUpperCase(Locale.ROOT);
			boolean special = upper.equals("?") || upper.contains("#") || upper.endsWith("L")
					|| (spec == DAY_OF_MONTH && (upper.startsWith("L") || upper.endsWith("W")));
			if (!special) {
				spec.parse((spec == SPRING_DAY_OF_WEEK) ? SUNDAY_START.matcher(item).replaceFirst("0-") : item, where,
						steps);
			}
		}
	}

	private static LocalSchedule spring(String spring, String original, @Nullable BitSet years) {
		try {
			return new SpringCronSchedule(CronExpression.parse(spring), years);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidTriggerException("invalid cron expression '" + original + "': " + ex.getMessage(), ex);
		}
	}

	private static String list(BitSet values) {
		StringJoiner joiner = new StringJoiner(",");
		values.stream().forEach((value) -> joiner.add(Integer.toString(value)));
		return joiner.toString();
	}

	private static String[] fields(String text) {
		return text.isEmpty() ? new String[0] : text.split("\\s+");
	}

	private static String where(String expression) {
		return " in '" + expression + "'";
	}

}
