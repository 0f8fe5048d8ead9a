package dev.asyncz.autoconfigure.actuate;

import java.time.Duration;
import java.time.Instant;

import dev.asyncz.autoconfigure.actuate.TaskOutcomes.Outcome;
import dev.asyncz.core.Scheduler;
import dev.asyncz.event.TaskError;
import dev.asyncz.event.TaskExecuted;
import dev.asyncz.event.TaskMaxInstancesReached;
import dev.asyncz.event.TaskMissed;
import dev.asyncz.event.TaskRemoved;
import dev.asyncz.task.Task;
import dev.asyncz.trigger.DateTrigger;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Remembering the last outcome of each task, within a bound.
 */
class TaskOutcomesTests {

	static final Instant AT = Instant.parse("2030-01-01T00:00:00Z");

	private final TaskOutcomes outcomes = TaskOutcomes.attach(Scheduler.builder().build(), 3);

	@Test
	void theLatestOutcomeOfATaskWins() {
		this.outcomes.onEvent(executed("a"));
		this.outcomes.onEvent(new TaskError("a", "report", "default", "default", AT, AT, Duration.ofMillis(5),
				new IllegalStateException("boom")));
		assertThat(this.outcomes.last("a")).hasValueSatisfying((outcome) -> {
			assertThat(outcome.outcome()).isEqualTo(Outcome.ERROR);
			assertThat(outcome.errorType()).isEqualTo(IllegalStateException.class.getName());
			assertThat(outcome.errorMessage()).isEqualTo("boom");
		});
	}

	@Test
	void skippedRunsAreOutcomesToo() {
		this.outcomes.onEvent(new TaskMissed("a", "report", "default", "default", AT, AT));
		this.outcomes.onEvent(new TaskMaxInstancesReached("b", "report", "default", "default", AT, 1));
		assertThat(this.outcomes.last("a")).map(TaskOutcomes.TaskOutcome::outcome).hasValue(Outcome.MISSED);
		assertThat(this.outcomes.last("b")).map(TaskOutcomes.TaskOutcome::outcome)
			.hasValue(Outcome.MAX_INSTANCES_REACHED);
	}

	@Test
	void onlyTheMostRecentlyRunTasksAreRemembered() {
		this.outcomes.onEvent(executed("a"));
		this.outcomes.onEvent(executed("b"));
		this.outcomes.onEvent(executed("c"));
		this.outcomes.onEvent(executed("a"));
		this.outcomes.onEvent(executed("d"));
		assertThat(this.outcomes.size()).isEqualTo(3);
		assertThat(this.outcomes.last("b")).isEmpty();
		assertThat(this.outcomes.last("a")).isPresent();
		assertThat(this.outcomes.last("d")).isPresent();
	}

	@Test
	void aRemovedTaskIsForgotten() {
		this.outcomes.onEvent(executed("a"));
		this.outcomes
			.onEvent(new TaskRemoved(Task.builder().id("a").function("report").trigger(new DateTrigger(AT)).build()));
		assertThat(this.outcomes.last("a")).isEmpty();
	}

	private static TaskExecuted executed(String id) {
		return new TaskExecuted(id, "report", "default", "default", AT, AT, Duration.ofMillis(5));
	}

}
