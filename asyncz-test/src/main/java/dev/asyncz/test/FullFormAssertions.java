package dev.asyncz.test;

import java.util.List;

import dev.asyncz.store.WriteFormat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks stored task JSON against what versions before the compact form required to read
 * a task, so that a store writing {@link WriteFormat#FULL} is shown to stay readable by
 * their instances during a rolling upgrade: options with {@code coalesce},
 * {@code maxInstances} and {@code misfirePolicy}, and arguments and trigger as JSON
 * documents (never left out).
 */
public final class FullFormAssertions {

	/** The option fields earlier versions required or wrote on every task. */
	public static final List<String> STANDARD_OPTION_FIELDS = List.of("coalesce", "maxInstances", "misfirePolicy");

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private FullFormAssertions() {
	}

	/**
	 * Asserts options JSON carries every option field earlier versions required.
	 * @param optionsJson the stored options
	 */
	public static void assertFullOptions(String optionsJson) {
		JsonNode options = parse(optionsJson, "options");
		assertThat(options.path("coalesce").isBoolean()).as("coalesce in %s", optionsJson).isTrue();
		assertThat(options.path("maxInstances").isInt()).as("maxInstances in %s", optionsJson).isTrue();
		assertThat(options.path("misfirePolicy").isString()).as("misfirePolicy in %s", optionsJson).isTrue();
	}

	/**
	 * Asserts options JSON leaves out the option fields whose values are standard, as the
	 * compact form does.
	 * @param optionsJson the stored options of a task with standard values
	 */
	public static void assertCompactOptions(String optionsJson) {
		JsonNode options = parse(optionsJson, "options");
		STANDARD_OPTION_FIELDS
			.forEach((field) -> assertThat(options.has(field)).as("%s in %s", field, optionsJson).isFalse());
	}

	/**
	 * Asserts arguments are a JSON document {@code {"args":[…],"kwargs":{…}}}, not left
	 * out.
	 * @param argumentsJson the stored arguments
	 */
	public static void assertFullArguments(String argumentsJson) {
		JsonNode arguments = parse(argumentsJson, "arguments");
		assertThat(arguments.path("args").isArray()).as("args in %s", argumentsJson).isTrue();
		assertThat(arguments.path("kwargs").isObject()).as("kwargs in %s", argumentsJson).isTrue();
	}

	/**
	 * Asserts a trigger is a JSON document naming its type, not left out.
	 * @param triggerJson the stored trigger
	 */
	public static void assertFullTrigger(String triggerJson) {
		JsonNode trigger = parse(triggerJson, "trigger");
		assertThat(trigger.path("type").isString()).as("type in %s", triggerJson).isTrue();
	}

	/**
	 * Asserts a whole-task document, as key-value stores keep it, has every part in the
	 * full form.
	 * @param taskJson the stored task
	 */
	public static void assertFullTask(String taskJson) {
		JsonNode task = parse(taskJson, "task");
		assertFullArguments(task.path("arguments").toString());
		assertFullTrigger(task.path("trigger").toString());
		assertFullOptions(task.path("options").toString());
	}

	/**
	 * Asserts a whole-task document leaves out the option fields whose values are
	 * standard, as the compact form does.
	 * @param taskJson the stored task, with standard options
	 */
	public static void assertCompactTask(String taskJson) {
		assertCompactOptions(parse(taskJson, "task").path("options").toString());
	}

	private static JsonNode parse(String json, String what) {
		assertThat(json).as(what).isNotEmpty();
		JsonNode node = MAPPER.readTree(json);
		assertThat(node.isObject()).as("%s is a JSON object: %s", what, json).isTrue();
		return node;
	}

}
