package dev.asyncz.store.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.asyncz.store.internal.DeadlineHeap.Entry;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskCallable;
import dev.asyncz.task.TaskFailure;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TaskShapesTests {

	private static final Instant AT = Instant.parse("2030-01-01T00:00:00Z");

	private static final TaskCallable CALLABLE = (context) -> null;

	@Test
	void tasksAddedAlikeShareOneShape() {
		TaskShapes shapes = new TaskShapes();
		assertThat(shapes.shapeOf(task("a").build())).isSameAs(shapes.shapeOf(task("b").build()));
	}

	@Test
	void tasksWithArgumentsOfTheirOwnKeepShapesOfTheirOwn() {
		TaskShapes shapes = new TaskShapes();
		Task first = task("a").args(new ArrayList<>(List.of(new StringBuilder("x")))).build();
		Task second = task("b").args(new ArrayList<>(first.args())).build();
		assertThat(shapes.shapeOf(first)).isNotSameAs(shapes.shapeOf(second));
	}

	@Test
	void tasksThatDifferInAnythingButIdTriggerAndRunTimeDoNotShareAShape() {
		TaskShapes shapes = new TaskShapes();
		TaskShape shape = shapes.shapeOf(task("a").build());
		assertThat(shapes.shapeOf(task("b").name("named").build())).isNotSameAs(shape);
		assertThat(shapes.shapeOf(task("c").executor("other").build())).isNotSameAs(shape);
		assertThat(shapes.shapeOf(task("d").store("other").build())).isNotSameAs(shape);
		assertThat(shapes.shapeOf(task("e").function("other").build())).isNotSameAs(shape);
	}

	@Test
	void aWaitingEntryGivesBackATaskEqualToTheOneItWasGiven() {
		TaskShapes shapes = new TaskShapes();
		TaskFailure failure = TaskFailure.of(AT, 1, new IllegalStateException("boom"), AT, false);
		Task task = task("a").name("a label")
			.args(List.of(1, "two"))
			.kwargs(Map.of("three", 3))
			.failure(failure)
			.nextRunTime(AT.plusSeconds(5))
			.build();
		assertThat(new Entry(task, shapes).task()).isEqualTo(task);
	}

	@Test
	void aClaimedEntryKeepsTheVeryTaskItHandedOut() {
		Entry entry = new Entry(task("a").build(), new TaskShapes());
		Task claimed = entry.claim();
		assertThat(entry.task()).isSameAs(claimed);
		assertThat(entry.claimed()).isTrue();
	}

	private static Task.Builder task(String id) {
		return Task.builder().id(id).function("f").callable(CALLABLE).trigger(Triggers.at(AT)).nextRunTime(AT);
	}

}
