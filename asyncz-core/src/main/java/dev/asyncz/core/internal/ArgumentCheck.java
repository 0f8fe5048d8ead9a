package dev.asyncz.core.internal;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import dev.asyncz.store.TaskCodec;
import dev.asyncz.task.ArgumentMismatchException;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskCallable;
import org.jspecify.annotations.Nullable;

/**
 * Checks, when a task is added or changed, that its function will receive what the caller
 * passed: the arguments bind to the function's parameters, and in a persistent store they
 * come back from their JSON form as equal values — so a bean such as a {@code Thread}
 * (stored as its getters), a {@code NaN} (read back as a string) or a record passed where
 * the function takes {@code Object} (read back as a map) is refused now rather than
 * failing, or worse running with something else, months later.
 *
 * <p>
 * Values compare as the function sees them: numbers by value (a {@code long} read back as
 * an {@code int} is the same number), text as text, lists and maps element by element,
 * anything else by its own {@code equals} — or, for a class without one, by its JSON form
 * — and only against a value of its own class.
 */
final class ArgumentCheck {

	private final TaskCodec codec;

	ArgumentCheck(TaskCodec codec) {
		this.codec = codec;
	}

	/**
	 * Checks a task's arguments against its function and, for a persistent store, their
	 * JSON form.
	 * @param task the task
	 * @param function its function, or {@code null} for a Java callable (memory stores)
	 * @param persistent whether the store keeps tasks as JSON
	 * @throws ArgumentMismatchException naming the argument or parameter that does not
	 * fit
	 * @throws dev.asyncz.task.InvalidTaskException naming an argument that cannot be
	 * written as JSON
	 */
	void check(Task task, @Nullable TaskCallable function, boolean persistent) {
		List<@Nullable Object> bound;
		try {
			bound = (function != null) ? function.bind(task.args(), task.kwargs()) : null;
		}
		catch (ArgumentMismatchException ex) {
			throw new ArgumentMismatchException("Task '" + task.id() + "': " + ex.getMessage(), ex);
		}
		if (!persistent) {
			return;
		}
		String json = this.codec.writeArguments(task.id(), task.args(), task.kwargs());
		if (plain(task.args()) && plain(task.kwargs().values())) {
			// Strings, booleans, whole numbers and finite doubles come back exactly.
			return;
		}
		TaskCodec.Arguments back = this.codec.readArguments(json);
		if (bound != null) {
			List<@Nullable Object> boundBack = bindBack(task, function, back);
			for (int i = 0; i < bound.size(); i++) {
				requireSame(task, "parameter " + i, bound.get(i), boundBack.get(i));
			}
			return;
		}
		for (int i = 0; i < task.args().size(); i++) {
			requireSame(task, "positional argument " + i, task.args().get(i), back.args().get(i));
		}
		for (Map.Entry<String, @Nullable Object> named : task.kwargs().entrySet()) {
			requireSame(task, "named argument '" + named.getKey() + "'", named.getValue(),
					back.kwargs().get(named.getKey()));
		}
	}

	private static List<@Nullable Object> bindBack(Task task, TaskCallable function, TaskCodec.Arguments back) {
		try {
			List<@Nullable Object> bound = function.bind(back.args(), back.kwargs());
			return (bound != null) ? bound : new ArrayList<>();
		}
		catch (ArgumentMismatchException ex) {
			throw new ArgumentMismatchException("Task '" + task.id() + "': its arguments do not survive being stored "
					+ "as JSON and read back: " + ex.getMessage(), ex);
		}
	}

	private void requireSame(Task task, String what, @Nullable Object given, @Nullable Object back) {
		if (!same(given, back)) {
			throw new ArgumentMismatchException("Task '" + task.id() + "': " + what + " ("
					+ ((given != null) ? given.getClass().getName() : "null") + ") would come back from the store as "
					+ ((back != null) ? back.getClass().getName() + " " + abbreviate(String.valueOf(back)) : "null")
					+ "; pass JSON values (text, numbers, booleans, lists, maps), or a type the function's parameter "
					+ "declares and that converts back to an equal value");
		}
	}

