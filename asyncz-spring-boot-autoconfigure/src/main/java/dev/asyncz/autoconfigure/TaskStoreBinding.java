package dev.asyncz.autoconfigure;

import java.util.function.Supplier;

import dev.asyncz.AsynczException;
import org.jspecify.annotations.Nullable;

/**
 * The keys of one named store, {@code asyncz.stores.<name>.*}, as its
 * {@link TaskStoreFactory} sees them. The auto-configuration reads only {@code type};
 * every other key belongs to the store type, whose factory binds them to a properties
 * class of its own with {@link #bind(Class)}. A new store type therefore brings its keys
 * with it and needs no change to {@link AsynczProperties}.
 * <p>
 * Whatever goes wrong is reported under the full key, such as
 * {@code asyncz.stores.durable.table-prefix}, with an
 * {@link InvalidAsynczPropertyException} that the failure analysis turns into a message
 * naming the key and what it accepts.
 */
public interface TaskStoreBinding {

	/**
	 * The store's name, the {@code <name>} of {@code asyncz.stores.<name>.*}.
	 * @return the name, such as {@code default} or {@code durable}
	 */
	String name();

	/**
	 * The full name of one of the store's keys, to name in messages.
	 * @param key the key under the store, in kebab case, such as {@code table-prefix}
	 * @return the full key, such as {@code asyncz.stores.durable.table-prefix}
	 */
	default String key(String key) {
		return "asyncz.stores." + name() + "." + key;
	}

	/**
	 * Binds the store's keys, all but {@code type}, to a new instance of a properties
	 * class: a JavaBean with a public no-argument constructor whose setters name the keys
	 * in camel case ({@code setTablePrefix} binds {@code table-prefix}) and whose field
	 * initialisers hold the defaults. Call it once per store; a store type without keys
	 * of its own need not call it, and is then refused any key but {@code type}.
	 * @param <T> the properties type
	 * @param type the properties class
	 * @return the bound properties, with their defaults where a key is not set
	 * @throws InvalidAsynczPropertyException naming the full key if a key is not one of
	 * the class's (a misspelling, or a key of another store type), listing the accepted
	 * keys; or if a value cannot be converted, listing the accepted values where there is
	 * a fixed set
	 */
	<T> T bind(Class<T> type);

	/**
	 * Builds something from one of the store's values, such as the store's own settings,
	 * and reports a value the store rejects under the key it came from rather than as the
	 * store's own message alone.
	 * @param <T> the type of what is built
	 * @param key the key under the store, such as {@code table-prefix}
	 * @param value the key's value, for the message
	 * @param action what to write instead, such as the accepted values
	 * @param build builds with the value; an {@link AsynczException} it throws means the
	 * value is rejected
	 * @return what was built
	 * @throws InvalidAsynczPropertyException naming the full key, the value and the
	 * store's reason, if the value is rejected
	 */
	default <T> T checked(String key, @Nullable Object value, String action, Supplier<T> build) {
		try {
			return build.get();
		}
		catch (AsynczException ex) {
			throw new InvalidAsynczPropertyException(key(key), String.valueOf(value), String.valueOf(ex.getMessage()),
					action);
		}
	}

}
