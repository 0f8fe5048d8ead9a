package dev.asyncz.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
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
		for (int i = 0; i < MemoryTaskStore.WALK_BUDGET / 2; i++) {
			this.store.add(task("bulk-" + i, "bulk", T0.plusSeconds(i)));
		}
		this.store.add(task("needle-late", "needle", T0.plusSeconds(MemoryTaskStore.WALK_BUDGET + 2)));
		this.store.add(task("needle-early", "needle", T0.plusSeconds(MemoryTaskStore.WALK_BUDGET + 1)));
		TaskSearchResult found = this.store.search(new TaskSearch(null, null, "needle", null, 0, 10));
		assertThat(ids(found)).containsExactly("needle-early", "needle-late");
		assertThat(found.complete()).isTrue();
		assertThat(ids(search(null, null, "needle", null, 1, 10))).containsExactly("needle-late");
	}

	@Test
	void matchesFarDownTheHeapAreAllFoundInOrderAndTheAnswerIsComplete() {
		this.store.add(task("needle-first", "needle", T0));
		for (int i = 1; i <= 2 * MemoryTaskStore.WALK_BUDGET; i++) {
			this.store.add(task("bulk-" + i, "bulk", T0.plusSeconds(i)));
		}
		this.store.add(task("needle-last", "needle", T0.plusSeconds(3L * MemoryTaskStore.WALK_BUDGET)));
		this.store.add(task("needle-beyond", "needle", T0.plusSeconds(2L * MemoryTaskStore.WALK_BUDGET + 1)));
		this.store.add(task("needle-paused", "needle", null));
		TaskSearchResult found = this.store.search(new TaskSearch(null, null, "needle", null, 0, 10));
		assertThat(ids(found)).containsExactly("needle-first", "needle-beyond", "needle-last", "needle-paused");
		assertThat(found.complete()).isTrue();
		assertThat(ids(search(null, null, null, "NEEDLE", 2, 10))).containsExactly("needle-last", "needle-paused");
	}

	@Test
	void tasksDueAtTheSameTimeAreOrderedByIdWhetherWalkedOrReadInChunks() {
		MemoryTaskStore chunked = new MemoryTaskStore(0, 3, () -> {
		});
		for (String id : List.of("d", "b", "e", "a", "c")) {
			this.store.add(task(id, "report", T0));
			chunked.add(task(id, "report", T0));
		}
		this.store.add(task("early", "report", T0.minusSeconds(1)));
		chunked.add(task("early", "report", T0.minusSeconds(1)));
		TaskSearch firstThree = new TaskSearch(null, null, null, null, 0, 3);
		TaskSearch nextThree = new TaskSearch(null, null, null, null, 3, 3);
		assertThat(ids(this.store.search(firstThree))).containsExactly("early", "a", "b");
		assertThat(ids(chunked.search(firstThree))).containsExactly("early", "a", "b");
		assertThat(ids(this.store.search(nextThree))).containsExactly("c", "d", "e");
		assertThat(ids(chunked.search(nextThree))).containsExactly("c", "d", "e");
	}

	@Test
	void anyPageOfChunkedReadingIsTheSliceOfTheWholeListingOrder() {
		MemoryTaskStore chunked = new MemoryTaskStore(0, 64, () -> {
		});
		Random random = new Random(42);
		List<Task> tasks = new ArrayList<>();
		for (int i = 0; i < 2_000; i++) {
			// Few distinct times, so that many tasks tie and ids decide.
			Instant time = (random.nextInt(10) == 0) ? null : T0.plusSeconds(random.nextInt(50));
			tasks.add(task("t-" + random.nextInt(1_000_000) + "-" + i, "report", time));
		}
		tasks.forEach(chunked::add);
		List<String> expected = tasks.stream()
			.sorted(Comparator.comparing(Task::nextRunTime, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(Task::id))
			.map(Task::id)
			.toList();
		for (int offset : new int[] { 0, 1, 17, 999, 1_790, 1_990, 2_000 }) {
			assertThat(ids(chunked.search(new TaskSearch(null, null, null, null, offset, 25))))
				.as("page at offset %d", offset)
				.isEqualTo(expected.subList(Math.min(offset, expected.size()), Math.min(offset + 25, expected.size())));
		}
	}

	@Test
	void aSearchReadByManyThreadsFindsThePagesOfTheWholeListingOrder() {
		Random random = new Random(11);
		List<Task> tasks = new ArrayList<>();
		for (int i = 0; i < MemoryTaskStore.PARALLEL_SCAN + 5_000; i++) {
			String id = String.format("t-%06d", i);
			tasks.add(task(id, "report", T0.plusSeconds(random.nextInt(100))).toBuilder()
				.name((i % 7 == 0) ? "Weekly Report " + i : "Reminder " + i)
				.build());
		}
		tasks.forEach(this.store::add);
		Comparator<Task> order = Comparator.comparing(Task::nextRunTime).thenComparing(Task::id);
		List<String> weekly = tasks.stream()
			.filter((task) -> task.name().startsWith("Weekly"))
			.sorted(order)
			.map(Task::id)
			.toList();
		List<String> prefixed = tasks.stream()
			.filter((task) -> task.id().startsWith("t-01"))
			.sorted(order)
			.map(Task::id)
			.toList();
		for (int offset : new int[] { 0, 333, weekly.size() - 10 }) {
			assertThat(ids(search(null, null, null, "weekly REPORT", offset, 25))).as("weekly from %d", offset)
				.isEqualTo(weekly.subList(offset, Math.min(offset + 25, weekly.size())));
		}
		assertThat(ids(search(null, null, "t-01", null, 9_990, 25))).isEqualTo(prefixed.subList(9_990, 10_000));
	}

	@Test
	void aNameSearchFindsWhatMatchingEachNameFindsWhateverItsCharacters() {
		List<String> names = List.of("Weekly Report", "WEEKLY report 2", "Großer Ärger", "\u212Aelvin scale",
				"\u0130x Report", "Rep\u00D6rt", "reporting", "r", "Ärger über Ärger");
		for (int i = 0; i < names.size(); i++) {
			this.store.add(task("n" + i, "report", T0.plusSeconds(i)).toBuilder().name(names.get(i)).build());
		}
		for (String part : List.of("report", "ärger", "kelvin", "x rep", "r", "ger üb", "öRT", "nothing")) {
			TaskSearch search = new TaskSearch(null, null, null, part, 0, 50);
			List<String> expected = new ArrayList<>();
			for (int i = 0; i < names.size(); i++) {
				if (search.matchesName(names.get(i))) {
					expected.add("n" + i);
				}
			}
			assertThat(ids(this.store.search(search))).as("'%s'", part).isEqualTo(expected);
		}
	}

	@Test
	void pagingReadInChunksFindsEveryTaskThatStaysWhileOthersComeAndGo() {
		List<String> churn = new ArrayList<>();
		Random random = new Random(7);
		MemoryTaskStore[] holder = new MemoryTaskStore[1];
		// Between two chunks of a search the store changes: tasks of other ids are added
		// and removed at random times, which moves the remaining ones about the heap.
		Runnable change = () -> {
			for (int i = 0; i < 20; i++) {
				String id = "churn-" + random.nextInt(1_000_000);
				if (!churn.contains(id)) {
					holder[0].add(task(id, "report", T0.plusSeconds(random.nextInt(2_000))));
					churn.add(id);
				}
				if (churn.size() > 100) {
					holder[0].remove(churn.remove(random.nextInt(churn.size())));
				}
			}
		};
		MemoryTaskStore store = new MemoryTaskStore(0, 50, change);
		holder[0] = store;
		List<String> kept = new ArrayList<>();
		for (int i = 0; i < 1_000; i++) {
			String id = String.format("keep-%04d", i);
			store.add(task(id, "report", T0.plusSeconds(random.nextInt(2_000))));
			kept.add(id);
		}
		List<String> expected = ids(store.search(new TaskSearch(null, null, "keep-", null, 0, 1_000)));
		List<String> paged = new ArrayList<>();
		for (int offset = 0; offset < 1_000; offset += 30) {
			paged.addAll(ids(store.search(new TaskSearch(null, null, "keep-", null, offset, 30))));
		}
		assertThat(expected).containsExactlyInAnyOrderElementsOf(kept);
		assertThat(paged).isEqualTo(expected);
		assertThat(churn).isNotEmpty();
	}

	@Test
	void aTaskRemovedWhileASearchReadsIsNotOnItsPage() {
		MemoryTaskStore[] holder = new MemoryTaskStore[1];
		MemoryTaskStore store = new MemoryTaskStore(0, 2, () -> holder[0].remove("b"));
		holder[0] = store;
		for (String id : List.of("a", "b", "c", "d", "e")) {
			store.add(task(id, "report", T0));
		}
		assertThat(ids(store.search(new TaskSearch(null, null, null, null, 0, 3)))).containsExactly("a", "c", "d");
	}

	@Test
	void statusFiltersHoldWhenTasksAreReadInChunks() {
		MemoryTaskStore store = new MemoryTaskStore(0, 3, () -> {
		});
		for (int i = 0; i < 10; i++) {
			store.add(task("due-" + i, "report", T0.minusSeconds(i)));
			store.add(task("waiting-" + i, "report", T0.plusSeconds(i + 1)));
			store.add(task("paused-" + i, "report", null));
			store.add(task("failed-" + i, "report", null).toBuilder()
				.failure(new TaskFailure(T0, 3, IllegalStateException.class.getName(), "boom", T0, true))
				.build());
		}
		store.acquireDueTasks(T0, 10);
		assertThat(ids(store.search(new TaskSearch(null, TaskSearch.Status.RUNNING, null, null, 0, 20))))
			.containsExactly("due-9", "due-8", "due-7", "due-6", "due-5", "due-4", "due-3", "due-2", "due-1", "due-0");
		assertThat(ids(store.search(new TaskSearch(null, TaskSearch.Status.SCHEDULED, null, null, 2, 3))))
			.containsExactly("waiting-2", "waiting-3", "waiting-4");
		assertThat(ids(store.search(new TaskSearch(null, TaskSearch.Status.PAUSED, null, null, 8, 5))))
			.containsExactly("paused-8", "paused-9");
		assertThat(ids(store.search(new TaskSearch(null, TaskSearch.Status.FAILED, "failed-1", null, 0, 5))))
			.containsExactly("failed-1");
		assertThat(ids(store.search(new TaskSearch(null, null, null, null, 15, 10)))).containsExactly("due-4", "due-3",
				"due-2", "due-1", "due-0", "failed-0", "failed-1", "failed-2", "failed-3", "failed-4");
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
