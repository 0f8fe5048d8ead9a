package dev.asyncz.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.asyncz.event.TaskExecuted;
import dev.asyncz.executor.SchedulerExecutors;
import dev.asyncz.store.MemoryTaskStore;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskCallable;
import dev.asyncz.task.TaskContext;
import dev.asyncz.task.TaskOptions;
import dev.asyncz.trigger.Trigger;
import dev.asyncz.trigger.Triggers;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run binds its task's arguments to the function once, and calls the function with what
 * that binding returned: a function that converts its arguments (a Spring bean method)
 * converts them once per run, not once to check and again to call.
 */
class RunBindingTests {

	private static final Instant START = Instant.parse("2026-06-01T08:00:00Z");

	private final MemoryTaskStore store = new MemoryTaskStore();

	private final EventRecorder events = new EventRecorder();

	private final Scheduler scheduler = Scheduler.builder()
		.clock(new ControllableClock(START))
		.maxWait(Duration.ofHours(1))
		.store("default", this.store)
		.executor("default", SchedulerExecutors.threadPool(2))
		.build();

	private final Converting function = new Converting();

	RunBindingTests() {
		this.scheduler.addListener(this.events);
		this.scheduler.functions().register("converting", this.function);
	}

	@AfterEach
	void shutdown() {
		this.scheduler.shutdown(false);
	}

	@Test
	void aRunHeldUntilItEndsBindsOnceAndTheFunctionGetsTheBoundValues() {
		plant(Triggers.at(START), TaskOptions.STANDARD);
		this.scheduler.start();
		this.events.await(TaskExecuted.class);
		assertThat(this.function.binds).hasValue(1);
		assertThat(this.function.received).containsExactly(List.of("converted 42"));
	}

	@Test
	void aRunReleasedBeforeItStartsBindsOnceToo() {
		// Two runs may overlap: the task is released before the run, so its arguments are
		// bound on the scheduler thread first, and that binding is what the run uses.
		plant(Triggers.every(Duration.ofHours(1)).startingAt(START),
				new TaskOptions(null, 2, null).orElse(TaskOptions.STANDARD));
		this.scheduler.start();
		this.events.await(TaskExecuted.class);
		assertThat(this.function.binds).hasValue(1);
		assertThat(this.function.received).containsExactly(List.of("converted 42"));
	}

	@Test
	void aFunctionThatTakesItsArgumentsAsTheyAreIsCalledWithTheContextAlone() {
		List<TaskContext> runs = new CopyOnWriteArrayList<>();
		this.scheduler.functions().register("plain", runs::add);
		this.store.add(task("plain", Triggers.at(START), TaskOptions.STANDARD));
		this.scheduler.start();
		this.events.await(TaskExecuted.class);
		assertThat(runs).singleElement().extracting(TaskContext::args).isEqualTo(List.of(42));
	}

	private void plant(Trigger trigger, TaskOptions options) {
		this.store.add(task("converting", trigger, options));
	}

	private static Task task(String function, Trigger trigger, TaskOptions options) {
		return Task.builder()
			.id("job")
			.function(function)
			.args(List.of(42))
			.trigger(trigger)
			.executor("default")
			.store("default")
			.options(options)
			.nextRunTime(START)
			.build();
	}

	/**
	 * Converts each argument to text when binding, counting the bindings; a run without
	 * the bound values fails, as it would have to convert again.
	 */
	private static final class Converting implements TaskCallable {

		private final AtomicInteger binds = new AtomicInteger();

		private final List<List<@Nullable Object>> received = new CopyOnWriteArrayList<>();

		@Override
		public @Nullable Object run(TaskContext context) {
			throw new IllegalStateException("called without its bound arguments");
		}

		@Override
		public @Nullable Object runBound(TaskContext context, List<@Nullable Object> bound) {
			this.received.add(bound);
			return null;
		}

		@Override
		public List<@Nullable Object> bind(List<@Nullable Object> args, Map<String, @Nullable Object> kwargs) {
			this.binds.incrementAndGet();
			List<@Nullable Object> converted = new ArrayList<>();
			args.forEach((arg) -> converted.add("converted " + arg));
			return converted;
		}

	}

}
