package dev.asyncz.store.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import dev.asyncz.store.internal.DeadlineHeap.Entry;
import org.jspecify.annotations.Nullable;

/**
 * The entries a search found, each with the next run time it had when found, ranked on
 * demand in listing order: by next run time, none last, then by id. A page of {@code k}
 * out of {@code n} found is picked without sorting them all (quickselect, {@code O(n)} on
 * average), so a page deep in a million matches costs about what the first one does. The
 * times are kept in primitive arrays, so ranking compares numbers in memory read in
 * order, and compares ids only between equal times. Only the caller's thread uses it.
 */
public final class RankedEntries {

	/** The seconds recorded for "no next run time": beyond any {@link Instant}. */
	private static final long NONE = Long.MAX_VALUE;

	private Entry[] entries = new Entry[64];

	private long[] seconds = new long[64];

	private int[] nanos = new int[64];

	private int size;

	/**
	 * Records a found entry.
	 * @param entry the entry
	 * @param nextRunTime its next run time as it was when found
	 */
	public void add(Entry entry, @Nullable Instant nextRunTime) {
		if (this.size == this.entries.length) {
			int capacity = this.size + (this.size >> 1);
			this.entries = Arrays.copyOf(this.entries, capacity);
			this.seconds = Arrays.copyOf(this.seconds, capacity);
			this.nanos = Arrays.copyOf(this.nanos, capacity);
		}
		this.entries[this.size] = entry;
		this.seconds[this.size] = (nextRunTime != null) ? nextRunTime.getEpochSecond() : NONE;
		this.nanos[this.size] = (nextRunTime != null) ? nextRunTime.getNano() : 0;
		this.size++;
	}

	/**
	 * How many entries were recorded.
	 * @return the count
	 */
	public int size() {
		return this.size;
	}

	/**
	 * The entries ranked {@code from} to {@code from + count - 1}, in order. Reorders the
	 * records (not the set), so it may be asked again for other ranks.
	 * @param from the first rank, from 0
	 * @param count how many at most
	 * @return the entries with the next run times recorded for them
	 */
	public List<Ranked> ranks(long from, int count) {
		if (from >= this.size || count <= 0) {
			return List.of();
		}
		int start = (int) from;
		int end = (int) Math.min(this.size, from + count);
		if (end < this.size) {
			select(0, this.size - 1, end);
		}
		if (start > 0) {
			select(0, end - 1, start);
		}
		sort(start, end);
		List<Ranked> ranked = new ArrayList<>(end - start);
		for (int i = start; i < end; i++) {
			Instant time = (this.seconds[i] != NONE) ? Instant.ofEpochSecond(this.seconds[i], this.nanos[i]) : null;
			ranked.add(new Ranked(this.entries[i], time));
		}
		return ranked;
	}

	/**
	 * Rearranges {@code [lo, hi]} so that the record ranked {@code k} within it sits at
	 * {@code k}, the ones before it at lower positions and the ones after at higher.
	 */
	private void select(int lo, int hi, int k) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		while (lo < hi) {
			// A random pivot: no order of the records (sorted, reversed, ties) makes it
			// quadratic.
			int pivot = partition(lo, hi, lo + random.nextInt(hi - lo + 1));
			if (pivot == k) {
				return;
			}
			if (pivot < k) {
				lo = pivot + 1;
			}
			else {
				hi = pivot - 1;
			}
		}
	}

	private int partition(int lo, int hi, int pivot) {
		swap(pivot, hi);
		int store = lo;
		for (int i = lo; i < hi; i++) {
			if (compare(i, hi) < 0) {
				swap(i, store++);
			}
		}
		swap(store, hi);
		return store;
	}

	/** Insertion sort: used only on a page, a few hundred records at most. */
	private void sort(int start, int end) {
		for (int i = start + 1; i < end; i++) {
			for (int j = i; j > start && compare(j, j - 1) < 0; j--) {
				swap(j, j - 1);
			}
		}
	}

	private int compare(int i, int j) {
		int bySeconds = Long.compare(this.seconds[i], this.seconds[j]);
		if (bySeconds != 0) {
			return bySeconds;
		}
		int byNanos = Integer.compare(this.nanos[i], this.nanos[j]);
		return (byNanos != 0) ? byNanos : this.entries[i].id.compareTo(this.entries[j].id);
	}

	private void swap(int i, int j) {
		Entry entry = this.entries[i];
		this.entries[i] = this.entries[j];
		this.entries[j] = entry;
		long second = this.seconds[i];
		this.seconds[i] = this.seconds[j];
		this.seconds[j] = second;
		int nano = this.nanos[i];
		this.nanos[i] = this.nanos[j];
		this.nanos[j] = nano;
	}

	/**
	 * One ranked entry.
	 *
	 * @param entry the entry
	 * @param nextRunTime its next run time when it was found
	 */
	public record Ranked(Entry entry, @Nullable Instant nextRunTime) {

	}

}
