package dev.asyncz.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.asyncz.task.Task;
import dev.asyncz.task.TaskFailure;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static dev.asyncz.store.SearchFixtures.ids;
import static dev.asyncz.store.SearchFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link MemoryTaskStore#search(TaskSearch)} and {@link MemoryTaskStore#countByStatus()}.
 */
class MemoryTaskStoreSearchTests {

	private static final Instant T0 = SearchFixtures.T0;

	private final MemoryTaskStore store = new MemoryTaskStore();

	@Test
	void anUnfilteredSearchListsWaitingTasksByNextRunTimeThenTheOthers() {
		this.store.add(task("c", "report", T0.plusSeconds(30)));
		this.store.add(task("a", "report", T0.plusSeconds(10)));
		this.store.add(task("p", "report", null));
		this.store.add(task("b", "mail", T0.plusSeconds(20)));
		assertThat(ids(search(null, null, null, null, 0, 10))).containsExactly("a", "b", "c", "p");
	}

	@Test
	void pagesFollowOneAnotherWithoutGapOrRepeat() {
		for (int i = 0; i < 25; i++) {
			this.store.add(task(String.format("t%02d", i), "report", T0.plusSeconds(100 - i)));
		}
		this.store.add(task("paused", "report", null));
		List<String> all = ids(search(null, null, null, null, 0, 100));
		List<String> paged = new java.util.ArrayList<>();
		for (int offset = 0; offset < 26; offset += 7) {
			paged.addAll(ids(search(null, null, null, null, offset, 7)));
		}
		assertThat(paged).isEqualTo(all).hasSize(26).endsWith("paused");
		assertThat(all.get(0)).isEqualTo("t24");
	}

	@Test
	void filtersByIdPrefixNameAndFunctionTogether() {
		this.store.add(task("user-1:remind", "Call Bob", T0.plusSeconds(1)).toBuilder().function("mail").build());
		this.store.add(task("user-1:other", "call alice", T0.plusSeconds(2)));
		this.store.add(task("user-2:remind", "Call Carol", T0.plusSeconds(3)));
		assertThat(ids(search(null, null, "user-1", null, 0, 10))).containsExactly("user-1:remind", "user-1:other");
		assertThat(ids(search(null, null, "user-", "CALL", 0, 10))).hasSize(3);
		assertThat(ids(search("mail", null, "user-", "call", 0, 10))).containsExactly("user-1:remind");
		assertThat(ids(search("mail", null, "user-2", "call", 0, 10))).isEmpty();
	}

	@Test
	void filtersByStatusIncludingTasksClaimedByARun() {
		this.store.add(task("due", "report", T0));
		this.store.add(task("later", "report", T0.plusSeconds(60)));
		this.store.add(task("paused", "report", null));
		this.store.add(task("failed", "report", null).toBuilder()
			.failure(new TaskFailure(T0, 3, IllegalStateException.class.getName(), "boom", T0, true))
			.build());
		this.store.acquireDueTasks(T0, 10);
		assertThat(ids(search(null, TaskSearch.Status.RUNNING, null, null, 0, 10))).containsExactly("due");
		assertThat(ids(search(null, TaskSearch.Status.SCHEDULED, null, null, 0, 10))).containsExactly("later");
		assertThat(ids(search(null, TaskSearch.Status.PAUSED, null, null, 0, 10))).containsExactly("paused");
		assertThat(ids(search(null, TaskSearch.Status.FAILED, null, null, 0, 10))).containsExactly("failed");
		assertThat(this.store.countByStatus()).isEqualTo(Map.of(TaskSearch.Status.SCHEDULED, 1L,
				TaskSearch.Status.RUNNING, 1L, TaskSearch.Status.PAUSED, 1L, TaskSearch.Status.FAILED, 1L));
	}

	@Test
	void aRareFilterFindsItsMatchesInOrderAmongManyTasks() {
		for (int i = 0; i < MemoryTaskStore.SEARCH_BUDGET / 2; i++) {
			this.store.add(task("bulk-" + i, "bulk", T0.plusSeconds(i)));
		}
		this.store.add(task("needle-late", "needle", T0.plusSeconds(MemoryTaskStore.SEARCH_BUDGET + 2)));
		this.store.add(task("needle-early", "needle", T0.plusSeconds(MemoryTaskStore.SEARCH_BUDGET + 1)));
		TaskSearchResult found = this.store.search(new TaskSearch(null, null, "needle", null, 0, 10));
		assertThat(ids(found)).containsExactly("needle-early", "needle-late");
		assertThat(found.complete()).isTrue();
		assertThat(ids(search(null, null, "needle", null, 1, 10))).containsExactly("needle-late");
	}

	@Test
	void aFilterWhoseMatchesLieBeyondTheBudgetAnswersWhatItFoundAsIncomplete() {
		this.store.add(task("needle-first", "needle", T0));
		for (int i = 1; i <= MemoryTaskStore.SEARCH_BUDGET; i++) {
			this.store.add(task("bulk-" + i, "bulk", T0.plusSeconds(i)));
		}
		this.store.add(task("needle-beyond", "needle", T0.plusSeconds(MemoryTaskStore.SEARCH_BUDGET + 1)));
		this.store.add(task("needle-paused", "needle", null));
		TaskSearchResult found = this.store.search(new TaskSearch(null, null, "needle", null, 0, 10));
		assertThat(ids(found)).containsExactly("needle-first");
		assertThat(found.complete()).isFalse();
		assertThat(ids(search(null, TaskSearch.Status.PAUSED, "needle", null, 0, 10))).containsExactly("needle-paused");
	}

	@Test
	void removingAndResumingTasksKeepsTheCountsByStatusRight() {
		this.store.add(task("a", "report", null));
		this.store.add(task("b", "report", null));
		this.store.update(task("a", "report", T0));
		this.store.remove("b");
		assertThat(this.store.countByStatus()).containsEntry(TaskSearch.Status.SCHEDULED, 1L)
			.containsEntry(TaskSearch.Status.PAUSED, 0L);
		this.store.complete(this.store.acquireDueTasks(T0, 1).get(0).task());
		assertThat(this.store.countByStatus()).containsEntry(TaskSearch.Status.SCHEDULED, 0L)
			.containsEntry(TaskSearch.Status.RUNNING, 0L);
	}

	@Test
	void aSearchPastTheLastMatchIsEmpty() {
		this.store.add(task("a", "report", T0));
		assertThat(ids(search(null, null, null, null, 5, 10))).isEmpty();
	}

	@Test
	void blankFiltersCountAsAbsentAndBadPagingIsRefused() {
		this.store.add(task("a", "report", T0));
		assertThat(ids(search(" ", null, "", " ", 0, 10))).containsExactly("a");
		assertThatIllegalArgumentException().isThrownBy(() -> new TaskSearch(null, null, null, null, -1, 10))
			.withMessageContaining("offset");
		assertThatIllegalArgumentException().isThrownBy(() -> new TaskSearch(null, null, null, null, 0, 0))
			.withMessageContaining("limit");
	}

	private TaskSearchResult search(@Nullable String function, TaskSearch.@Nullable Status status,
			@Nullable String idPrefix, @Nullable String name, long offset, int limit) {
		return this.store.search(new TaskSearch(function, status, idPrefix, name, offset, limit));
	}

}
