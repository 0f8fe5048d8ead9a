package dev.asyncz.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.asyncz.annotation.TaskFunction;
import dev.asyncz.core.Scheduler;
import dev.asyncz.task.InvalidTaskException;
import dev.asyncz.task.TaskContext;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.trigger.Triggers;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class TaskFunctionAnnotationTests {

	private static final Instant T0 = ControllableClockConfiguration.T0;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AsynczAutoConfiguration.class))
		.withUserConfiguration(ControllableClockConfiguration.class)
		.withBean("reminders", Reminders.class)
		.withPropertyValues("reminders.function=send-reminder");

	@Test
	void methodIsRegisteredUnderItsResolvedName() {
		this.contextRunner.run((context) -> assertThat(context.getBean(Scheduler.class).functions().names())
			.contains("send-reminder", "greet", "with-context"));
	}

	@Test
	void storedTaskCallsTheFunctionByName() {
		this.contextRunner.run((context) -> {
			context.getBean(Scheduler.class).add(TaskRequest.of("greet", Triggers.at(T0)).args("Ada", 2).build());
			Reminders reminders = context.getBean(Reminders.class);
			await().atMost(Duration.ofSeconds(30)).until(() -> reminders.calls.size() == 1);
			assertThat(reminders.calls).containsExactly(List.of("Ada", 2));
		});
	}

	@Test
	void jsonShapedArgumentsAreConvertedToTheParameterTypes() {
		this.contextRunner.run((context) -> {
			call(context, "send-reminder",
					List.of("user-7", Map.of("text", "Call the dentist", "at", "2027-03-01T08:00:00Z")), Map.of());
			assertThat(context.getBean(Reminders.class).calls).containsExactly(
					List.of("user-7", new Reminder("Call the dentist", Instant.parse("2027-03-01T08:00:00Z"))));
		});
	}

	@Test
	void numbersAreConvertedToTheParametersNumberType() {
		this.contextRunner.run((context) -> {
			call(context, "greet", List.of("Ada", 3L), Map.of());
			assertThat(context.getBean(Reminders.class).calls).containsExactly(List.of("Ada", 3));
		});
	}

	@Test
	void namedArgumentsFillParametersByName() {
		this.contextRunner.run((context) -> {
			call(context, "greet", List.of(), Map.of("times", 1, "name", "Ada"));
			assertThat(context.getBean(Reminders.class).calls).containsExactly(List.of("Ada", 1));
		});
	}

	@Test
	void positionalArgumentsComeBeforeNamedOnes() {
		this.contextRunner.run((context) -> {
			call(context, "greet", List.of("Ada"), Map.of("times", 4));
			assertThat(context.getBean(Reminders.class).calls).containsExactly(List.of("Ada", 4));
		});
	}

	@Test
	void taskContextParameterReceivesTheRunsContextAndTakesNoArgument() {
		this.contextRunner.run((context) -> {
			call(context, "with-context", List.of("x"), Map.of());
			List<Object> call = context.getBean(Reminders.class).calls.get(0);
			assertThat(call.get(0)).isInstanceOfSatisfying(TaskContext.class,
					(run) -> assertThat(run.taskId()).isEqualTo("t1"));
			assertThat(call.get(1)).isEqualTo("x");
		});
	}

	@Test
	void applicationJsonMapperConvertsTheArguments() {
		this.contextRunner
			.withBean(JsonMapper.class,
					() -> JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build())
			.run((context) -> {
				call(context, "snake", List.of(Map.of("first_name", "Ada")), Map.of());
				assertThat(context.getBean(Reminders.class).calls).containsExactly(List.of(new Person("Ada")));
			});
	}

	@Test
	void argumentThatCannotBeConvertedFailsNamingFunctionParameterAndTypes() {
		this.contextRunner.run((context) -> assertThatExceptionOfType(InvalidTaskException.class)
			.isThrownBy(() -> call(context, "greet", List.of("Ada", "many"), Map.of()))
			.withMessageContaining("function 'greet'")
			.withMessageContaining("parameter 1 'times' (int)")
			.withMessageContaining("java.lang.String"));
	}

	@Test
	void missingArgumentFailsNamingTheParameter() {
		this.contextRunner.run((context) -> assertThatExceptionOfType(InvalidTaskException.class)
			.isThrownBy(() -> call(context, "greet", List.of("Ada"), Map.of()))
			.withMessageContaining("needs an argument for parameter 1 'times' (int)"));
	}

	@Test
	void tooManyArgumentsFail() {
		this.contextRunner.run((context) -> assertThatExceptionOfType(InvalidTaskException.class)
			.isThrownBy(() -> call(context, "greet", List.of("Ada", 1, 2), Map.of()))
			.withMessageContaining("takes at most 2 positional argument(s), but the task gives 3"));
	}

	@Test
	void namedArgumentWithoutAParameterFails() {
		this.contextRunner.run((context) -> assertThatExceptionOfType(InvalidTaskException.class)
			.isThrownBy(() -> call(context, "greet", List.of("Ada", 1), Map.of("loudly", true)))
			.withMessageContaining("no parameter for the named argument(s) [loudly]"));
	}

	@Test
	void exceptionOfTheMethodIsTheRunsException() {
		this.contextRunner.run((context) -> assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> call(context, "fail", List.of(), Map.of()))
			.withMessage("failed on purpose"));
	}

	@Test
	void blankNameFails() {
		this.contextRunner.withBean("blank", Blank.class).run((context) -> {
			FailureAnalysis analysis = failure(context);
			assertThat(analysis.getDescription()).contains("Blank.run()", "@TaskFunction(value)", "blank");
		});
	}

	@Test
	void nameUsedTwiceFailsNamingBothMethods() {
		this.contextRunner.withBean("duplicate", Duplicate.class)
			.run((context) -> assertThat(failure(context).getDescription()).contains("@TaskFunction(value)",
					"\"greet\"", "Reminders.greet()", "Duplicate.greet()"));
	}

	private static void call(AssertableApplicationContext context, String function, List<@Nullable Object> args,
			Map<String, @Nullable Object> kwargs) throws Exception {
		dev.asyncz.task.TaskCallable registered = context.getBean(Scheduler.class)
			.functions()
			.find(function)
			.orElseThrow();
		registered.run(new TaskContext("t1", "t1", function, args, kwargs, T0, T0));
	}

	private static FailureAnalysis failure(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		FailureAnalysis analysis = new InvalidTaskMethodFailureAnalyzer().analyze(context.getStartupFailure());
		assertThat(analysis).as("failure analysis of %s", context.getStartupFailure()).isNotNull();
		return analysis;
	}

	record Reminder(String text, Instant at) {

	}

	record Person(String firstName) {

	}

	static class Reminders {

		final List<List<Object>> calls = new CopyOnWriteArrayList<>();

		@TaskFunction("${reminders.function}")
		void send(String userId, Reminder reminder) {
			this.calls.add(List.of(userId, reminder));
		}

		@TaskFunction("greet")
		void greet(String name, int times) {
			this.calls.add(List.of(name, times));
		}

		@TaskFunction("with-context")
		void withContext(TaskContext context, String value) {
			this.calls.add(List.of(context, value));
		}

		@TaskFunction("snake")
		void snake(Person person) {
			this.calls.add(List.of(person));
		}

		@TaskFunction("fail")
		void fail() {
			throw new IllegalStateException("failed on purpose");
		}

	}

	static class Blank {

		@TaskFunction(" ")
		void run() {
		}

	}

	static class Duplicate {

		@TaskFunction("greet")
		void greet() {
		}

	}

}