	private boolean same(@Nullable Object given, @Nullable Object back) {
		if (given == null || back == null) {
			return given == back;
		}
		if (given instanceof Number number && back instanceof Number other) {
			return sameNumber(number, other);
		}
		if (given instanceof CharSequence && back instanceof CharSequence) {
			return given.toString().equals(back.toString());
		}
		if (given instanceof Map<?, ?> map && back instanceof Map<?, ?> other) {
			return sameMap(map, other);
		}
		if (sequence(given) && sequence(back)) {
			return sameElements(elements(given), elements(back));
		}
		if (given.getClass() != back.getClass()) {
			return false;
		}
		if (ownEquals(given.getClass())) {
			return given.equals(back);
		}
		return json(given).equals(json(back));
	}

	private boolean sameMap(Map<?, ?> given, Map<?, ?> back) {
		if (given.size() != back.size()) {
			return false;
		}
		Map<String, @Nullable Object> backByName = new HashMap<>();
		back.forEach((key, value) -> backByName.put(String.valueOf(key), value));
		for (Map.Entry<?, ?> entry : given.entrySet()) {
			String key = String.valueOf(entry.getKey());
			if (!backByName.containsKey(key) || !same(entry.getValue(), backByName.get(key))) {
				return false;
			}
		}
		return true;
	}

	private boolean sameElements(Iterator<?> given, Iterator<?> back) {
		while (given.hasNext() && back.hasNext()) {
			if (!same(given.next(), back.next())) {
				return false;
			}
		}
		return !given.hasNext() && !back.hasNext();
	}

	private static boolean sameNumber(Number given, Number back) {
		BigDecimal a = decimal(given);
		BigDecimal b = decimal(back);
		return a != null && b != null && a.compareTo(b) == 0;
	}

	private static @Nullable BigDecimal decimal(Number number) {
		try {
			return (number instanceof BigDecimal decimal) ? decimal : new BigDecimal(number.toString());
		}
		catch (NumberFormatException ex) {
			// NaN and the infinities have no decimal value: JSON has no such numbers.
			return null;
		}
	}

	private String json(Object value) {
		return this.codec.writeArguments("", List.of(value), Map.of());
	}

	private static boolean sequence(Object value) {
		return value instanceof Collection<?> || value.getClass().isArray();
	}

	private static Iterator<?> elements(Object value) {
		if (value instanceof Collection<?> collection) {
			return collection.iterator();
		}
		List<@Nullable Object> elements = new ArrayList<>();
		for (int i = 0; i < Array.getLength(value); i++) {
			elements.add(Array.get(value, i));
		}
		return elements.iterator();
	}

	private static boolean ownEquals(Class<?> type) {
		try {
			return type.getMethod("equals", Object.class).getDeclaringClass() != Object.class;
		}
		catch (NoSuchMethodException ex) {
			return false;
		}
	}

	/**
	 * Whether every value comes back from JSON exactly as it is: text, booleans, whole
	 * numbers, finite doubles, and lists and text-keyed maps of those.
	 */
	private static boolean plain(Collection<?> values) {
		for (Object value : values) {
			if (!plain(value)) {
				return false;
			}
		}
		return true;
	}

	private static boolean plain(@Nullable Object value) {
		if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
				|| value instanceof Long || value instanceof BigInteger) {
			return true;
		}
		if (value instanceof Double number) {
			return Double.isFinite(number);
		}
		if (value instanceof List<?> list) {
			return plain(list);
		}
		if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (!(entry.getKey() instanceof String) || !plain(entry.getValue())) {
					return false;
				}
			}
			return true;
		}
		return false;
	}

	private static String abbreviate(String text) {
		return (text.length() <= 80) ? text : text.substring(0, 77) + "...";
	}

}
