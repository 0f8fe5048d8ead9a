package dev.asyncz.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.asyncz.task.InvalidTaskException;
import dev.asyncz.task.RetryPolicy;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskOptions;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TaskCodecTests {

	private static final Instant AT = Instant.parse("2031-03-14T15:09:26Z");

	private final TaskCodec codec = new TaskCodec();

	@Test
	void argumentsRoundTripAsPlainJsonValues() {
		Map<String, Object> nested = new LinkedHashMap<>();
		nested.put("list", List.of(1, 2));
		nested.put("none", null);
		String json = this.codec.writeArguments("t", Arrays.asList("text", 42, 2.5, true, null),
				Map.of("nested", nested));
		TaskCodec.Arguments arguments = this.codec.readArguments(json);
		assertThat(arguments.args()).containsExactly("text", 42, 2.5, true, null);
		assertThat(arguments.kwargs()).containsEntry("nested", nested);
	}

	@Test
	void recordArgumentIsStoredAsAnObjectAndReadBackAsAMap() {
		String json = this.codec.writeArguments("t", List.of(new Reminder("u1", "hello")), Map.of());
		assertThat(this.codec.readArguments(json).args()).containsExactly(Map.of("user", "u1", "text", "hello"));
	}

	@Test
	void argumentWithNoJsonFormIsRefusedNamingTaskPositionAndType() {
		assertThatExceptionOfType(InvalidTaskException.class)
			.isThrownBy(() -> this.codec.writeArguments("t1", List.of("ok", new Object()), Map.of()))
			.withMessageStartingWith(
					"Task 't1': positional argument 1 of type java.lang.Object cannot be stored as JSON");
	}

	@Test
	void namedArgumentWithNoJsonFormIsRefusedNamingTheKey() {
		assertThatExceptionOfType(InvalidTaskException.class)
			.isThrownBy(() -> this.codec.writeArguments("t1", List.of(), Map.of("bad", new Object())))
			.withMessageContaining("named argument 'bad'");
	}

	@Test
	void argumentsThatAreNotJsonAreCorrupt() {
		assertThatExceptionOfType(CorruptTaskException.class).isThrownBy(() -> this.codec.readArguments("{oops"))
			.withMessageStartingWith("arguments is not valid JSON");
	}

	@Test
	void argumentsOfTheWrongShapeAreCorrupt() {
		assertThatExceptionOfType(CorruptTaskException.class).isThrownBy(() -> this.codec.readArguments("[1,2]"))
			.withMessage("arguments are not an object with 'args' and 'kwargs'");
	}

	@Test
	void classNamesInTheDataAreNeverInstantiated() {
		String json = "{\"args\":[{\"@class\":\"java.lang.ProcessBuilder\",\"command\":[\"touch\",\"/tmp/x\"]}],\"kwargs\":{}}";
		assertThat(this.codec.readArguments(json).args().get(0)).isInstanceOf(Map.class);
	}

	@Test
	void optionsWithTheStandardRetryPolicyAreWrittenWithoutItAndReadBackWithIt() {
		TaskOptions options = TaskOptions.STANDARD.withMaxInstances(2);
		String json = this.codec.writeOptions(options);
		assertThat(json).doesNotContain("retry");
		assertThat(this.codec.readOptions(json)).isEqualTo(options);
	}

	@Test
	void optionsWithAnotherRetryPolicyKeepIt() {
		TaskOptions options = TaskOptions.STANDARD.withRetry(RetryPolicy.NONE);
		String json = this.codec.writeOptions(options);
		assertThat(json).contains("\"retry\":{\"maxAttempts\":1");
		assertThat(this.codec.readOptions(json)).isEqualTo(options);
	}

	@Test
	void compactFormLeavesOutStandardCoalesceMaxInstancesAndMisfirePolicy() {
		String json = this.codec.writeOptions(TaskOptions.STANDARD);
		assertThat(json).doesNotContain("coalesce", "maxInstances", "misfirePolicy");
		assertThat(this.codec.readOptions(json)).isEqualTo(TaskOptions.STANDARD);
	}

	@Test
	void fullFormWritesCoalesceMaxInstancesAndMisfirePolicyEvenWhenStandard() {
		String json = this.codec.withWriteFormat(WriteFormat.FULL).writeOptions(TaskOptions.STANDARD);
		assertThat(json).isEqualTo("{\"coalesce\":true,\"maxInstances\":1,\"misfireGraceTime\":\"PT1M\","
				+ "\"misfirePolicy\":\"RUN_IF_WITHIN_GRACE\"}");
	}

	@Test
	void fullFormWholeTaskCarriesEveryOptionEarlierVersionsRequired() {
		Task task = Task.builder().id("t").function("f").trigger(Triggers.at(AT)).nextRunTime(AT).build();
		String json = this.codec.withWriteFormat(WriteFormat.FULL).writeTask(task);
		assertThat(json).contains("\"options\":{\"coalesce\":true,\"maxInstances\":1,",
				"\"misfirePolicy\":\"RUN_IF_WITHIN_GRACE\"", "\"arguments\":{\"args\":[],\"kwargs\":{}}",
				"\"trigger\":{\"type\":\"date\"");
		assertThat(this.codec.readTask(json)).isEqualTo(task);
	}

	@Test
	void eitherFormReadsWhatTheOtherWrote() {
		TaskCodec full = this.codec.withWriteFormat(WriteFormat.FULL);
		TaskOptions options = TaskOptions.STANDARD.withMaxInstances(3);
		assertThat(full.readOptions(this.codec.writeOptions(options))).isEqualTo(options);
		assertThat(this.codec.readOptions(full.writeOptions(options))).isEqualTo(options);
	}

	@Test
	void aCodecWritesCompactUnlessToldOtherwise() {
		assertThat(this.codec.writeFormat()).isEqualTo(WriteFormat.COMPACT);
		assertThat(this.codec.withWriteFormat(WriteFormat.COMPACT)).isSameAs(this.codec);
		assertThat(this.codec.withWriteFormat(WriteFormat.FULL).writeFormat()).isEqualTo(WriteFormat.FULL);
	}

	record Reminder(String user, String text) {
	}

}
