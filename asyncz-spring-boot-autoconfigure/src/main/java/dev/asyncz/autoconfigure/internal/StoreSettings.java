package dev.asyncz.autoconfigure.internal;

import java.util.function.Supplier;

import dev.asyncz.autoconfigure.InvalidAsynczPropertyException;
import dev.asyncz.AsynczException;
import org.jspecify.annotations.Nullable;

/**
 * Builds a store's settings from its {@code asyncz.stores.<name>.*} properties one value
 * at a time, so that a value the store rejects is reported under the property it came
 * from rather than as the store's own message alone.
 */
public final class StoreSettings {

	private StoreSettings() {
	}

	/**
	 * Builds settings that take one more property value.
	 * @param <T> the settings type
	 * @param property the full property name, such as
	 * {@code asyncz.stores.durable.table-prefix}
	 * @param value the property's value
	 * @param action what to write instead, should the store reject the value
	 * @param build builds the settings with the value, checking it
	 * @return the settings
	 * @throws InvalidAsynczPropertyException naming the property if the store rejects the
	 * value
	 */
	public static <T> T checked(String property, @Nullable Object value, String action, Supplier<T> build) {
		try {
			return build.get();
		}
		catch (AsynczException ex) {
			throw new InvalidAsynczPropertyException(property, String.valueOf(value), String.valueOf(ex.getMessage()),
					action);
		}
	}

}
