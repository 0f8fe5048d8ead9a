package dev.asyncz.trigger.internal;

import java.time.Month;
import java.util.BitSet;

import dev.asyncz.trigger.InvalidTriggerException;

/**
 * Checks that catch calendars that can never fire, at build time rather than by searching
 * for thousands of years.
 */
public final class Calendars {

	private Calendars() {
	}

	/**
	 * Fails if every selected day of the month is beyond the length of every selected
	 * month, as {@code day=30 month=2} is.
	 * @param dayField the name of the day field, for the message
	 * @param days selected days of the month (1-31)
	 * @param months selected months (1-12)
	 * @param where appended to the message
	 * @throws InvalidTriggerException naming the day and the months
	 */
	public static void requireReachableDay(String dayField, BitSet days, BitSet months, String where) {
		int longest = 0;
		for (int month = months.nextSetBit(1); month >= 1 && month <= 12; month = months.nextSetBit(month + 1)) {
			longest = Math.max(longest, Month.of(month).maxLength());
		}
		int earliest = days.nextSetBit(1);
		if (earliest > longest) {
			throw new InvalidTriggerException(dayField + ": day " + earliest + " never occurs in month "
					+ months.toString().replaceAll("[{} ]", "") + where);
		}
	}

}
