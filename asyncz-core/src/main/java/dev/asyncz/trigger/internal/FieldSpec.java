package dev.asyncz.trigger.internal;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;

import dev.asyncz.trigger.InvalidTriggerException;

/**
 * One cron field: its name for messages, its numeric range and its optional names. Parses
 * the syntax every dialect shares: {@code *}, {@code *}{@code /n}, {@code a},
 * {@code a-b}, {@code a/n}, {@code a-b/n} and comma lists, where {@code a} and {@code b}
 * are numbers or names.
 *
 * @param name the field name used in messages, such as {@code hour}
 * @param min the smallest value
 * @param max the largest value
 * @param names value names in order, lower case, or empty
 * @param firstNameValue the value of the first name
 */
public record FieldSpec(String name, int min, int max, List<String> names, int firstNameValue) {

	/**
	 * A field without names.
	 * @param name the field name
	 * @param min the smallest value
	 * @param max the largest value
	 * @return the field
	 */
	public static FieldSpec of(String name, int min, int max) {
		return new FieldSpec(name, min, max, List.of(), 0);
	}

	/**
	 * Parses a whole field into the set of values it selects, accepting any step.
	 * @param text the field text
	 * @param where appended to error messages, such as {@code " in '0 24 * * *'"}
	 * @return the selected values
	 * @throws InvalidTriggerException naming this field and the bad value
	 */
	public BitSet parse(String text, String where) {
		return parse(text, where, Steps.ANY);
	}

	/**
	 * Parses a whole field into the set of values it selects.
	 * @param text the field text
	 * @param where appended to error messages, such as {@code " in '0 24 * * *'"}
	 * @param steps which steps the dialect accepts
	 * @return the selected values
	 * @throws InvalidTriggerException naming this field and the bad value
	 */
	public BitSet parse(String text, String where, Steps steps) {
		BitSet values = new BitSet();
		for (String item : text.split(",", -1)) {
			parseItem(item.trim(), values, where, steps);
		}
		return values;
	}

	private void parseItem(String item, BitSet values, String where, Steps steps) {
		if (item.isEmpty()) {
			throw invalid("empty value in list", where);
		}
		int slash = item.indexOf('/');
		String range = (slash < 0) ? item : item.substring(0, slash);
		int step = (slash < 0) ? 1 : step(item.substring(slash + 1), where);
		int first;
		int last;
		if (range.equals("*")) {
			first = this.min;
			last = this.max;
		}
		else {
			int dash = range.indexOf('-', 1);
			first = value(dash < 0 ? range : range.substring(0, dash), where);
			last = (dash >= 0) ? value(range.substring(dash + 1), where) : (slash < 0 ? first : this.max);
			if (first > last) {
				throw invalid("range " + range + " goes backwards (" + first + " > " + last + ")", where);
			}
		}
		if (slash >= 0) {
			checkStep(item, step, last - first, steps, where);
		}
		for (int value = first; value <= last; value += step) {
			values.set(value);
		}
	}

	private void checkStep(String item, int step, int span, Steps steps, String where) {
		if (steps == Steps.UP_TO_FIELD_MAX && step > this.max) {
			throw invalid("step " + step + " in " + item + " is larger than " + this.max + ", the largest this field "
					+ "accepts", where);
		}
		if (steps == Steps.UP_TO_SPAN && step > span) {
			throw invalid("step " + step + " in " + item + " is larger than the span of its range (" + span + ")",
					where);
		}
	}

	private int step(String text, String where) {
		if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(Character::isDigit)) {
			throw invalid("step '" + text + "' is not a number", where);
		}
		int step = Integer.parseInt(text);
		if (step < 1) {
			throw invalid("step " + text + " must be at least 1", where);
		}
		return step;
	}

	/**
	 * Reads one value: a number or a name.
	 * @param text the text
	 * @param where appended to error messages
	 * @return the value, within range
	 */
	public int value(String text, String where) {
		String lower = text.trim().toLowerCase(Locale.ROOT);
		int index = this.names.indexOf(lower);
		if (index >= 0) {
			return this.firstNameValue + index;
		}
		if (lower.isEmpty() || lower.length() > 9 || !lower.chars().allMatch(Character::isDigit)) {
			String accepted = this.names.isEmpty() ? "a number" : "a number or one of " + String.join(",", this.names);
			throw invalid("'" + text + "' is not a valid value (expected " + accepted + ")", where);
		}
		int value = Integer.parseInt(lower);
		if (value < this.min || value > this.max) {
			throw invalid(text + " is out of range " + this.min + "-" + this.max, where);
		}
		return value;
	}

	/**
	 * An error about this field.
	 * @param problem what is wrong, naming the value
	 * @param where appended to the message
	 * @return the exception to throw
	 */
	public InvalidTriggerException invalid(String problem, String where) {
		return new InvalidTriggerException(this.name + ": " + problem + where);
	}

	/**
	 * Which steps ({@code /n}) a dialect accepts.
	 */
	public enum Steps {

		/** Any step of at least 1, as crontab and Spring do ({@code *}{@code /90}). */
		ANY,

		/**
		 * Steps up to the field's largest value, as Quartz: 59 for minutes, 23 for hours,
		 * 31 for days of the month, 12 for months, 7 for days of the week.
		 */
		UP_TO_FIELD_MAX,

		/**
		 * Steps up to the span of their range, as APScheduler: {@code *}{@code /75}
		 * minutes and day {@code 10-12/5} are rejected.
		 */
		UP_TO_SPAN

	}

}
