package dev.asyncz.store;

import java.time.Instant;

import dev.asyncz.task.Task;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What the memory store adds to the store contract (which {@code asyncz-test} checks).
 */
class MemoryTaskStoreTests {

	private static final Instant AT = Instant.parse("2030-01-01T00:00:00Z");

	@Test
	void endingAClaimWithATaskOfAnotherIdIsRefusedAndTheClaimStaysAsItWas() {
		MemoryTaskStore store = new MemoryTaskStore();
		store.add(task("a"));
		Task claimed = store.acquireDueTasks(AT, 1).get(0).task();
		assertThatIllegalArgumentException().isThrownBy(() -> store.release(claimed, task("b")))
			.withMessage("Task 'a' cannot be replaced by task 'b'");
		assertThat(store.get("a")).containsSame(claimed);
		assertThat(store.release(claimed, claimed)).isTrue();
		assertThat(store.acquireDueTasks(AT, 1)).extracting(DueTask::task).containsExactly(claimed);
	}

	@Test
	void aWaitingTaskReadBackEqualsTheTaskAdded() {
		MemoryTaskStore store = new MemoryTaskStore();
		Task task = task("a");
		store.add(task);
		assertThat(store.get("a")).contains(task);
		assertThat(store.list(TaskQuery.first(10))).containsExactly(task);
	}

	private static Task task(String id) {
		return Task.builder().id(id).function("f").trigger(Triggers.at(AT)).nextRunTime(AT).build();
	}

}
