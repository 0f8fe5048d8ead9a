package dev.asyncz.store.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.asyncz.store.internal.DeadlineHeap.Entry;
import dev.asyncz.task.Task;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdIndexTests {

	@Test
	void findsWhatWasAddedAndForgetsWhatWasRemoved() {
		IdIndex index = new IdIndex();
		Entry a = entry("a");
		index.addIfAbsent(a);
		assertThat(index.get("a")).isSameAs(a);
		assertThat(index.remove("a")).isSameAs(a);
		assertThat(index.get("a")).isNull();
		assertThat(index.remove("a")).isNull();
	}

	@Test
	void removingAnEntryRemovesOnlyThatVeryEntry() {
		IdIndex index = new IdIndex();
		Entry held = entry("a");
		index.addIfAbsent(held);
		assertThat(index.remove(entry("a"))).isFalse();
		assertThat(index.get("a")).isSameAs(held);
		assertThat(index.remove(held)).isTrue();
		assertThat(index.get("a")).isNull();
		assertThat(index.size()).isZero();
	}

	@Test
	void agreesWithAHashMapUnderRandomAddsAndRemovals() {
		Random random = new Random(7);
		IdIndex index = new IdIndex();
		Map<String, Entry> reference = new HashMap<>();
		for (int i = 0; i < 50_000; i++) {
			String id = "id-" + random.nextInt(3_000);
			if (random.nextBoolean()) {
				if (!reference.containsKey(id)) {
					Entry entry = entry(id);
					index.addIfAbsent(entry);
					reference.put(id, entry);
				}
			}
			else if (random.nextBoolean()) {
				assertThat(index.remove(id)).isSameAs(reference.remove(id));
			}
			else {
				Entry held = reference.remove(id);
				assertThat(index.remove((held != null) ? held : entry(id))).isEqualTo(held != null);
			}
			assertThat(index.size()).isEqualTo(reference.size());
		}
		reference.forEach((id, entry) -> assertThat(index.get(id)).isSameAs(entry));
		int[] visited = new int[1];
		index.forEach((entry) -> visited[0]++);
		assertThat(visited[0]).isEqualTo(reference.size());
	}

	@Test
	void idsWhoseHashesAreEqualAreToldApart() {
		// "Aa" and "BB" have the same String hash; "\0" and "\0\0" hash to 0, the value
		// that marks an empty slot inside the index.
		IdIndex index = new IdIndex();
		List<Entry> entries = List.of(entry("Aa"), entry("BB"), entry("\0"), entry("\0\0"));
		entries.forEach(index::addIfAbsent);
		for (Entry entry : entries) {
			assertThat(index.get(entry.id())).isSameAs(entry);
			assertThat(index.addIfAbsent(entry(entry.id()))).isSameAs(entry);
		}
		assertThat(index.remove("\0")).isSameAs(entries.get(2));
		assertThat(index.get("\0\0")).isSameAs(entries.get(3));
		assertThat(index.remove(entries.get(0))).isTrue();
		assertThat(index.get("BB")).isSameAs(entries.get(1));
		assertThat(index.size()).isEqualTo(2);
	}

	@Test
	void idsMadeInSequenceAreAllFoundWhileTheIndexGrowsAndShrinks() {
		// Such ids crowd into neighbouring slots by design; growing, probing and closing
		// gaps must still find every one.
		IdIndex index = new IdIndex();
		int count = 30_000;
		for (int i = 0; i < count; i++) {
			assertThat(index.addIfAbsent(entry("task-" + i))).isNull();
		}
		for (int i = 0; i < count; i++) {
			assertThat(index.get("task-" + i).id()).isEqualTo("task-" + i);
		}
		for (int i = 0; i < count; i += 2) {
			assertThat(index.remove("task-" + i)).isNotNull();
		}
		for (int i = 0; i < count; i++) {
			assertThat(index.get("task-" + i) != null).isEqualTo(i % 2 == 1);
		}
		for (int i = 1; i < count; i += 2) {
			assertThat(index.remove("task-" + i)).isNotNull();
		}
		assertThat(index.size()).isZero();
		assertThat(index.get("task-1")).isNull();
	}

	@Test
	void clearEmptiesTheIndex() {
		IdIndex index = new IdIndex();
		index.addIfAbsent(entry("x"));
		index.clear();
		assertThat(index.size()).isZero();
		assertThat(index.get("x")).isNull();
	}

	private static Entry entry(String id) {
		Instant at = Instant.parse("2030-01-01T00:00:00Z");
		return new Entry(Task.builder().id(id).function("f").trigger(Triggers.at(at)).nextRunTime(at).build());
	}

}
