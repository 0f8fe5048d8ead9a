package dev.asyncz.core;

import java.time.Instant;

import dev.asyncz.store.SearchFixtures;
import dev.asyncz.store.TaskQuery;
import dev.asyncz.store.TaskSearch;
import dev.asyncz.store.TaskSearchResult;
import dev.asyncz.store.TaskStore;
import org.junit.jupiter.api.Test;

import static dev.asyncz.store.SearchFixtures.ids;
import static dev.asyncz.store.SearchFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default {@link TaskStore#search(TaskSearch)} and {@link TaskStore#countByStatus()}:
 * built on {@link TaskStore#list(TaskQuery)} alone.
 */
class DefaultTaskStoreSearchTests {

	private static final Instant T0 = SearchFixtures.T0;

	// Implements only what the SPI requires, so searches take the defaults.
	private final PersistentMemoryStore store = new PersistentMemoryStore();

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

}
