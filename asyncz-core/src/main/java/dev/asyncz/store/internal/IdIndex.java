package dev.asyncz.store.internal;

import java.util.function.Consumer;

import dev.asyncz.store.internal.DeadlineHeap.Entry;
import org.jspecify.annotations.Nullable;

/**
 * Heap entries by task id, in an open-addressing table with linear probing. A
 * {@code HashMap} would add a 32-byte node per task; this costs an array slot, which
 * matters with millions of waiting tasks. Each entry carries its id's hash (in what would
 * otherwise be padding), so a probe follows one reference and compares an int before it
 * ever compares strings. Not thread-safe: the memory store guards it.
 */
public final class IdIndex {

	private static final int MIN_CAPACITY = 16;

	private Entry[] table = new Entry[MIN_CAPACITY];

	private int size;

	/**
	 * The entry for an id.
	 * @param id the task id
	 * @return the entry or {@code null}
	 */
	public @Nullable Entry get(String id) {
		int slot = find(id);
		return (slot >= 0) ? this.table[slot] : null;
	}

	/**
	 * Adds an entry unless its id is already there, in one probe.
	 * @param entry the entry
	 * @return the entry already holding that id, or {@code null} if {@code entry} was
	 * added
	 */
	public @Nullable Entry addIfAbsent(Entry entry) {
		if ((this.size + 1) * 4L > this.table.length * 3L) {
			resize(this.table.length * 2);
		}
		String id = entry.id;
		int hash = entry.hash;
		Entry[] table = this.table;
		int mask = table.length - 1;
		int i = hash & mask;
		for (Entry existing = table[i]; existing != null; existing = table[i]) {
			if (existing.hash == hash && existing.id.equals(id)) {
				return existing;
			}
			i = (i + 1) & mask;
		}
		table[i] = entry;
		this.size++;
		return null;
	}

	/**
	 * Removes the entry for an id.
	 * @param id the task id
	 * @return the removed entry or {@code null}
	 */
	public @Nullable Entry remove(String id) {
		int slot = find(id);
		if (slot < 0) {
			return null;
		}
		Entry removed = this.table[slot];
		removeAt(slot);
		return removed;
	}

	/**
	 * Removes this very entry, if the index holds it: one probe comparing references, so
	 * no id is hashed or compared (what finishing a run costs, a million times a burst).
	 * @param entry the entry
	 * @return whether it was there
	 */
	public boolean remove(Entry entry) {
		Entry[] table = this.table;
		int mask = table.length - 1;
		for (int i = entry.hash & mask;; i = (i + 1) & mask) {
			Entry candidate = table[i];
			if (candidate == null) {
				return false;
			}
			if (candidate == entry) {
				removeAt(i);
				return true;
			}
		}
	}

	private void removeAt(int slot) {
		this.table[slot] = null;
		this.size--;
		closeGap(slot);
		if (this.table.length > MIN_CAPACITY && this.size * 8L < this.table.length) {
			resize(this.table.length / 2);
		}
	}

	/**
	 * Visits every entry.
	 * @param action what to do with each
	 */
	public void forEach(Consumer<Entry> action) {
		for (Entry entry : this.table) {
			if (entry != null) {
				action.accept(entry);
			}
		}
	}

	public int size() {
		return this.size;
	}

	public void clear() {
		this.table = new Entry[MIN_CAPACITY];
		this.size = 0;
	}

	/**
	 * The slot holding {@code id}, or -1.
	 */
	private int find(String id) {
		Entry[] table = this.table;
		int mask = table.length - 1;
		int hash = hash(id);
		for (int i = hash & mask;; i = (i + 1) & mask) {
			Entry entry = table[i];
			if (entry == null) {
				return -1;
			}
			if (entry.hash == hash && entry.id.equals(id)) {
				return i;
			}
		}
	}

	/**
	 * Moves later entries of the probe run back into the slot just emptied, so that
	 * lookups never stop early at a hole (deletion without tombstones).
	 */
	private void closeGap(int gap) {
		Entry[] table = this.table;
		int mask = table.length - 1;
		for (int j = (gap + 1) & mask; table[j] != null; j = (j + 1) & mask) {
			int home = table[j].hash & mask;
			boolean movable = (gap <= j) ? (home <= gap || home > j) : (home <= gap && home > j);
			if (movable) {
				table[gap] = table[j];
				table[j] = null;
				gap = j;
			}
		}
	}

	private void resize(int capacity) {
		Entry[] table = new Entry[Math.max(MIN_CAPACITY, capacity)];
		for (Entry entry : this.table) {
			if (entry != null) {
				insert(table, entry);
			}
		}
		this.table = table;
	}

	private static void insert(Entry[] table, Entry entry) {
		int mask = table.length - 1;
		int i = entry.hash & mask;
		while (table[i] != null) {
			i = (i + 1) & mask;
		}
		table[i] = entry;
	}

	static int hash(String id) {
		int h = id.hashCode() * 0x9E3779B9;
		return h ^ (h >>> 16);
	}

	@Override
	public String toString() {
		return "IdIndex[size=" + this.size + ", capacity=" + this.table.length + "]";
	}

}
