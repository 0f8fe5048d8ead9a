package dev.asyncz.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.asyncz.task.InvalidTaskException;
import dev.asyncz.task.MisfirePolicy;
import dev.asyncz.task.RetryPolicy;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskFailure;
import dev.asyncz.task.TaskOptions;
import dev.asyncz.trigger.Trigger;
import dev.asyncz.trigger.TriggerJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes tasks as JSON and reads them back, for persistent stores. Arguments become plain
 * JSON values; a trigger becomes an object with a {@code type} name. Reading never
 * instantiates a class named by the data: arguments come back as strings, numbers,
 * booleans, lists and maps. It reads both {@link WriteFormat forms} and writes the one it
 * was made for (see {@link #withWriteFormat}).
 */
public final class TaskCodec {

	/**
	 * The version of the task JSON layout, written into every whole-task document.
	 * Version 1 kept the options at the top level; version 2 keeps them in one
	 * {@code options} object. Both are read.
	 */
	public static final int FORMAT_VERSION = 2;

	/** The deepest nesting of lists and maps an argument may have. */
	private static final int MAX_NESTING = 100;

	/** The mapper given, or {@code null} for the {@link SharedMapper shared default}. */
	private final @Nullable JsonMapper mapper;

	private final TriggerJson triggers;

	private final WriteFormat writeFormat;

	/**
	 * A codec with the {@link #defaultMapper() default mapper}: one instance shared by
	 * every such codec and built on first use, so that building a scheduler or a store
	 * costs no mapper. It writes the {@link WriteFormat#COMPACT compact} form.
	 */
	public TaskCodec() {
		this.mapper = null;
		this.triggers = new TriggerJson();
		this.writeFormat = WriteFormat.COMPACT;
	}

	/**
	 * Builds the mapper that codecs made with {@link #TaskCodec()} share, unless it is
	 * built already. A scheduler calls it on its own thread as it starts, so that neither
	 * {@code start()} nor the first add waits for it.
	 */
	public static void prepareSharedMapper() {
		Objects.requireNonNull(SharedMapper.INSTANCE);
	}

	/**
	 * The mapper used when none is given: strict about what counts as JSON-writable, so
	 * that an object with no readable properties is refused rather than stored as
	 * {@code {}}.
	 * @return a new mapper
	 */
	public static JsonMapper defaultMapper() {
		return JsonMapper.builder().enable(SerializationFeature.FAIL_ON_EMPTY_BEANS).build();
	}

	/**
	 * A codec that writes the {@link WriteFormat#COMPACT compact} form.
	 * @param mapper reads and writes JSON
	 * @param triggers reads and writes triggers
	 */
	public TaskCodec(JsonMapper mapper, TriggerJson triggers) {
		this(Objects.requireNonNull(mapper, "mapper"), triggers, WriteFormat.COMPACT);
	}

	private TaskCodec(@Nullable JsonMapper mapper, TriggerJson triggers, WriteFormat writeFormat) {
		this.mapper = mapper;
		this.triggers = triggers;
		this.writeFormat = Objects.requireNonNull(writeFormat, "writeFormat");
	}

	/**
	 * A codec that reads as this one and writes in the given form.
	 * @param writeFormat how to write
	 * @return this codec if it writes so already, else a copy sharing its mapper and
	 * triggers
	 */
	public TaskCodec withWriteFormat(WriteFormat writeFormat) {
		return (writeFormat == this.writeFormat) ? this : new TaskCodec(this.mapper, this.triggers, writeFormat);
	}

	/**
	 * How this codec writes; it reads both forms.
	 * @return the form it writes
	 */
	public WriteFormat writeFormat() {
		return this.writeFormat;
	}

	/**
	 * Writes positional and named arguments as one JSON object
	 * {@code {"args":[…],"kwargs":{…}}}.
	 * @param taskId the task, for the error message
	 * @param args positional arguments
	 * @param kwargs named arguments
	 * @return the JSON text
	 * @throws InvalidTaskException naming the argument that cannot be written as JSON
	 */
	public String writeArguments(String taskId, List<@Nullable Object> args, Map<String, @Nullable Object> kwargs) {
		return argumentsNode(taskId, args, kwargs).toString();
	}

	/**
	 * Reads arguments written by {@link #writeArguments}.
	 * @param json the JSON text
	 * @return the arguments
	 * @throws CorruptTaskException if the text is not such a document
	 */
	public Arguments readArguments(String json) {
		return argumentsFrom(parse(json, "arguments"));
	}

	/**
	 * Writes a trigger.
	 * @param trigger the trigger
	 * @return the JSON text
	 */
	public String writeTrigger(Trigger trigger) {
		return this.triggers.toJson(trigger).toString();
	}

	/**
	 * Reads a trigger.
	 * @param json the JSON text
	 * @return the trigger
	 * @throws CorruptTaskException if the text is not JSON or names no known trigger type
	 */
	public Trigger readTrigger(String json) {
		JsonNode node = parse(json, "trigger");
		try {
			return this.triggers.fromJson(node);
		}
		catch (RuntimeException ex) {
			throw new CorruptTaskException("unreadable trigger: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Writes a whole task as one JSON document, as key-value stores keep it.
	 * @param task the task; must call a registered function
	 * @return the JSON text
	 */
	public String writeTask(Task task) {
		ObjectNode node = mapper().createObjectNode();
		node.put("v", FORMAT_VERSION);
		node.put("id", task.id());
		node.put("name", task.name());
		node.put("function", task.function());
		node.set("arguments", argumentsNode(task.id(), task.args(), task.kwargs()));
		node.set("trigger", this.triggers.toJson(task.trigger()));
		node.put("executor", task.executor());
		node.put("store", task.store());
		node.set("options", optionsNode(task.options()));
		if (task.nextRunTime() != null) {
			node.put("nextRunTime", task.nextRunTime().toString());
		}
		if (task.failure() != null) {
			node.set("failure", failureNode(task.failure()));
		}
		return node.toString();
	}

	/**
	 * Reads a task written by {@link #writeTask}.
	 * @param json the JSON text
	 * @return the task
	 * @throws CorruptTaskException if anything in it cannot be read
	 */
	public Task readTask(String json) {
		JsonNode node = parse(json, "task");
		try {
			int version = node.path("v").asInt(-1);
			if (version != 1 && version != FORMAT_VERSION) {
				throw new CorruptTaskException("unknown task format version " + node.path("v"));
			}
			Arguments arguments = argumentsFrom(node.required("arguments"));
			Trigger trigger = this.triggers.fromJson(node.required("trigger"));
			return Task.builder()
				.id(text(node, "id"))
				.name(text(node, "name"))
				.function(text(node, "function"))
				.args(arguments.args())
				.kwargs(arguments.kwargs())
				.trigger(trigger)
				.executor(text(node, "executor"))
				.store(text(node, "store"))
				.options(optionsFrom((version == 1) ? node : node.required("options")))
				.nextRunTime(node.hasNonNull("nextRunTime") ? Instant.parse(node.get("nextRunTime").asString()) : null)
				.failure(node.hasNonNull("failure") ? failureFrom(node.get("failure")) : null)
				.build();
		}
		catch (CorruptTaskException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new CorruptTaskException("unreadable task: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Writes a task's options as one JSON object; a store that keeps options in a column
	 * of their own uses this, so that an option is written in one place.
	 * @param options complete options
	 * @return the JSON text
	 */
	public String writeOptions(TaskOptions options) {
		return optionsNode(options).toString();
	}

	/**
	 * Reads options written by {@link #writeOptions}.
	 * @param json the JSON text
	 * @return the options, complete
	 * @throws CorruptTaskException if the text is not such a document or holds an invalid
	 * value
	 */
	public TaskOptions readOptions(String json) {
		try {
			return optionsFrom(parse(json, "options"));
		}
		catch (CorruptTaskException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new CorruptTaskException("unreadable options: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Writes how a task's runs failed as one JSON object, for a store that keeps it in a
	 * column of its own.
	 * @param failure the failure
	 * @return the JSON text
	 */
	public String writeFailure(TaskFailure failure) {
		return failureNode(failure).toString();
	}

	/**
	 * Reads a failure written by {@link #writeFailure}.
	 * @param json the JSON text
	 * @return the failure
	 * @throws CorruptTaskException if the text is not such a document
	 */
	public TaskFailure readFailure(String json) {
		try {
			return failureFrom(parse(json, "failure"));
		}
		catch (CorruptTaskException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new CorruptTaskException("unreadable failure: " + ex.getMessage(), ex);
		}
	}

	private ObjectNode optionsNode(TaskOptions options) {
		ObjectNode node = mapper().createObjectNode();
		// A value equal to what a document without it reads as is left out: most tasks
		// have those, and they were most of a stored task's option bytes. The full form
		// writes them, as versions that require them did.
		TaskOptions standard = TaskOptions.STANDARD;
		boolean full = this.writeFormat == WriteFormat.FULL;
		if (full || !standard.coalesce().equals(options.coalesce())) {
			node.put("coalesce", options.coalesce());
		}
		if (full || !standard.maxInstances().equals(options.maxInstances())) {
			node.put("maxInstances", options.maxInstances());
		}
		// No limit is written as no value: an infinite duration has no portable text.
		if (options.hasMisfireLimit()) {
			node.put("misfireGraceTime", options.misfireGraceTime().toString());
		}
		if (full || options.misfirePolicy() != standard.misfirePolicy()) {
			node.put("misfirePolicy", options.misfirePolicy().name());
		}
		// The standard policy is what a document without one reads as (as documents
		// written before retries existed do), so it is left out: most tasks have it, and
		// it is most of their options' bytes.
		if (!options.retry().equals(TaskOptions.STANDARD.retry())) {
			node.set("retry", retryNode(options.retry()));
		}
		if (options.hasTimeout()) {
			node.put("timeout", options.timeout().toString());
		}
		return node;
	}

	/**
	 * Reads options; a document written before an option existed, or without a value
	 * because it is the standard one, gets that option's standard value, and a missing
	 * duration means no limit.
	 */
	private static TaskOptions optionsFrom(JsonNode node) {
		if (!node.isObject()) {
			throw new CorruptTaskException("options are not a JSON object");
		}
		TaskOptions standard = TaskOptions.STANDARD;
		return new TaskOptions(node.hasNonNull("coalesce") ? node.get("coalesce").asBoolean() : standard.coalesce(),
				node.hasNonNull("maxInstances") ? node.get("maxInstances").asInt() : standard.maxInstances(),
				duration(node, "misfireGraceTime"),
				node.hasNonNull("misfirePolicy") ? MisfirePolicy.valueOf(node.get("misfirePolicy").asString())
						: standard.misfirePolicy(),
				node.hasNonNull("retry") ? retryFrom(node.get("retry")) : standard.retry(), duration(node, "timeout"));
	}

	private ObjectNode retryNode(RetryPolicy retry) {
		ObjectNode node = mapper().createObjectNode();
		node.put("maxAttempts", retry.maxAttempts());
		node.put("initialDelay", retry.initialDelay().toString());
		node.put("multiplier", retry.multiplier());
		node.put("maxDelay", retry.maxDelay().toString());
		node.put("jitter", retry.jitter());
		var retryOn = node.putArray("retryOn");
		retry.retryOn().forEach(retryOn::add);
		var noRetryOn = node.putArray("noRetryOn");
		retry.noRetryOn().forEach(noRetryOn::add);
		return node;
	}

	private static RetryPolicy retryFrom(JsonNode node) {
		return new RetryPolicy(node.required("maxAttempts").asInt(),
				Duration.parse(node.required("initialDelay").asString()), node.required("multiplier").asDouble(),
				Duration.parse(node.required("maxDelay").asString()), node.required("jitter").asDouble(),
				strings(node.path("retryOn")), strings(node.path("noRetryOn")));
	}

	private ObjectNode failureNode(TaskFailure failure) {
		ObjectNode node = mapper().createObjectNode();
		node.put("fireTime", failure.fireTime().toString());
		node.put("attempts", failure.attempts());
		node.put("errorType", failure.errorType());
		if (failure.message() != null) {
			node.put("message", failure.message());
		}
		node.put("failedAt", failure.failedAt().toString());
		node.put("exhausted", failure.exhausted());
		return node;
	}

	private static TaskFailure failureFrom(JsonNode node) {
		if (!node.isObject()) {
			throw new CorruptTaskException("failure is not a JSON object");
		}
		return new TaskFailure(Instant.parse(node.required("fireTime").asString()), node.required("attempts").asInt(),
				node.required("errorType").asString(),
				node.hasNonNull("message") ? node.get("message").asString() : null,
				Instant.parse(node.required("failedAt").asString()), node.required("exhausted").asBoolean());
	}

	private static Duration duration(JsonNode node, String field) {
		return node.hasNonNull(field) ? Duration.parse(node.get(field).asString()) : TaskOptions.NO_LIMIT;
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		if (array.isArray()) {
			array.forEach((element) -> values.add(element.asString()));
		}
		return values;
	}

	private ObjectNode argumentsNode(String taskId, List<@Nullable Object> args, Map<String, @Nullable Object> kwargs) {
		ObjectNode node = mapper().createObjectNode();
		var array = node.putArray("args");
		for (int i = 0; i < args.size(); i++) {
			array.add(toTree(taskId, "positional argument " + i, args.get(i)));
		}
		ObjectNode named = node.putObject("kwargs");
		kwargs.forEach((key, value) -> named.set(key, toTree(taskId, "named argument '" + key + "'", value)));
		return node;
	}

	private JsonNode toTree(String taskId, String what, @Nullable Object value) {
		if (value == null) {
			return mapper().nullNode();
		}
		if (container(value)) {
			requireFinite(taskId, what, value, Collections.newSetFromMap(new IdentityHashMap<>()), 0);
		}
		try {
			return mapper().valueToTree(value);
		}
		catch (JacksonException ex) {
			throw new InvalidTaskException("Task '" + taskId + "': " + what + " of type " + value.getClass().getName()
					+ " cannot be stored as JSON: " + ex.getOriginalMessage(), ex);
		}
		catch (StackOverflowError ex) {
			// An object graph that refers back to itself through beans, which the walk
			// over lists and maps does not see.
			throw new InvalidTaskException("Task '" + taskId + "': " + what + " of type " + value.getClass().getName()
					+ " cannot be stored as JSON: it refers back to itself or is nested too deeply");
		}
	}

	/**
	 * Refuses lists, maps and arrays that contain themselves or nest deeper than
	 * {@link #MAX_NESTING}: written as JSON they would never end.
	 */
	private static void requireFinite(String taskId, String what, @Nullable Object value, Set<Object> path, int depth) {
		if (!container(value)) {
			return;
		}
		if (depth > MAX_NESTING) {
			throw new InvalidTaskException("Task '" + taskId + "': " + what + " is nested more than " + MAX_NESTING
					+ " levels deep and cannot be stored as JSON");
		}
		if (!path.add(value)) {
			throw new InvalidTaskException("Task '" + taskId + "': " + what + " of type " + value.getClass().getName()
					+ " contains itself and cannot be stored as JSON");
		}
		Iterable<?> children = (value instanceof Map<?, ?> map) ? map.values()
				: (value instanceof Collection<?> collection) ? collection : Arrays.asList((Object[]) value);
		for (Object child : children) {
			requireFinite(taskId, what, child, path, depth + 1);
		}
		path.remove(value);
	}

	private static boolean container(@Nullable Object value) {
		return value instanceof Collection<?> || value instanceof Map<?, ?> || value instanceof Object[];
	}

	private Arguments argumentsFrom(JsonNode node) {
		if (!node.isObject() || !node.path("args").isArray() || !node.path("kwargs").isObject()) {
			throw new CorruptTaskException("arguments are not an object with 'args' and 'kwargs'");
		}
		List<@Nullable Object> args = new ArrayList<>();
		node.get("args").forEach((element) -> args.add(plain(element)));
		Map<String, @Nullable Object> kwargs = new LinkedHashMap<>();
		node.get("kwargs").properties().forEach((entry) -> kwargs.put(entry.getKey(), plain(entry.getValue())));
		return new Arguments(args, kwargs);
	}

	private @Nullable Object plain(JsonNode node) {
		return mapper().convertValue(node, Object.class);
	}

	private JsonNode parse(String json, String what) {
		try {
			return mapper().readTree(json);
		}
		catch (JacksonException ex) {
			throw new CorruptTaskException(what + " is not valid JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || !value.isString()) {
			throw new CorruptTaskException("field '" + field + "' is missing or not a string");
		}
		return value.asString();
	}

	/**
	 * Arguments read back from JSON.
	 *
	 * @param args positional arguments
	 * @param kwargs named arguments
	 */
	public record Arguments(List<@Nullable Object> args, Map<String, @Nullable Object> kwargs) {

	}

	private JsonMapper mapper() {
		return (this.mapper != null) ? this.mapper : SharedMapper.INSTANCE;
	}

	/**
	 * Holds the shared default mapper: the JVM builds it when the holder is first used,
	 * once, whichever thread gets there first.
	 */
	private static final class SharedMapper {

		static final JsonMapper INSTANCE = defaultMapper();

	}

}
