package dev.asyncz.core;

import java.time.Duration;
import java.time.Instant;

import dev.asyncz.task.InvalidTaskException;
import dev.asyncz.task.MisfirePolicy;
import dev.asyncz.task.RetryPolicy;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskCallable;
import dev.asyncz.task.TaskFunctions;
import dev.asyncz.task.TaskOptions;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A function's default options: what a task that calls the function and leaves an option
 * unset takes before the scheduler's default.
 */
class FunctionDefaultsTests {

	private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

	private static final Instant LATER = NOW.plus(Duration.ofDays(30));

	private static final TaskOptions SCHEDULER_DEFAULTS = new TaskOptions(false, 3, Duration.ofSeconds(7));

	private static final RetryPolicy FIVE_ATTEMPTS = RetryPolicy.fixed(5, Duration.ofSeconds(2));

	private static final TaskOptions FUNCTION_DEFAULTS = new TaskOptions(null, null, null, MisfirePolicy.RUN_ONCE,
			FIVE_ATTEMPTS, Duration.ofSeconds(30));

	private static final TaskCallable NOOP = (context) -> null;

	private final Scheduler scheduler = Scheduler.builder()
		.clock(new ControllableClock(NOW))
		.taskDefaults(SCHEDULER_DEFAULTS)
		.build();

	@AfterEach
	void shutdown() {
		this.scheduler.shutdown(false);
	}

	@Test
	void unsetOptionsComeFromTheFunctionThenFromTheScheduler() {
		this.scheduler.functions().register("sync", NOOP, FUNCTION_DEFAULTS);
		TaskOptions options = add("sync").options();
		assertThat(options.misfirePolicy()).isEqualTo(MisfirePolicy.RUN_ONCE);
		assertThat(options.retry()).isEqualTo(FIVE_ATTEMPTS);
		assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(options.coalesce()).isFalse();
		assertThat(options.maxInstances()).isEqualTo(3);
		assertThat(options.misfireGraceTime()).isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void optionsTheRequestSetsWinOverTheFunctions() {
		this.scheduler.functions().register("sync", NOOP, FUNCTION_DEFAULTS);
		Task task = this.scheduler
			.add(TaskRequest.of("sync", Triggers.at(LATER)).retry(RetryPolicy.NONE).maxInstances(2).build());
		assertThat(task.options().retry()).isEqualTo(RetryPolicy.NONE);
		assertThat(task.options().maxInstances()).isEqualTo(2);
		assertThat(task.options().timeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(task.options().coalesce()).isFalse();
	}

	@Test
	void tasksOfAFunctionWithoutDefaultsShareTheSchedulersDefaults() {
		this.scheduler.functions().register("plain", NOOP);
		this.scheduler.functions().register("empty", NOOP, TaskOptions.UNSET);
		Task first = add("plain");
		assertThat(first.options()).isEqualTo(SCHEDULER_DEFAULTS.orElse(TaskOptions.STANDARD));
		assertThat(add("plain").options()).isSameAs(first.options());
		assertThat(add("empty").options()).isSameAs(first.options());
		assertThat(this.scheduler.add(TaskRequest.of("callable", NOOP, Triggers.at(LATER)).build()).options())
			.isSameAs(first.options());
	}

	@Test
	void tasksOfAFunctionWithDefaultsShareOneOptionsValue() {
		this.scheduler.functions().register("sync", NOOP, FUNCTION_DEFAULTS);
		assertThat(add("sync").options()).isSameAs(add("sync").options());
	}

	@Test
	void aCallableTaskNamedLikeAFunctionDoesNotTakeItsDefaults() {
		this.scheduler.functions().register("sync", NOOP, FUNCTION_DEFAULTS);
		Task task = this.scheduler.add(TaskRequest.of("sync", NOOP, Triggers.at(LATER)).build());
		assertThat(task.options()).isEqualTo(SCHEDULER_DEFAULTS.orElse(TaskOptions.STANDARD));
	}

	@Test
	void registeringTheFunctionAgainReplacesItsDefaultsForTasksAddedLater() {
		this.scheduler.functions().register("sync", NOOP, FUNCTION_DEFAULTS);
		Task before = add("sync");
		this.scheduler.functions().register("sync", NOOP, TaskOptions.UNSET.withTimeout(Duration.ofMinutes(5)));
		Task after = add("sync");
		assertThat(before.options().timeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(after.options().timeout()).isEqualTo(Duration.ofMinutes(5));
		assertThat(after.options().retry()).isEqualTo(RetryPolicy.DEFAULT);
	}

	@Test
	void functionsTellTheirDefaults() {
		TaskFunctions functions = new TaskFunctions();
		functions.register("sync", NOOP, FUNCTION_DEFAULTS);
		functions.register("plain", NOOP);
		assertThat(functions.defaults("sync")).isEqualTo(FUNCTION_DEFAULTS);
		assertThat(functions.defaults("plain")).isSameAs(TaskOptions.UNSET);
		assertThat(functions.defaults("unknown")).isSameAs(TaskOptions.UNSET);
		assertThat(functions.find("sync")).containsSame(NOOP);
	}

	@Test
	void anotherFunctionUnderATakenNameIsRefusedAndTheFirstKeepsItsDefaults() {
		TaskFunctions functions = new TaskFunctions();
		functions.register("sync", NOOP, FUNCTION_DEFAULTS);
		assertThatExceptionOfType(InvalidTaskException.class)
			.isThrownBy(() -> functions.register("sync", (context) -> "other", TaskOptions.UNSET))
			.withMessageContaining("'sync' is already registered");
		assertThat(functions.defaults("sync")).isEqualTo(FUNCTION_DEFAULTS);
		assertThat(functions.find("sync")).containsSame(NOOP);
	}

	private Task add(String function) {
		return this.scheduler.add(TaskRequest.of(function, Triggers.at(LATER)).build());
	}

}
