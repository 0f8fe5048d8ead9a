package dev.asyncz.store.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.asyncz.store.internal.DeadlineHeap.Entry;
import dev.asyncz.task.Task;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EntrySetTests {

	private static final Instant BASE = Instant.parse("2030-01-01T00:00:00Z");

	@Test
	void addingAnEntryTwiceKeepsItOnce() {
		EntrySet set = new EntrySet();
		Entry a = entry("a");
		set.add(a);
		set.add(a);
		assertThat(set.size()).isEqualTo(1);
		assertThat(contents(set)).containsExactly(a);
	}

	@Test
	void removingAnEntryKeepsEveryOther() {
		EntrySet set = new EntrySet();
		Entry a = entry("a");
		Entry b = entry("b");
		Entry c = entry("c");
		set.add(a);
		set.add(b);
		set.add(c);
		set.remove(a);
		assertThat(contents(set)).containsExactlyInAnyOrder(b, c);
		set.remove(c);
		assertThat(contents(set)).containsExactly(b);
	}

	@Test
	void removingAnEntryThatIsNotInIsHarmless() {
		EntrySet set = new EntrySet();
		Entry a = entry("a");
		Entry b = entry("b");
		set.add(a);
		set.remove(b);
		set.remove(a);
		set.remove(a);
		assertThat(set.size()).isZero();
	}

	@Test
	void anEntryRemovedCanBeAddedAgain() {
		EntrySet set = new EntrySet();
		Entry a = entry("a");
		set.add(a);
		set.remove(a);
		set.add(a);
		assertThat(contents(set)).containsExactly(a);
	}

	@Test
	void clearingForgetsEveryEntrySoEachCanBeAddedAgain() {
		EntrySet set = new EntrySet();
		Entry a = entry("a");
		set.add(a);
		set.clear();
		assertThat(set.size()).isZero();
		set.add(a);
		assertThat(contents(set)).containsExactly(a);
	}

	@Test
	void manyEntriesGrowAndShrinkTheSetWithoutLosingAny() {
		EntrySet set = new EntrySet();
		List<Entry> entries = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			Entry entry = entry("t" + i);
			entries.add(entry);
			set.add(entry);
		}
		for (int i = 0; i < 1000; i += 2) {
			set.remove(entries.get(i));
		}
		List<Entry> odd = new ArrayList<>();
		for (int i = 1; i < 1000; i += 2) {
			odd.add(entries.get(i));
		}
		assertThat(contents(set)).containsExactlyInAnyOrderElementsOf(odd);
		odd.forEach(set::remove);
		assertThat(set.size()).isZero();
	}

	private static List<Entry> contents(EntrySet set) {
		List<Entry> contents = new ArrayList<>();
		set.forEach(contents::add);
		return contents;
	}

	private static Entry entry(String id) {
		return new Entry(Task.builder().id(id).function("f").trigger(Triggers.at(BASE)).nextRunTime(BASE).build());
	}

}
