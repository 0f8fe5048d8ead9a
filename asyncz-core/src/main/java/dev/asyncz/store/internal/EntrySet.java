package dev.asyncz.store.internal;

import java.util.Arrays;
import java.util.function.Consumer;

import dev.asyncz.store.internal.DeadlineHeap.Entry;

/**
 * The entries kept outside the heap (claimed, paused and failed tasks), in an array whose
 * entries know their own position: adding and removing cost O(1) with no node per entry
 * and no hashing. Claiming a due task adds its entry and ending the claim removes it, so
 * at a burst of runs a hash set's node and identity hash per run were a good part of the
 * memory store's work. An entry is in at most one such set. Not thread-safe: the memory
 * store guards it.
 */
public final class EntrySet {

	private static final Entry[] EMPTY = new Entry[0];

	private Entry[] entries = EMPTY;

	private int size;

	/**
	 * Adds an entry unless it is in already.
	 * @param entry the entry
	 */
	public void add(Entry entry) {
		if (entry.setIndex() >= 0) {
			return;
		}
		if (this.size == this.entries.length) {
			this.entries = Arrays.copyOf(this.entries, Math.max(16, this.size + (this.size >> 1)));
		}
		this.entries[this.size] = entry;
		entry.setIndex(this.size);
		this.size++;
	}

	/**
	 * Removes an entry if it is in: the last entry takes its place.
	 * @param entry the entry
	 */
	public void remove(Entry entry) {
		int index = entry.setIndex();
		if (index < 0 || index >= this.size || this.entries[index] != entry) {
			return;
		}
		this.size--;
		Entry last = this.entries[this.size];
		this.entries[this.size] = null;
		entry.setIndex(Entry.NOT_IN_SET);
		if (index != this.size) {
			this.entries[index] = last;
			last.setIndex(index);
		}
		if (this.entries.length > 64 && this.size < this.entries.length / 4) {
			this.entries = Arrays.copyOf(this.entries, this.entries.length / 2);
		}
	}

	/**
	 * Empties the set.
	 */
	public void clear() {
		for (int i = 0; i < this.size; i++) {
			this.entries[i].setIndex(Entry.NOT_IN_SET);
		}
		this.entries = EMPTY;
		this.size = 0;
	}

	/**
	 * Tells each entry to {@code action}, in no particular order; the action must not
	 * change the set.
	 * @param action the action
	 */
	public void forEach(Consumer<Entry> action) {
		for (int i = 0; i < this.size; i++) {
			action.accept(this.entries[i]);
		}
	}

	/**
	 * Whether an entry is in the set.
	 * @param entry the entry
	 * @return whether it is in
	 */
	public boolean contains(Entry entry) {
		int index = entry.setIndex();
		return index >= 0 && index < this.size && this.entries[index] == entry;
	}

	/**
	 * A copy of the entries, in no particular order.
	 * @return the entries
	 */
	public Entry[] toArray() {
		return Arrays.copyOf(this.entries, this.size);
	}

	/**
	 * How many entries are in the set.
	 * @return the size
	 */
	public int size() {
		return this.size;
	}

}
