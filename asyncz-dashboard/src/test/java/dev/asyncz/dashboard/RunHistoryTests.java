package dev.asyncz.dashboard;

import java.time.Duration;
import java.time.Instant;

import dev.asyncz.core.Scheduler;
import dev.asyncz.dashboard.internal.RunHistory;
import dev.asyncz.dashboard.internal.RunHistory.Outcome;
import dev.asyncz.dashboard.internal.RunHistory.Run;
import dev.asyncz.event.TaskError;
import dev.asyncz.event.TaskExecuted;
import dev.asyncz.event.TaskMissed;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link RunHistory}: a bounded ring of the latest runs.
 */
class RunHistoryTests {

	private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

	private final RunHistory history = RunHistory.attach(Scheduler.builder().build(), 3);

	@Test
	void keepsOnlyTheLatestRunsNewestFirst() {
		for (int i = 0; i < 5; i++) {
			this.history.onEvent(executed("task-" + i, i));
		}
		assertThat(this.history.recent((run) -> true, 10)).extracting(Run::taskId)
			.containsExactly("task-4", "task-3", "task-2");
	}

	@Test
	void filtersAndLimits() {
		this.history.onEvent(executed("a", 0));
		this.history.onEvent(new TaskError("b", "mail", "default", "default", T0, T0.plusMillis(250),
				Duration.ofMillis(5), new IllegalStateException("boom")));
		this.history.onEvent(new TaskMissed("c", "report", "default", "default", T0, T0.plusSeconds(60)));
		assertThat(this.history.recent((run) -> run.outcome() == Outcome.ERROR, 10)).singleElement()
			.satisfies((run) -> {
				assertThat(run.errorType()).isEqualTo(IllegalStateException.class.getName());
				assertThat(run.errorMessage()).isEqualTo("boom");
				assertThat(run.lateness()).isEqualTo(Duration.ofMillis(250));
			});
		assertThat(this.history.recent((run) -> true, 1)).extracting(Run::taskId).containsExactly("c");
		assertThat(this.history.recent((run) -> run.outcome() == Outcome.MISSED, 10).get(0).lateness()).isNull();
	}

	@Test
	void aHistoryOfNoRunsIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> RunHistory.attach(Scheduler.builder().build(), 0))
			.withMessageContaining("capacity");
	}

	private static TaskExecuted executed(String id, int seconds) {
		return new TaskExecuted(id, "report", "default", "default", T0.plusSeconds(seconds),
				T0.plusSeconds(seconds).plusMillis(10), Duration.ofMillis(3));
	}

}
