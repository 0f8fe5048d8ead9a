package dev.asyncz.store.internal;

import java.time.Instant;
import java.util.HashMap;
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
