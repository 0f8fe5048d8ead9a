package dev.asyncz.store.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.Predicate;

import dev.asyncz.task.Task;
import dev.asyncz.trigger.Trigger;
import org.jspecify.annotations.Nullable;

/**
 * A binary min-heap of tasks by next run time whose entries know their own position, so
 * that removing or rescheduling any task costs O(log n) instead of a linear search. The
 * next run times are kept beside the entries, position for position, as microseconds in a
 * {@code long[]}: sifting compares numbers read from one array, and a search can rank all
 * waiting tasks by time without following a reference to any of them (a cache miss apiece
 * over millions). Not thread-safe: the memory store guards it.
 */
public final class DeadlineHeap {

	private static final Entry[] EMPTY = new Entry[0];

	private static final long[] NO_DUES = new long[0];

	private Entry[] entries = EMPTY;

	/** The next run time of the entry at each position, in microseconds. */
	private long[] dues = NO_DUES;

	private int size;

	/**
	 * Adds an entry whose task has a next run time.
	 * @param entry an entry not in the heap
	 */
	public void push(Entry entry) {
		Objects.requireNonNull(entry.nextRunTime, "a heap entry needs a next run time");
		if (this.size == this.entries.length) {
			int length = ArrayLengths.atLeast(this.size + 1);
			this.entries = Arrays.copyOf(this.entries, length);
			this.dues = Arrays.copyOf(this.dues, length);
		}
		place(entry, Entry.micros(entry.nextRunTime), this.size);
		this.size++;
		siftUp(this.size - 1);
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
		long lastDue = this.dues[this.size];
		this.entries[this.size] = null;
		entry.heapIndex = Entry.OUT_OF_HEAP;
		if (index != this.size) {
			place(last, lastDue, index);
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
		this.dues = NO_DUES;
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
	 * The entries in the heap now and their next run times in microseconds, position for
	 * position: a copy, in pages, which a search ranks while the heap goes on changing.
	 * @return the copy
	 */
	public Snapshot snapshot() {
		int pages = (this.size + RankedEntries.PAGE - 1) >>> RankedEntries.PAGE_BITS;
		Entry[][] entries = new Entry[pages][];
		long[][] dues = new long[pages][];
		for (int page = 0; page < pages; page++) {
			int from = page << RankedEntries.PAGE_BITS;
			int to = Math.min(this.size, from + RankedEntries.PAGE);
			entries[page] = Arrays.copyOfRange(this.entries, from, to);
			dues[page] = Arrays.copyOfRange(this.dues, from, to);
		}
		return new Snapshot(entries, dues, this.size);
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
		PriorityQueue<Entry> frontier = new PriorityQueue<>(64, this::compareInHeap);
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
			int length = ArrayLengths.halved(this.entries.length);
			this.entries = Arrays.copyOf(this.entries, length);
			this.dues = Arrays.copyOf(this.dues, length);
		}
	}

	private void siftUp(int index) {
		Entry entry = this.entries[index];
		long due = this.dues[index];
		while (index > 0) {
			int parent = (index - 1) >>> 1;
			long above = this.dues[parent];
			if (!before(due, entry, above, this.entries[parent])) {
				break;
			}
			place(this.entries[parent], above, index);
			index = parent;
		}
		place(entry, due, index);
	}

	private void siftDown(int index) {
		Entry entry = this.entries[index];
		long due = this.dues[index];
		int half = this.size >>> 1;
		while (index < half) {
			int child = 2 * index + 1;
			int right = child + 1;
			if (right < this.size
					&& before(this.dues[right], this.entries[right], this.dues[child], this.entries[child])) {
				child = right;
			}
			long below = this.dues[child];
			if (!before(below, this.entries[child], due, entry)) {
				break;
			}
			place(this.entries[child], below, index);
			index = child;
		}
		place(entry, due, index);
	}

	private void place(Entry entry, long due, int index) {
		this.entries[index] = entry;
		this.dues[index] = due;
		entry.heapIndex = index;
	}

	private int compareInHeap(Entry a, Entry b) {
		long dueA = this.dues[a.heapIndex];
		long dueB = this.dues[b.heapIndex];
		return before(dueA, a, dueB, b) ? -1 : (before(dueB, b, dueA, a) ? 1 : 0);
	}

	/**
	 * Whether the entry due at {@code dueA} comes before the one due at {@code dueB}: the
	 * entries are read only to break a tie between times beyond what a long of
	 * microseconds holds.
	 */
	static boolean before(long dueA, Entry a, long dueB, Entry b) {
		if (dueA != dueB) {
			return dueA < dueB;
		}
		// Equal microseconds are equal run times (they are kept to the microsecond),
		// unless both lie beyond what a long of microseconds holds.
		return (dueA == Long.MAX_VALUE || dueA == Long.MIN_VALUE) && a.nextRunTime.isBefore(b.nextRunTime);
	}

	/**
	 * The entries of the heap at one moment and their next run times in microseconds
	 * ({@link Entry#micros}), position for position, in pages of
	 * {@link RankedEntries#PAGE} (see there why).
	 *
	 * @param entries the entries
	 * @param dues their next run times
	 * @param size how many entries
	 */
	public record Snapshot(Entry[][] entries, long[][] dues, int size) {

	}

	/**
	 * One task in the memory store: its id (the {@link IdIndex} keeps its hash), its
	 * place in the heap, its next run time (which the heap keeps beside it as a number,
	 * to compare without going through the entry), and the task itself in one of two
	 * forms. While it waits, the task is kept as its trigger and next run time plus a
	 * {@link TaskShape} of everything else, which tasks alike share ({@link TaskShapes}),
	 * and the {@link Task} value is made again when asked for: a million waiting tasks
	 * then cost a million of these entries instead of a million entries and a million
	 * tasks. While claimed, it keeps the very task it handed out, since ending a claim
	 * checks that it is the same task. Whether the task is claimed is folded into the
	 * heap position, which a claimed task does not have.
	 */
	public static final class Entry {

		private static final int OUT_OF_HEAP = -1;

		static final int NOT_IN_SET = -1;

		/**
		 * The most seconds whose microseconds, and the nanoseconds' part, fit in a long.
		 */
		private static final long MAX_SECONDS = Long.MAX_VALUE / 1_000_000 - 1;

		final String id;

		/**
		 * The place in the heap (0 or more) or, below 0, where the entry is outside it:
		 * {@code -1 - ((setIndex + 1) << 1 | claimed)}, its position in the
		 * {@link EntrySet} of entries outside the heap and whether its task is claimed.
		 * One int for both, so that the entry takes 32 bytes. {@link #OUT_OF_HEAP} is
		 * neither in a set nor claimed.
		 */
		int heapIndex = OUT_OF_HEAP;

		/** A {@link Task}, or the {@link TaskShape} of one. */
		private Object body;

		/** The trigger while {@code body} is a shape. */
		private @Nullable Trigger trigger;

		@Nullable Instant nextRunTime;

		/**
		 * An entry that keeps the task as it is.
		 * @param task the task
		 */
		public Entry(Task task) {
			this(task, null);
		}

		/**
		 * An entry that keeps the task in a shape shared with tasks alike.
		 * @param task the task
		 * @param shapes where shared shapes come from, or {@code null} to keep the task
		 * as it is
		 */
		public Entry(Task task, @Nullable TaskShapes shapes) {
			this.id = task.id();
			this.body = task;
			task(task, shapes);
		}

		public String id() {
			return this.id;
		}

		/**
		 * The task: the one handed out while claimed, otherwise an equal value made from
		 * the shape.
		 * @return the task
		 */
		public Task task() {
			if (this.body instanceof TaskShape shape) {
				return shape.task(this.id, Objects.requireNonNull(this.trigger), this.nextRunTime);
			}
			return (Task) this.body;
		}

		/**
		 * The task's function name, without making the task.
		 * @return the function name
		 */
		public String function() {
			return (this.body instanceof TaskShape shape) ? shape.function() : ((Task) this.body).function();
		}

		/**
		 * The task's name, without making the task.
		 * @return the name
		 */
		public String name() {
			if (this.body instanceof TaskShape shape) {
				return (shape.name() != null) ? shape.name() : this.id;
			}
			return ((Task) this.body).name();
		}

		/**
		 * The {@link NameBigrams} of the task's name, without reading the name.
		 * @return the summary, {@link NameBigrams#UNKNOWN} when it is not kept
		 */
		public long nameBigrams() {
			return (this.body instanceof TaskShape shape) ? shape.nameBigrams() : NameBigrams.UNKNOWN;
		}

		/**
		 * Whether the task failed for good ({@link Task#failed()}), without making the
		 * task.
		 * @return whether it failed
		 */
		public boolean failed() {
			if (this.body instanceof TaskShape shape) {
				return this.nextRunTime == null && shape.failure() != null;
			}
			return ((Task) this.body).failed();
		}

		/**
		 * The next run time, without making the task.
		 * @return the task's next run time
		 */
		public @Nullable Instant nextRunTime() {
			return this.nextRunTime;
		}

		/**
		 * Replaces the task value; the id must stay the same (the caller checks it, since
		 * the entry may have to leave the heap first).
		 * @param task the new value
		 * @param shapes where shared shapes come from, or {@code null} to keep the task
		 * as it is
		 */
		public void task(Task task, @Nullable TaskShapes shapes) {
			this.nextRunTime = task.nextRunTime();
			if (shapes != null && !claimed()) {
				this.body = shapes.shapeOf(task);
				this.trigger = task.trigger();
			}
			else {
				this.body = task;
				this.trigger = null;
			}
		}

		public boolean inHeap() {
			return this.heapIndex >= 0;
		}

		public boolean claimed() {
			return this.heapIndex < 0 && ((-1 - this.heapIndex) & 1) == 1;
		}

		/**
		 * The entry's position in the {@link EntrySet} it is in.
		 * @return the position, or {@link #NOT_IN_SET}
		 */
		int setIndex() {
			return (this.heapIndex >= 0) ? NOT_IN_SET : ((-1 - this.heapIndex) >> 1) - 1;
		}

		/**
		 * Records the entry's position in an {@link EntrySet}: only an entry outside the
		 * heap is in one.
		 * @param index the position, or {@link #NOT_IN_SET}
		 */
		void setIndex(int index) {
			if (inHeap()) {
				throw new IllegalStateException("An entry in the heap is in no set");
			}
			outside(index, claimed());
		}

		private void outside(int setIndex, boolean claimed) {
			this.heapIndex = -1 - (((setIndex + 1) << 1) | (claimed ? 1 : 0));
		}

		/**
		 * Claims the entry's task: from now on the entry keeps the very value returned.
		 * Only an entry outside the heap can be claimed.
		 * @return the claimed task
		 */
		public Task claim() {
			if (inHeap()) {
				throw new IllegalStateException("A task in the heap cannot be claimed");
			}
			Task task = task();
			this.body = task;
			this.trigger = null;
			outside(setIndex(), true);
			return task;
		}

		/**
		 * Ends a claim, if there is one, before the entry gets its next value.
		 */
		public void unclaim() {
			if (claimed()) {
				outside(setIndex(), false);
			}
		}

		/**
		 * A time in microseconds since the epoch, held to the nearest long beyond the
		 * ±292,000 years a long holds: what the heap compares.
		 * @param time the time
		 * @return the microseconds
		 */
		static long micros(Instant time) {
			long seconds = time.getEpochSecond();
			if (seconds > MAX_SECONDS) {
				return Long.MAX_VALUE;
			}
			if (seconds < -MAX_SECONDS) {
				return Long.MIN_VALUE;
			}
			return seconds * 1_000_000 + time.getNano() / 1_000;
		}

	}

}
