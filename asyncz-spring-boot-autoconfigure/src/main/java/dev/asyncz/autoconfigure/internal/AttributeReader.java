package dev.asyncz.autoconfigure.internal;

import java.lang.reflect.Method;
import java.time.Duration;

import dev.asyncz.autoconfigure.InvalidTaskMethodException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.StringUtils;
import org.springframework.util.StringValueResolver;

/**
 * Reads the attributes of one annotation on one method: resolves {@code ${…}}
 * placeholders, parses durations, and reports a value it cannot use as an
 * {@link InvalidTaskMethodException} naming the bean, the method and the attribute.
 */
class AttributeReader {

	static final String DURATION_ADVICE = "Write a duration such as 500ms, 30s, 10m, 2h, 1d or PT10M.";

	private final StringValueResolver resolver;

	private final String beanName;

	private final Method method;

	private final String annotation;

	/**
	 * Creates a reader.
	 * @param resolver resolves placeholders
	 * @param beanName the bean that declares the method
	 * @param method the method
	 * @param annotation the annotation's name as messages show it, such as
	 * {@code @ScheduledTask}
	 */
	AttributeReader(StringValueResolver resolver, String beanName, Method method, String annotation) {
		this.resolver = resolver;
		this.beanName = beanName;
		this.method = method;
		this.annotation = annotation;
	}

	/**
	 * A string attribute with its placeholders resolved.
	 * @param attribute the attribute's name
	 * @param raw its value as written
	 * @return the trimmed value, or {@code null} when empty, as "not set"
	 */
	@Nullable String text(String attribute, String raw) {
		if (raw.isEmpty()) {
			return null;
		}
		String resolved;
		try {
			resolved = this.resolver.resolveStringValue(raw);
		}
		catch (IllegalArgumentException ex) {
			throw fail(attribute, "\"" + raw + "\" cannot be resolved: " + ex.getMessage(),
					"Define the property the placeholder names, or give the placeholder a default as in ${name:value}.");
		}
		return StringUtils.hasText(resolved) ? resolved.trim() : null;
	}

	@Nullable Duration optionalDuration(String attribute, String raw) {
		String value = text(attribute, raw);
		return (value != null) ? duration(attribute, value) : null;
	}

	Duration duration(String attribute, String value) {
		try {
			return DurationStyle.detectAndParse(value);
		}
		catch (IllegalArgumentException ex) {
			throw fail(attribute, "\"" + value + "\" is not a duration", DURATION_ADVICE);
		}
	}

	Duration nonNegative(String attribute, Duration duration) {
		if (duration.isNegative()) {
			throw fail(attribute, "must not be negative, was " + duration, DURATION_ADVICE);
		}
		return duration;
	}

	InvalidTaskMethodException fail(String attribute, String problem, String action) {
		return new InvalidTaskMethodException(this.beanName, this.method, this.annotation + "(" + attribute + ")",
				problem, action);
	}

}
