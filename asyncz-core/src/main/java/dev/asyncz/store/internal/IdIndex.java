package dev.asyncz.store.internal;

import java.util.function.Consumer;

import dev.asyncz.store.internal.DeadlineHeap.Entry;
import org.jspecify.annotations.Nullable;

/**
 * Heap entries by task id, in an open-addressing table with linear probing. A
 * {@code HashMap} would add a 32-byte node per task; this costs an array slot, which
 * matters with millions of waiting tasks. Beside the slots of entries lies an array of
 * their ids' hashes, so that probing, growing and closing gaps read one int array from
 * start to end and follow no reference to an entry but for an id whose hash matches. It
 * costs what a hash field in each entry would, and the entry is smaller by it. Both
 * arrays have lengths that fill whole heap regions ({@link ArrayLengths}).
 *
 * <p>
 * Where an id goes keeps ids made in sequence together: the table is cut into blocks of
 * {@value #BLOCK} slots (64 bytes of each array), the block is chosen by a spread of the
 * id's hash without its last bits, and the slot within it by those bits. Ids that differ
 * only in their last character (task numbers) then share a block, or take neighbouring
 * ones, while other ids spread as with any hash. That matters beyond the cache: the table
 * is old and each new entry young, and G1 pays for every reference written into an old
 * array in a 512-byte card not dirtied yet; a million adds writing to random slots of a
 * table of millions cost several times what the rest of an add does (measured: about 300
 * ns a write against 20 to 70 ns).
 *
 * <p>
 * Not thread-safe: the memory store guards it.
 */
public final class IdIndex {

	/** The hash of an empty slot; no id's hash is kept as this ({@link #hash}). */
	private static final int EMPTY = 0;

	/** The bits of a hash that choose the slot within a block. */
	private static final int BLOCK_BITS = 4;

	/** The slots of a block. */
	private static final int BLOCK = 1 << BLOCK_BITS;

	/** The shortest table: one that holds a block. */
	private static final int MIN_LENGTH = ArrayLengths.atLeast(BLOCK);

	private Entry[] table = new Entry[MIN_LENGTH];

	/** The hash of the id in each slot of {@link #table}, or {@link #EMPTY}. */
	private int[] hashes = new int[MIN_LENGTH];

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
			resize(ArrayLengths.doubled(this.table.length));
		}
		String id = entry.id;
		int hash = hash(id);
		int[] hashes = this.hashes;
		int i = home(hash, hashes.length);
		for (int held = hashes[i]; held != EMPTY; held = hashes[i]) {
			if (held == hash && this.table[i].id.equals(id)) {
				return this.table[i];
			}
			i = next(i, hashes.length);
		}
		hashes[i] = hash;
		this.table[i] = entry;
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
	 * no id is compared (what finishing a run costs, a million times a burst).
	 * @param entry the entry
	 * @return whether it was there
	 */
	public boolean remove(Entry entry) {
		int[] hashes = this.hashes;
		int hash = hash(entry.id);
		for (int i = home(hash, hashes.length);; i = next(i, hashes.length)) {
			int held = hashes[i];
			if (held == EMPTY) {
				return false;
			}
			if (held == hash && this.table[i] == entry) {
				removeAt(i);
				return true;
			}
		}
	}

	private void removeAt(int slot) {
		this.table[slot] = null;
		this.hashes[slot] = EMPTY;
		this.size--;
		closeGap(slot);
		if (this.table.length > MIN_LENGTH && this.size * 8L < this.table.length) {
			resize(ArrayLengths.halved(this.table.length));
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

	/**
	 * Every entry, in the order of the slots, in pages of {@link RankedEntries#PAGE} (see
	 * there why): what a reader of all of them should walk. Ids made in sequence lie
	 * together there (see above), and so, mostly, do their entries and what those refer
	 * to in memory, as they were allocated one after the other.
	 * @return the entries, every page full but the last
	 */
	public Entry[][] toPages() {
		int pages = (this.size + RankedEntries.PAGE - 1) >>> RankedEntries.PAGE_BITS;
		Entry[][] all = new Entry[pages][];
		int count = 0;
		for (Entry entry : this.table) {
			if (entry != null) {
				int page = count >>> RankedEntries.PAGE_BITS;
				if (all[page] == null) {
					all[page] = new Entry[Math.min(RankedEntries.PAGE, this.size - count)];
				}
				all[page][count & (RankedEntries.PAGE - 1)] = entry;
				count++;
			}
		}
		return all;
	}

	public int size() {
		return this.size;
	}

	public void clear() {
		this.table = new Entry[MIN_LENGTH];
		this.hashes = new int[MIN_LENGTH];
		this.size = 0;
	}

	/**
	 * The slot holding {@code id}, or -1.
	 */
	private int find(String id) {
		int[] hashes = this.hashes;
		int hash = hash(id);
		for (int i = home(hash, hashes.length);; i = next(i, hashes.length)) {
			int held = hashes[i];
			if (held == EMPTY) {
				return -1;
			}
			if (held == hash && this.table[i].id.equals(id)) {
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
		int[] hashes = this.hashes;
		int length = hashes.length;
		for (int j = next(gap, length); hashes[j] != EMPTY; j = next(j, length)) {
			int home = home(hashes[j], length);
			boolean movable = (gap <= j) ? (home <= gap || home > j) : (home <= gap && home > j);
			if (movable) {
				table[gap] = table[j];
				hashes[gap] = hashes[j];
				table[j] = null;
				hashes[j] = EMPTY;
				gap = j;
			}
		}
	}

	private void resize(int length) {
		Entry[] table = new Entry[length];
		int[] hashes = new int[length];
		for (int slot = 0; slot < this.hashes.length; slot++) {
			int hash = this.hashes[slot];
			if (hash != EMPTY) {
				int i = home(hash, length);
				while (hashes[i] != EMPTY) {
					i = next(i, length);
				}
				hashes[i] = hash;
				table[i] = this.table[slot];
			}
		}
		this.table = table;
		this.hashes = hashes;
	}

	/**
	 * The slot where a probe for a hash starts: the block chosen by the hash without its
	 * last {@value #BLOCK_BITS} bits, spread (Fibonacci hashing) and scaled to the blocks
	 * the table holds, and within it the slot those bits say. Scaled, not masked, since
	 * the length is not a power of two; the slots after the last whole block are reached
	 * only by probing.
	 */
	private static int home(int hash, int length) {
		long spread = ((hash >>> BLOCK_BITS) * 0x9E3779B9) & 0xFFFFFFFFL;
		int block = (int) ((spread * (length >>> BLOCK_BITS)) >>> 32);
		return (block << BLOCK_BITS) | (hash & (BLOCK - 1));
	}

	/** The slot after {@code slot}, wrapping around. */
	private static int next(int slot, int length) {
		return (slot + 1 < length) ? slot + 1 : 0;
	}

	/**
	 * An id's hash as the index keeps it: {@link String#hashCode()} as it is (its last
	 * bits place ids made in sequence side by side, see {@link #home}), with the one
	 * value that marks an empty slot replaced.
	 * @param id the id
	 * @return the hash
	 */
	static int hash(String id) {
		int hash = id.hashCode();
		return (hash != EMPTY) ? hash : Integer.MIN_VALUE;
	}

	@Override
	public String toString() {
		return "IdIndex[size=" + this.size + ", capacity=" + this.table.length + "]";
	}

}
