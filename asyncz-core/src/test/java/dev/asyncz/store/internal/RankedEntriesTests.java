package dev.asyncz.store.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import dev.asyncz.store.internal.DeadlineHeap.Entry;
import dev.asyncz.task.Task;
import dev.asyncz.trigger.Triggers;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RankedEntriesTests {

	private static final Instant BASE = Instant.parse("2030-01-01T00:00:00Z");

	private static final Comparator<Entry> LISTING_ORDER = Comparator
		.comparing(Entry::nextRunTime, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(Entry::id);

	@Test
	void everyPageOfDistinctTimesIsTheSortedOrdersSlice() {
		assertEveryPageMatchesTheSortedOrder(entries(2_000, 1_000_000, 7));
	}

	@Test
	void everyPageOfRecordsKeptInSeveralPagesIsTheSortedOrdersSlice() {
		assertEveryPageMatchesTheSortedOrder(entries(2 * RankedEntries.PAGE + 1_000, 5_000, 17));
	}

	@Test
	void everyPageOfTimesSharedByManyTasksIsOrderedByIdWithinATime() {
		assertEveryPageMatchesTheSortedOrder(entries(3_000, 3, 11));
	}

	@Test
	void everyPageOfOneTimeForAllIsOrderedById() {
		assertEveryPageMatchesTheSortedOrder(entries(1_500, 1, 13));
	}

	@Test
	void tasksWithoutATimeComeLastAndTimesBeyondALongOfMicrosecondsKeepTheirOrder() {
		List<Entry> entries = new ArrayList<>();
		entries.add(entry("none-b", null));
		entries.add(entry("far-2", Instant.MAX));
		entries.add(entry("none-a", null));
		entries.add(entry("far-1", Instant.ofEpochSecond(Long.MAX_VALUE / 1_000_000 + 1_000)));
		entries.add(entry("near", BASE));
		RankedEntries ranked = ranked(entries);
		assertThat(ranked.ranks(0, 10)).extracting((r) -> r.entry().id())
			.containsExactly("near", "far-1", "far-2", "none-a", "none-b");
		assertThat(ranked.ranks(2, 2)).extracting((r) -> r.entry().id()).containsExactly("far-2", "none-a");
	}

	@Test
	void ranksPastTheEndAreEmpty() {
		assertThat(ranked(entries(10, 10, 1)).ranks(10, 5)).isEmpty();
	}

	private static void assertEveryPageMatchesTheSortedOrder(List<Entry> entries) {
		List<Entry> sorted = new ArrayList<>(entries);
		sorted.sort(LISTING_ORDER);
		RankedEntries ranked = ranked(entries);
		for (int from = 0; from < entries.size(); from += 97) {
			List<Entry> page = ranked.ranks(from, 25).stream().map(RankedEntries.Ranked::entry).toList();
			assertThat(page).as("page from %d", from)
				.containsExactlyElementsOf(sorted.subList(from, Math.min(entries.size(), from + 25)));
		}
	}

	private static RankedEntries ranked(List<Entry> entries) {
		RankedEntries ranked = new RankedEntries();
		entries.forEach((entry) -> ranked.add(entry, RankedEntries.keyOf(entry)));
		return ranked;
	}

	private static List<Entry> entries(int count, int distinctSeconds, long seed) {
		Random random = new Random(seed);
		List<Entry> entries = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			entries.add(entry("task-" + random.nextInt(1_000_000) + "-" + i,
					BASE.plusSeconds(random.nextInt(distinctSeconds))));
		}
		return entries;
	}

	private static Entry entry(String id, @Nullable Instant at) {
		return new Entry(Task.builder().id(id).function("f").trigger(Triggers.at(BASE)).nextRunTime(at).build());
	}

}
