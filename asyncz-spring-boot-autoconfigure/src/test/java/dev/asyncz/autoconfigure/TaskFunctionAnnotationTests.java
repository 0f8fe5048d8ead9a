package dev.asyncz.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.asyncz.annotation.TaskFunction;
import dev.asyncz.core.ControllableClock;
import dev.asyncz.core.Scheduler;
import dev.asyncz.event.TaskFailed;
import dev.asyncz.event.TaskRetryScheduled;
import dev.asyncz.task.InvalidTaskException;
import dev.asyncz.task.MisfirePolicy;
import dev.asyncz.task.RetryPolicy;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskContext;
import dev.asyncz.task.TaskOptions;
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
import org.springframework.context.event.EventListener;

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
	void aTaskAddedAndRunConvertsItsArgumentOnceWhenAddedAndOnceWhenRun() {
		this.contextRunner.run((context) -> {
			Ticket.conversions.set(0);
			context.getBean(Scheduler.class)
				.add(TaskRequest.of("ticket", Triggers.at(T0.plusSeconds(60))).args("T-1").build());
			assertThat(Ticket.conversions).hasValue(1);
			context.getBean(ControllableClock.class).advance(Duration.ofSeconds(60));
			Reminders reminders = context.getBean(Reminders.class);
			await().atMost(Duration.ofSeconds(30)).until(() -> reminders.calls.size() == 1);
			assertThat(reminders.calls).containsExactly(List.of(new Ticket("T-1")));
			assertThat(Ticket.conversions).hasValue(2);
		});
	}

	@Test
	void boundValuesAreCalledWithTheContextInItsPlaceAndNotConvertedAgain() {
		this.contextRunner.run((context) -> {
			dev.asyncz.task.TaskCallable registered = context.getBean(Scheduler.class)
				.functions()
				.find("with-context")
				.orElseThrow();
			TaskContext run = new TaskContext("t1", "t1", "with-context", List.of("x"), Map.of(), T0, T0);
			registered.runBound(run, registered.bind(List.of("x"), Map.of()));
			assertThat(context.getBean(Reminders.class).calls).containsExactly(List.of(run, "x"));
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
	void addingATaskWhoseArgumentDoesNotConvertIsRefusedNamingTheParameterAndNothingIsStored() {
		this.contextRunner.run((context) -> {
			Scheduler scheduler = context.getBean(Scheduler.class);
			assertThatExceptionOfType(InvalidTaskException.class).isThrownBy(() -> scheduler
				.add(TaskRequest.of("greet", Triggers.at(T0.plusSeconds(3600))).id("typo").args("Ada", "abc").build()))
				.withMessageContaining("Task 'typo'")
				.withMessageContaining("parameter 1 'times' (int)");
			assertThat(scheduler.get("typo")).isEmpty();
		});
	}

	@Test
	void addingATaskWithTooFewArgumentsIsRefused() {
		this.contextRunner.run((context) -> assertThatExceptionOfType(InvalidTaskException.class)
			.isThrownBy(() -> context.getBean(Scheduler.class)
				.add(TaskRequest.of("greet", Triggers.at(T0.plusSeconds(3600))).args("Ada").build()))
			.withMessageContaining("needs an argument for parameter 1 'times' (int)"));
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
	void optionAttributesAreTheDefaultsOfTheFunctionsTasks() {
		this.contextRunner.withBean("syncs", Syncs.class).run((context) -> {
			Task task = context.getBean(Scheduler.class)
				.add(TaskRequest.of("sync", Triggers.at(T0.plus(Duration.ofDays(1)))).build());
			assertThat(task.options().timeout()).isEqualTo(Duration.ofMinutes(2));
			assertThat(task.options().misfirePolicy()).isEqualTo(MisfirePolicy.SKIP_IF_LATE);
			assertThat(task.options().misfireGraceTime()).isEqualTo(Duration.ofSeconds(5));
			assertThat(task.options().retry()).isEqualTo(new RetryPolicy(5, Duration.ofSeconds(10), 2,
					Duration.ofMinutes(10), 0.1, List.of(IOException.class.getName()), List.of()));
			assertThat(task.options().coalesce()).isEqualTo(TaskOptions.STANDARD.coalesce());
			assertThat(task.options().maxInstances()).isEqualTo(TaskOptions.STANDARD.maxInstances());
		});
	}

	@Test
	void optionsATaskSetsWinOverItsFunctions() {
		this.contextRunner.withBean("syncs", Syncs.class).run((context) -> {
			Task task = context.getBean(Scheduler.class)
				.add(TaskRequest.of("sync", Triggers.at(T0.plus(Duration.ofDays(1))))
					.timeout(Duration.ofSeconds(10))
					.retry(RetryPolicy.NONE)
					.build());
			assertThat(task.options().timeout()).isEqualTo(Duration.ofSeconds(10));
			assertThat(task.options().retry()).isEqualTo(RetryPolicy.NONE);
			assertThat(task.options().misfirePolicy()).isEqualTo(MisfirePolicy.SKIP_IF_LATE);
		});
	}

	@Test
	void functionWithoutOptionAttributesHasNoDefaults() {
		this.contextRunner.run((context) -> assertThat(context.getBean(Scheduler.class).functions().defaults("greet"))
			.isEqualTo(TaskOptions.UNSET));
	}

	@Test
	void retryAttributesLeftUnsetComeFromTheConfiguredRetryPolicy() {
		this.contextRunner.withBean("syncs", Syncs.class)
			.withPropertyValues("asyncz.task-defaults.retry.initial-delay=3s", "asyncz.task-defaults.retry.jitter=0")
			.run((context) -> assertThat(context.getBean(Scheduler.class).functions().defaults("sync").retry())
				.isEqualTo(new RetryPolicy(5, Duration.ofSeconds(3), 2, Duration.ofMinutes(10), 0,
						List.of(IOException.class.getName()), List.of())));
	}

	@Test
	void failedRunsOfAFunctionAreRetriedByItsPolicyUntilTheTaskFails() {
		this.contextRunner.withBean("flaky", Flaky.class).withBean(FailedRecorder.class).run((context) -> {
			Scheduler scheduler = context.getBean(Scheduler.class);
			scheduler.add(TaskRequest.of("flaky", Triggers.at(T0)).id("flaky-once").build());
			Flaky flaky = context.getBean(Flaky.class);
			await().atMost(Duration.ofSeconds(30)).until(() -> flaky.attempts.size() == 1);
			assertThat(scheduler.get("flaky-once"))
				.hasValueSatisfying((task) -> assertThat(task.nextRunTime()).isEqualTo(T0.plus(Duration.ofSeconds(1))));
			context.getBean(ControllableClock.class).advance(Duration.ofSeconds(1));
			FailedRecorder failed = context.getBean(FailedRecorder.class);
			await().atMost(Duration.ofSeconds(30)).until(() -> failed.events.size() == 1);
			assertThat(flaky.attempts).containsExactly(1, 2);
			assertThat(failed.retries).singleElement()
				.satisfies((retry) -> assertThat(retry.retryAt()).isEqualTo(T0.plus(Duration.ofSeconds(1))));
			assertThat(failed.events.get(0).attempts()).isEqualTo(2);
			assertThat(failed.events.get(0).kept()).isTrue();
			assertThat(scheduler.get("flaky-once")).hasValueSatisfying((task) -> assertThat(task.failed()).isTrue());
		});
	}

	@Test
	void optionAttributeThatIsNotADurationFailsNamingIt() {
		this.contextRunner.withBean("badTimeout", BadTimeout.class).run((context) -> {
			FailureAnalysis analysis = failure(context);
			assertThat(analysis.getDescription()).contains("BadTimeout.run()", "@TaskFunction(timeout)",
					"\"soon\" is not a duration");
		});
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

	/** Counts how often Jackson makes one from its text. */
	record Ticket(String code) {

		static final AtomicInteger conversions = new AtomicInteger();

		@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
		static Ticket of(String code) {
			conversions.incrementAndGet();
			return new Ticket(code);
		}

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

		@TaskFunction("ticket")
		void ticket(Ticket ticket) {
			this.calls.add(List.of(ticket));
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

	static class Syncs {

		@TaskFunction(value = "sync", timeout = "2m", misfirePolicy = "skip-if-late", misfireGraceTime = "5s",
				retryMaxAttempts = 5, retryOn = IOException.class)
		void sync() {
		}

	}

	static class Flaky {

		final List<Integer> attempts = new CopyOnWriteArrayList<>();

		@TaskFunction(value = "flaky", retryMaxAttempts = 2, retryInitialDelay = "1s", retryJitter = 0)
		void run(TaskContext context) {
			this.attempts.add(context.attempt());
			throw new UncheckedIOException(new IOException("unreachable"));
		}

	}

	/**
	 * Hears the scheduler's new failure events as application events, which the event
	 * publisher forwards whatever their type.
	 */
	static class FailedRecorder {

		final List<TaskRetryScheduled> retries = new CopyOnWriteArrayList<>();

		final List<TaskFailed> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(TaskRetryScheduled event) {
			this.retries.add(event);
		}

		@EventListener
		void on(TaskFailed event) {
			this.events.add(event);
		}

	}

	static class BadTimeout {

		@TaskFunction(value = "bad-timeout", timeout = "soon")
		void run() {
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
