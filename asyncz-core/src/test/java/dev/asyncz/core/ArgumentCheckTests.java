package dev.asyncz.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.asyncz.task.ArgumentMismatchException;
import dev.asyncz.task.InvalidTaskException;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskCallable;
import dev.asyncz.task.TaskContext;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.trigger.Triggers;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Arguments are checked when a task is added: they must bind to the function's
 * parameters, and in a persistent store come back from JSON as equal values — so the
 * function later receives what the caller passed, or the caller hears of it now.
 */
class ArgumentCheckTests {

	private static final Instant LATER = Instant.parse("2040-01-01T00:00:00Z");

	private final Scheduler scheduler = Scheduler.builder().store("durable", new PersistentMemoryStore()).build();

	ArgumentCheckTests() {
		this.scheduler.functions().register("untyped", (context) -> null);
		this.scheduler.functions().register("dated", new TakesADate());
	}

	@AfterEach
	void shutdown() {
		this.scheduler.shutdown(false);
	}

	@Test
	void aThreadIsRefusedAsItWouldComeBackAsAMapOfItsGetters() {
		assertThatExceptionOfType(ArgumentMismatchException.class)
			.isThrownBy(() -> addDurable("untyped", List.of(new Thread())))
			.withMessageContaining("Task 'job': positional argument 0 (java.lang.Thread) would come back from the "
					+ "store as java.util.LinkedHashMap");
		assertThat(this.scheduler.get("job")).isEmpty();
	}

	@Test
	void aMapThatContainsItselfIsRefusedWithoutAStackOverflow() {
		Map<String, Object> loop = new HashMap<>();
		loop.put("self", loop);
		assertThatExceptionOfType(InvalidTaskException.class).isThrownBy(() -> addDurable("untyped", List.of(loop)))
			.withMessageContaining("positional argument 0 of type java.util.HashMap contains itself");
	}

	@Test
	void aListNestedDeeperThanAHundredLevelsIsRefused() {
		List<Object> outer = new ArrayList<>();
		List<Object> inner = outer;
		for (int i = 0; i < 150; i++) {
			List<Object> next = new ArrayList<>();
			inner.add(next);
			inner = next;
		}
		assertThatExceptionOfType(InvalidTaskException.class).isThrownBy(() -> addDurable("untyped", List.of(outer)))
			.withMessageContaining("is nested more than 100 levels deep");
	}

	@Test
	void notANumberIsRefusedAsItWouldComeBackAsText() {
		assertThatExceptionOfType(ArgumentMismatchException.class)
			.isThrownBy(() -> addDurable("untyped", List.of(Double.NaN)))
			.withMessageContaining("positional argument 0 (java.lang.Double) would come back from the store as "
					+ "java.lang.String NaN");
	}

	@Test
	void aRecordPassedToAFunctionThatTakesItsArgumentsAsTheyAreIsRefused() {
		assertThatExceptionOfType(ArgumentMismatchException.class)
			.isThrownBy(() -> addDurable("untyped", List.of(new Reminder("call mum", 3))));
	}

	@Test
	void aNamedArgumentThatWouldChangeIsRefusedByName() {
		assertThatExceptionOfType(ArgumentMismatchException.class)
			.isThrownBy(() -> this.scheduler.add(TaskRequest.of("untyped", Triggers.at(LATER))
				.id("job")
				.store("durable")
				.kwargs(Map.of("on", LocalDate.of(2040, 1, 1)))
				.build()))
			.withMessageContaining("named argument 'on' (java.time.LocalDate)");
	}

	@Test
	void jsonValuesAreAcceptedAsTheyAre() {
		Map<String, Object> nested = new LinkedHashMap<>();
		nested.put("to", List.of("ada@example.com", "alan@example.com"));
		nested.put("urgent", true);
		nested.put("attempts", 3L);
		nested.put("ratio", 0.1);
		nested.put("price", new BigDecimal("19.99"));
		nested.put("nothing", null);
		List<@Nullable Object> args = new ArrayList<>(List.of("text", 42, 9_000_000_000L, 2.5f, nested));
		args.add(null);
		Task task = addDurable("untyped", args);
		assertThat(task.args()).isEqualTo(args);
	}

	@Test
	void aTypeTheFunctionDeclaresIsAcceptedWhenItComesBackEqual() {
		addDurable("dated", List.of(LocalDate.of(2040, 2, 29)));
		assertThat(this.scheduler.get("job")).isPresent();
	}

	@Test
	void argumentsThatDoNotBindToTheFunctionAreRefusedNamingTheTaskAndTheParameter() {
		assertThatExceptionOfType(ArgumentMismatchException.class)
			.isThrownBy(() -> this.scheduler
				.add(TaskRequest.of("dated", Triggers.at(LATER)).id("job").args("not-a-date").build()))
			.withMessageContaining("Task 'job': parameter 0 (LocalDate) cannot take 'not-a-date'");
	}

	@Test
	void durableTasksWithJsonArgumentsAreBoundOnceEachWhenAdded() {
		CountingBinds counting = new CountingBinds();
		this.scheduler.functions().register("counted", counting);
		addDurable("counted", List.of("text", 42L, List.of(true, 1.5)));
		assertThat(counting.binds).isEqualTo(1);
		this.scheduler
			.addAll(List.of(TaskRequest.of("counted", Triggers.at(LATER)).id("a").store("durable").args("x").build(),
					TaskRequest.of("counted", Triggers.at(LATER)).id("b").store("durable").args("y").build()));
		assertThat(counting.binds).isEqualTo(3);
	}

	private Task addDurable(String function, List<@Nullable Object> args) {
		return this.scheduler
			.add(TaskRequest.of(function, Triggers.at(LATER)).id("job").store("durable").args(args.toArray()).build());
	}

	record Reminder(String text, int priority) {

	}

	/** Counts how often its arguments are bound (converted, for a Spring bean method). */
	private static final class CountingBinds implements TaskCallable {

		private int binds;

		@Override
		public @Nullable Object run(TaskContext context) {
			return null;
		}

		@Override
		public List<@Nullable Object> bind(List<@Nullable Object> args, Map<String, @Nullable Object> kwargs) {
			this.binds++;
			return new ArrayList<>(args);
		}

	}

	/** Takes one date, given as a date or as ISO text (the form it is stored in). */
	private static final class TakesADate implements TaskCallable {

		@Override
		public @Nullable Object run(TaskContext context) {
			return null;
		}

		@Override
		public List<@Nullable Object> bind(List<@Nullable Object> args, Map<String, @Nullable Object> kwargs) {
			Object value = (args.size() == 1) ? args.get(0) : null;
			if (value instanceof LocalDate date) {
				return List.of(date);
			}
			try {
				return List.of(LocalDate.parse(String.valueOf(value)));
			}
			catch (RuntimeException ex) {
				throw new ArgumentMismatchException("parameter 0 (LocalDate) cannot take '" + value + "'", ex);
			}
		}

	}

}
