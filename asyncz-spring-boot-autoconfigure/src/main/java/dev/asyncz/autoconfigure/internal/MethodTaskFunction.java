package dev.asyncz.autoconfigure.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.asyncz.task.ArgumentMismatchException;
import dev.asyncz.task.TaskCallable;
import dev.asyncz.task.TaskContext;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * A task function that calls a bean method, binding the task's arguments to its
 * parameters: positional arguments in order, then named arguments by parameter name; a
 * {@link TaskContext} parameter receives the run's context. Arguments are converted to
 * the parameter types with a {@link JsonMapper}, since arguments read back from a
 * persistent store are JSON-shaped.
 */
public final class MethodTaskFunction implements TaskCallable {

	private static final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();

	private final String name;

	private final Object bean;

	private final Method method;

	private final List<Param> params;

	private final JsonMapper jsonMapper;

	/**
	 * Creates a function.
	 * @param name the function's name, for messages
	 * @param bean the bean (or its proxy) to call the method on
	 * @param method the method, invocable on {@code bean}
	 * @param targetClass the bean's class, to resolve generic parameter types
	 * @param jsonMapper converts arguments to parameter types
	 */
	public MethodTaskFunction(String name, Object bean, Method method, Class<?> targetClass, JsonMapper jsonMapper) {
		this.name = name;
		this.bean = bean;
		this.method = method;
		this.jsonMapper = jsonMapper;
		this.params = params(method, targetClass, jsonMapper);
		ReflectionUtils.makeAccessible(method);
	}

	private static List<Param> params(Method method, Class<?> targetClass, JsonMapper jsonMapper) {
		String[] names = parameterNames.getParameterNames(method);
		Param[] params = new Param[method.getParameterCount()];
		for (int i = 0; i < params.length; i++) {
			Type type = ResolvableType.forMethodParameter(method, i, targetClass).getType();
			String name = (names != null) ? names[i] : null;
			params[i] = new Param(i, name, method.getParameterTypes()[i], jsonMapper.constructType(type),
					type instanceof Class<?>);
		}
		return List.of(params);
	}

	/**
	 * How many parameters take a {@link TaskContext}.
	 * @param method the method
	 * @return the count
	 */
	static long contextParameters(Method method) {
		return List.of(method.getParameterTypes()).stream().filter(TaskContext.class::equals).count();
	}

	@Override
	public @Nullable Object run(TaskContext context) throws Exception {
		return call(bind(context.taskId(), context.args(), context.kwargs(), context));
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Calls the method with the values {@link #bind(List, Map)} converted, the context in
	 * its place: nothing is converted again.
	 */
	@Override
	public @Nullable Object runBound(TaskContext context, List<@Nullable Object> bound) throws Exception {
		@Nullable Object[] args = new Object[this.params.size()];
		int next = 0;
		for (Param param : this.params) {
			args[param.index] = (param.rawType == TaskContext.class) ? context : bound.get(next++);
		}
		return call(args);
	}

	private @Nullable Object call(@Nullable Object[] args) throws Exception {
		try {
			return this.method.invoke(this.bean, args);
		}
		catch (InvocationTargetException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof Exception exception) {
				throw exception;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * The values of the parameters other than a {@link TaskContext}, in order.
	 */
	@Override
	public List<@Nullable Object> bind(List<@Nullable Object> args, Map<String, @Nullable Object> kwargs) {
		@Nullable Object[] bound = bind(null, args, kwargs, null);
		List<@Nullable Object> values = new ArrayList<>(bound.length);
		for (Param param : this.params) {
			if (param.rawType != TaskContext.class) {
				values.add(bound[param.index]);
			}
		}
		return values;
	}

	private @Nullable Object[] bind(@Nullable String taskId, List<@Nullable Object> positional,
			Map<String, @Nullable Object> named, @Nullable TaskContext context) {
		@Nullable Object[] args = new Object[this.params.size()];
		Set<String> usedNames = new HashSet<>();
		int next = 0;
		for (Param param : this.params) {
			if (param.rawType == TaskContext.class) {
				args[param.index] = context;
			}
			else if (next < positional.size()) {
				args[param.index] = convert(taskId, param, positional.get(next++));
			}
			else if (param.name != null && named.containsKey(param.name)) {
				usedNames.add(param.name);
				args[param.index] = convert(taskId, param, named.get(param.name));
			}
			else {
				throw new ArgumentMismatchException(describe(taskId) + " needs an argument for " + param.describe()
						+ ", but the task gives " + positional.size()
						+ " positional argument(s) and the named argument(s) " + named.keySet());
			}
		}
		if (next < positional.size()) {
			throw new ArgumentMismatchException(describe(taskId) + " takes at most " + next
					+ " positional argument(s), but the task gives " + positional.size());
		}
		Set<String> unknown = new HashSet<>(named.keySet());
		unknown.removeAll(usedNames);
		if (!unknown.isEmpty()) {
			throw new ArgumentMismatchException(
					describe(taskId) + " has no parameter for the named argument(s) " + unknown + " (its parameters: "
							+ this.params.stream()
								.filter((param) -> param.rawType != TaskContext.class)
								.map(Param::describe)
								.toList()
							+ ")");
		}
		return args;
	}

	private @Nullable Object convert(@Nullable String taskId, Param param, @Nullable Object value) {
		if (value == null) {
			if (param.rawType.isPrimitive()) {
				throw new ArgumentMismatchException(describe(taskId) + " cannot pass null to " + param.describe());
			}
			return null;
		}
		if (param.plainClass && ClassUtils.resolvePrimitiveIfNecessary(param.rawType).isInstance(value)) {
			return value;
		}
		try {
			return this.jsonMapper.convertValue(value, param.javaType);
		}
		catch (IllegalArgumentException | JacksonException ex) {
			throw new ArgumentMismatchException(describe(taskId) + " cannot convert the argument for "
					+ param.describe() + " from " + value.getClass().getName() + " to " + param.javaType.toCanonical()
					+ ": " + ex.getMessage(), ex);
		}
	}

	private String describe(@Nullable String taskId) {
		return ((taskId != null) ? "Task '" + taskId + "': function '" : "Function '") + this.name + "'";
	}

	@Override
	public String toString() {
		return "function '" + this.name + "' (" + ClassUtils.getQualifiedMethodName(this.method) + ")";
	}

	private record Param(int index, @Nullable String name, Class<?> rawType, JavaType javaType, boolean plainClass) {

		String describe() {
			return "parameter " + this.index + ((this.name != null) ? " '" + this.name + "'" : "") + " ("
					+ this.javaType.toCanonical() + ")";
		}

	}

}
