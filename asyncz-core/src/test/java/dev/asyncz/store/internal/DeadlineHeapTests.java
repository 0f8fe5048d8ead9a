package dev.asyncz.store.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import dev.asyncz.store.internal.DeadlineHeap.Entry;
import dev.asyncz.task.Task;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlineHeapTests {

	private static final Instant BASE = Instant.parse("2030-01-01T00:00:00Z");

	@Test
	void emptyHeapHasNothingToPeek() {
		assertThat(new DeadlineHeap().peek()).isNull();
	}

	@Test
	void peekReturnsTheEarliestDeadline() {
		DeadlineHeap heap = new DeadlineHeap();
		heap.push(entry("late", 30));
		heap.push(entry("early", 10));
		heap.push(entry("middle", 20));
		assertThat(heap.peek().task().id()).isEqualTo("early");
	}

	@Test
	void removingAnEntryAnywhereKeepsTheOrder() {
		DeadlineHeap heap = new DeadlineHeap();
		Entry a = entry("a", 1);
		Entry b = entry("b", 2);
		Entry c = entry("c", 3);
		heap.push(a);
		heap.push(b);
		heap.push(c);
		heap.remove(a);
		assertThat(a.inHeap()).isFalse();
		assertThat(heap.peek()).isSameAs(b);
		heap.remove(b);
		assertThat(heap.peek()).isSameAs(c);
		assertThat(heap.size()).isEqualTo(1);
	}

	@Test
	void removingAnEntryTwiceIsHarmless() {
		DeadlineHeap heap = new DeadlineHeap();
		Entry a = entry("a", 1);
		heap.push(a);
		heap.remove(a);
		heap.remove(a);
		assertThat(heap.size()).isZero();
	}

	@Test
	void agreesWithASortedSetUnderRandomPushesAndRemovals() {
		Random random = new Random(42);
		DeadlineHeap heap = new DeadlineHeap();
		Comparator<Entry> order = Comparator.comparing((Entry e) -> e.task().nextRunTime())
			.thenComparing((e) -> e.task().id());
		TreeSet<Entry> reference = new TreeSet<>(order);
		List<Entry> present = new ArrayList<>();
		for (int i = 0; i < 20_000; i++) {
			int op = random.nextInt(3);
			if (op < 2 || present.isEmpty()) {
				Entry entry = entry("t" + i, random.nextInt(5_000));
				heap.push(entry);
				reference.add(entry);
				present.add(entry);
			}
			else {
				Entry victim = present.remove(random.nextInt(present.size()));
				heap.remove(victim);
				reference.remove(victim);
			}
			assertThat(heap.size()).isEqualTo(reference.size());
			if (!reference.isEmpty()) {
				assertThat(heap.peek().task().nextRunTime()).isEqualTo(reference.first().task().nextRunTime());
			}
		}
	}

	@Test
	void runTimesAMicrosecondApartComeInOrder() {
		DeadlineHeap heap = new DeadlineHeap();
		heap.push(entryAt("later", BASE.plusNanos(1_000)));
		heap.push(entryAt("earlier", BASE));
		assertThat(heap.peek().id()).isEqualTo("earlier");
	}

	@Test
	void runTimesBeyondWhatALongOfMicrosecondsHoldsComeInOrder() {
		// About 292,000 years from 1970 either way: the heap's long of microseconds
		// saturates there, and the instants themselves decide.
		Instant farFuture = Instant.ofEpochSecond(Long.MAX_VALUE / 1_000_000 + 1_000);
		Instant farPast = Instant.ofEpochSecond(-Long.MAX_VALUE / 1_000_000 - 1_000);
		DeadlineHeap heap = new DeadlineHeap();
		Entry last = entryAt("last", Instant.MAX);
		Entry future = entryAt("future", farFuture);
		Entry soon = entryAt("soon", BASE);
		Entry past = entryAt("past", farPast);
		Entry first = entryAt("first", Instant.MIN);
		for (Entry entry : List.of(future, last, soon, first, past)) {
			heap.push(entry);
		}
		List<String> order = new ArrayList<>();
		while (heap.peek() != null) {
			Entry next = heap.peek();
			order.add(next.id());
			heap.remove(next);
		}
		assertThat(order).containsExactly("first", "past", "soon", "future", "last");
	}

	private static Entry entry(String id, long seconds) {
		return entryAt(id, BASE.plusSeconds(seconds));
	}

	private static Entry entryAt(String id, Instant at) {
		return new Entry(Task.builder().id(id).function("f").trigger(Triggers.at(BASE)).nextRunTime(at).build());
	}

}
