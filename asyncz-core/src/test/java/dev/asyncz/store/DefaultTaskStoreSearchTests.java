package dev.asyncz.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.asyncz.task.Task;
import org.junit.jupiter.api.Test;

import static dev.asyncz.store.MemoryTaskStoreSearchTests.ids;
import static dev.asyncz.store.MemoryTaskStoreSearchTests.task;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default {@link TaskStore#search(TaskSearch)} and {@link TaskStore#countByStatus()}:
 * built on {@link TaskStore#list(TaskQuery)} alone.
 */
class DefaultTaskStoreSearchTests {

	private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

	private final ListOnlyStore store = new ListOnlyStore();

	@Test
	void aSearchListCanAnswerIsPassedOnAndComplete() {
		this.store.add(task("b", "mail", T0.plusSeconds(2)));
		this.store.add(task("a", "report", T0.plusSeconds(1)));
		this.store.add(task("p", "report", null));
		TaskSearchResult result = this.store
			.search(new TaskSearch("report", TaskSearch.Status.PAUSED, null, null, 0, 10));
		assertThat(ids(result)).containsExactly("p");
		assertThat(result.complete()).isTrue();
	}

	@Test
	void anIdPrefixIsFilteredFromListingPagesAcrossChunks() {
		for (int i = 0; i < 1200; i++) {
			this.store.add(task(((i % 400 == 0) ? "hit-" : "miss-") + i, "report", T0.plusSeconds(i)));
		}
		TaskSearchResult result = this.store.search(new TaskSearch(null, null, "hit-", null, 1, 10));
		assertThat(ids(result)).containsExactly("hit-400", "hit-800");
		assertThat(result.complete()).isTrue();
	}

	@Test
	void aSearchThatReadsItsWholeBudgetSaysItIsIncomplete() {
		for (int i = 0; i < TaskStore.DEFAULT_SEARCH_BUDGET + 10; i++) {
			this.store.add(task("miss-" + i, "report", T0.plusSeconds(i)));
		}
		TaskSearchResult result = this.store.search(new TaskSearch(null, null, "hit-", null, 0, 10));
		assertThat(result.tasks()).isEmpty();
		assertThat(result.complete()).isFalse();
	}

	@Test
	void runningTasksAndCountsAreUnknownToTheDefaults() {
		this.store.add(task("a", "report", T0));
		assertThat(this.store.search(new TaskSearch(null, TaskSearch.Status.RUNNING, null, null, 0, 10)).complete())
			.isFalse();
		assertThat(this.store.countByStatus()).isEmpty();
	}

	/** A store implementing only what the SPI requires, by delegation. */
	static final class ListOnlyStore implements TaskStore {

		private final MemoryTaskStore delegate = new MemoryTaskStore();

		@Override
		public boolean persistent() {
			return false;
		}

		@Override
		public void add(Task task) {
			this.delegate.add(task);
		}

		@Override
		public void update(Task task) {
			this.delegate.update(task);
		}

		@Override
		public boolean remove(String id) {
			return this.delegate.remove(id);
		}

		@Override
		public void removeAll() {
			this.delegate.removeAll();
		}

		@Override
		public Optional<Task> get(String id) {
			return this.delegate.get(id);
		}

		@Override
		public List<DueTask> acquireDueTasks(Instant now, int limit) {
			return this.delegate.acquireDueTasks(now, limit);
		}

		@Override
		public boolean release(Task claimed, Task next) {
			return this.delegate.release(claimed, next);
		}

		@Override
		public void complete(Task task) {
			this.delegate.complete(task);
		}

		@Override
		public Optional<Instant> nextRunTime() {
			return this.delegate.nextRunTime();
		}

		@Override
		public List<Task> list(TaskQuery query) {
			return this.delegate.list(query);
		}

		@Override
		public long count() {
			return this.delegate.count();
		}

	}

}
