package dev.asyncz.autoconfigure;

import dev.asyncz.AsynczException;
import org.jspecify.annotations.Nullable;

/**
 * An {@code asyncz.*} property whose value the scheduler cannot be built from: an unknown
 * store or executor type, an executor bean that does not exist, virtual threads on a JVM
 * without them. Thrown at startup; the failure analysis names the property, its value and
 * what to write instead.
 */
public class InvalidAsynczPropertyException extends AsynczException {

	private static final long serialVersionUID = 1L;

	private final String property;

	private final @Nullable String value;

	private final String action;

	/**
	 * Creates the exception.
	 * @param property the full property name, such as {@code asyncz.stores.default.type}
	 * @param value the bad value, or {@code null} when the property is missing
	 * @param problem why the value cannot be used
	 * @param action what to write instead, such as the accepted values
	 */
	public InvalidAsynczPropertyException(String property, @Nullable String value, String problem, String action) {
		super("Property '" + property + "' " + ((value != null) ? "has value '" + value + "'" : "is not set") + ": "
				+ problem);
		this.property = property;
		this.value = value;
		this.action = action;
	}

	/**
	 * The property at fault.
	 * @return the full property name
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * The value at fault.
	 * @return the value, or {@code null} when the property is missing
	 */
	public @Nullable String getValue() {
		return this.value;
	}

	/**
	 * What to change.
	 * @return the advice, such as the accepted values
	 */
	public String getAction() {
		return this.action;
	}

}
