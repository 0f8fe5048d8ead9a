package dev.asyncz.store.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.Predicate;

import dev.asyncz.task.Task;
import org.jspecify.annotations.Nullable;

/**
 * A binary min-heap of tasks by next run time whose entries know their own position, so
 * that removing or rescheduling any task costs O(log n) instead of a linear search. Not
 * thread-safe: the memory store guards it.
 */
public final class DeadlineHeap {

	private static final Entry[] EMPTY = new Entry[0];

	private Entry[] entries = EMPTY;

	private int size;

	/**
	 * Adds an entry whose task has a next run time.
	 * @param entry an entry not in the heap
	 */
	public void push(Entry entry) {
		Objects.requireNonNull(entry.task.nextRunTime(), "a heap entry needs a next run time");
		if (this.size == this.entries.length) {
			this.entries = Arrays.copyOf(this.entries, Math.max(16, this.size + (this.size >> 1)));
		}
		this.entries[this.size] = entry;
		entry.heapIndex = this.size;
		this.size++;
		siftUp(entry.heapIndex);
	}

	/**
	 * The entry with the earliest next run time.
	 * @return the entry, or {@code null} when empty
	 */
	public @Nullable Entry peek() {
		return (this.size > 0) ? this.entries[0] : null;
	}

	/**
	 * Removes an entry wherever it is.
	 * @param entry an entry in the heap
	 */
	public void remove(Entry entry) {
		int index = entry.heapIndex;
		if (index < 0 || index >= this.size || this.entries[index] != entry) {
			return;
		}
		this.size--;
		Entry last = this.entries[this.size];
		this.entries[this.size] = null;
		entry.heapIndex = Entry.OUT_OF_HEAP;
		if (index != this.size) {
			this.entries[index] = last;
			last.heapIndex = index;
			siftDown(index);
			if (last.heapIndex == index) {
				siftUp(index);
			}
		}
		shrinkIfSparse();
	}

	/**
	 * Empties the heap.
	 */
	public void clear() {
		this.entries = EMPTY;
		this.size = 0;
	}

	/**
	 * How many entries are in the heap.
	 * @return the size
	 */
	public int size() {
		return this.size;
	}

	/**
	 * Visits entries earliest first, changing nothing, until the visitor returns
	 * {@code false} or every entry was visited. Visiting {@code k} entries costs
	 * {@code O(k log k)} whatever the heap's size: only the children of visited entries
	 * are looked at. Entries with equal run times come in heap order.
	 * @param visitor told each entry, answers whether to go on
	 * @return whether every entry was visited
	 */
	public boolean visitInOrder(Predicate<Entry> visitor) {
		if (this.size == 0) {
			return true;
		}
		PriorityQueue<Entry> frontier = new PriorityQueue<>(64,
				(a, b) -> a.task.nextRunTime().compareTo(b.task.nextRunTime()));
		frontier.add(this.entries[0]);
		Entry next;
		while ((next = frontier.poll()) != null) {
			if (!visitor.test(next)) {
				return false;
			}
			int child = 2 * next.heapIndex + 1;
			if (child < this.size) {
				frontier.add(this.entries[child]);
			}
			if (child + 1 < this.size) {
				frontier.add(this.entries[child + 1]);
			}
		}
		return true;
	}

	private void shrinkIfSparse() {
		if (this.entries.length > 64 && this.size < this.entries.length / 4) {
			this.entries = Arrays.copyOf(this.entries, this.entries.length / 2);
		}
	}

	private void siftUp(int index) {
		Entry entry = this.entries[index];
		while (index > 0) {
			int parent = (index - 1) >>> 1;
			Entry above = this.entries[parent];
			if (!before(entry, above)) {
				break;
			}
			place(above, index);
			index = parent;
		}
		place(entry, index);
	}

	private void siftDown(int index) {
		Entry entry = this.entries[index];
		int half = this.size >>> 1;
		while (index < half) {
			int child = 2 * index + 1;
			int right = child + 1;
			if (right < this.size && before(this.entries[right], this.entries[child])) {
				child = right;
			}
			if (!before(this.entries[child], entry)) {
				break;
			}
			place(this.entries[child], index);
			index = child;
		}
		place(entry, index);
	}

	private void place(Entry entry, int index) {
		this.entries[index] = entry;
		entry.heapIndex = index;
	}

	private static boolean before(Entry a, Entry b) {
		Instant left = a.task.nextRunTime();
		Instant right = b.task.nextRunTime();
		return left.isBefore(right);
	}

	/**
	 * One task in the memory store: the task value, the hash of its id (for
	 * {@link IdIndex}) and its place in the heap. Kept at 24 bytes on purpose, since a
	 * million waiting tasks means a million of these: whether the task is claimed is
	 * folded into the heap position, which a claimed task does not have.
	 */
	public static final class Entry {

		private static final int OUT_OF_HEAP = -1;

		private static final int CLAIMED = -2;

		Task task;

		final int hash;

		int heapIndex = OUT_OF_HEAP;

		public Entry(Task task) {
			this.task = task;
			this.hash = IdIndex.hash(task.id());
		}

		public Task task() {
			return this.task;
		}

		/**
		 * Replaces the task value; the id must stay the same.
		 * @param task the new value
		 */
		public void task(Task task) {
			this.task = task;
		}

		public boolean inHeap() {
			return this.heapIndex >= 0;
		}

		public boolean claimed() {
			return this.heapIndex == CLAIMED;
		}

		/**
		 * Marks the entry claimed or not; only an entry outside the heap can be claimed.
		 * @param claimed whether the scheduler holds the task
		 */
		public void claimed(boolean claimed) {
			if (claimed) {
				if (inHeap()) {
					throw new IllegalStateException("A task in the heap cannot be claimed");
				}
				this.heapIndex = CLAIMED;
			}
			else if (this.heapIndex == CLAIMED) {
				this.heapIndex = OUT_OF_HEAP;
			}
		}

	}

}
