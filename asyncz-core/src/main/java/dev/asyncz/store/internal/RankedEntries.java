package dev.asyncz.store.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import dev.asyncz.store.internal.DeadlineHeap.Entry;
import org.jspecify.annotations.Nullable;

/**
 * The entries a search found, each with the next run time it had when found, ranked on
 * demand in listing order: by next run time, none last, then by id. A page of {@code k}
 * out of {@code n} found is picked without sorting them all (quickselect, {@code O(n)} on
 * average), so a page deep in a million matches costs about what the first one does. The
 * times are kept as microseconds ({@link #keyOf}), as the heap keeps them: ranking
 * compares numbers in memory read in order, and reads entries only to compare ids between
 * equal times. Only the caller's thread uses it.
 */
public final class RankedEntries {

	/** The key of "no next run time": after every time, ties broken by the times. */
	private static final long NONE = Long.MAX_VALUE;

	/** The bits of a key's distance from the smallest that choose its bucket. */
	private static final int BUCKET_BITS = 16;

	/**
	 * The bits of a position within a page. Records are kept in pages of {@value #PAGE}
	 * rather than in arrays of millions: an array of half a heap region or more is
	 * allocated among the old objects, and a search made now and then would fill the old
	 * generation with them and bring on long collections that stall the whole
	 * application; pages die young, at no cost.
	 */
	public static final int PAGE_BITS = 14;

	/** The records in a page. */
	public static final int PAGE = 1 << PAGE_BITS;

	private static final int IN_PAGE = PAGE - 1;

	private Entry[][] entries;

	private long[][] keys;

	private int size;

	/**
	 * Empty records.
	 */
	public RankedEntries() {
		this(new Entry[4][], new long[4][], 0);
	}

	private RankedEntries(Entry[][] entries, long[][] keys, int size) {
		this.entries = entries;
		this.keys = keys;
		this.size = size;
	}

	/**
	 * Every entry of a heap snapshot, ranked by the times the snapshot holds, without
	 * reading any entry: the snapshot's pages are taken over, not copied.
	 * @param snapshot the snapshot, not used afterwards
	 * @return the records
	 */
	public static RankedEntries of(DeadlineHeap.Snapshot snapshot) {
		return new RankedEntries(snapshot.entries(), snapshot.dues(), snapshot.size());
	}

	/**
	 * The records of several searches of parts of one set, together.
	 * @param parts the records of each part
	 * @return all of them
	 */
	public static RankedEntries concat(RankedEntries... parts) {
		if (parts.length == 1) {
			return parts[0];
		}
		RankedEntries all = new RankedEntries();
		for (RankedEntries part : parts) {
			for (int i = 0; i < part.size; i++) {
				all.add(part.entry(i), part.key(i));
			}
		}
		return all;
	}

	/**
	 * The key an entry is ranked by now: its next run time in microseconds, or one after
	 * every time when it has none.
	 * @param entry the entry
	 * @return the key
	 */
	public static long keyOf(Entry entry) {
		Instant time = entry.nextRunTime;
		return (time != null) ? Entry.micros(time) : NONE;
	}

	/**
	 * Records a found entry.
	 * @param entry the entry
	 * @param key the key it had when found ({@link #keyOf}, or the heap's number for it)
	 */
	public void add(Entry entry, long key) {
		int page = this.size >>> PAGE_BITS;
		if (page == this.entries.length) {
			this.entries = Arrays.copyOf(this.entries, page * 2);
			this.keys = Arrays.copyOf(this.keys, page * 2);
		}
		if (this.entries[page] == null) {
			this.entries[page] = new Entry[PAGE];
			this.keys[page] = new long[PAGE];
		}
		this.entries[page][this.size & IN_PAGE] = entry;
		this.keys[page][this.size & IN_PAGE] = key;
		this.size++;
	}

	private Entry entry(int i) {
		return this.entries[i >>> PAGE_BITS][i & IN_PAGE];
	}

	private long key(int i) {
		return this.keys[i >>> PAGE_BITS][i & IN_PAGE];
	}

	/**
	 * How many entries were recorded.
	 * @return the count
	 */
	public int size() {
		return this.size;
	}

	/**
	 * The entries ranked {@code from} to {@code from + count - 1}, in order. The keys
	 * bounding those ranks are found from a histogram of the keys (two passes in order
	 * over them), one more pass gathers the entries between those keys, and only those
	 * are ordered, ids read for them alone. The records are left as they are, so it may
	 * be asked again for other ranks.
	 * @param from the first rank, from 0
	 * @param count how many at most
	 * @return the entries with the keys recorded for them
	 */
	public List<Ranked> ranks(long from, int count) {
		if (from >= this.size || count <= 0) {
			return List.of();
		}
		int start = (int) from;
		int end = (int) Math.min(this.size, from + count);
		long min = Long.MAX_VALUE;
		long max = Long.MIN_VALUE;
		for (int page = 0; page << PAGE_BITS < this.size; page++) {
			long[] keys = this.keys[page];
			for (int k = 0, n = inPage(page); k < n; k++) {
				min = Math.min(min, keys[k]);
				max = Math.max(max, keys[k]);
			}
		}
		long first = keyRanked(start, min, max);
		long last = keyRanked(end - 1, min, max);
		int before = 0;
		List<Integer> between = new ArrayList<>(end - start + 64);
		for (int page = 0; page << PAGE_BITS < this.size; page++) {
			long[] keys = this.keys[page];
			for (int k = 0, n = inPage(page); k < n; k++) {
				long key = keys[k];
				if (key < first) {
					before++;
				}
				else if (key <= last) {
					between.add((page << PAGE_BITS) + k);
				}
			}
		}
		int skip = start - before;
		int wanted = end - start;
		if (between.size() > 4 * wanted + 1024) {
			// Many entries share the bounding times: the page is picked among them
			// rather than all of them sorted.
			selectIndex(between, 0, between.size() - 1, skip);
			selectIndex(between, skip, between.size() - 1, skip + wanted - 1);
			between = new ArrayList<>(between.subList(skip, skip + wanted));
			skip = 0;
		}
		between.sort(this::compare);
		List<Ranked> ranked = new ArrayList<>(wanted);
		for (int j = skip; j < skip + wanted && j < between.size(); j++) {
			int i = between.get(j);
			ranked.add(new Ranked(entry(i), key(i)));
		}
		return ranked;
	}

	/**
	 * The key ranked {@code rank} among all: the histogram names the bucket of keys it
	 * lies in, and a selection among that bucket's keys alone finds it.
	 */
	private long keyRanked(int rank, long min, long max) {
		if (min == max) {
			return min;
		}
		// Differences from the smallest key, read as unsigned: every pair of longs has
		// one that fits.
		long spread = max - min;
		int shift = Math.max(0, 64 - Long.numberOfLeadingZeros(spread) - BUCKET_BITS);
		int[] counts = new int[(int) (spread >>> shift) + 1];
		for (int page = 0; page << PAGE_BITS < this.size; page++) {
			long[] keys = this.keys[page];
			for (int k = 0, n = inPage(page); k < n; k++) {
				counts[(int) ((keys[k] - min) >>> shift)]++;
			}
		}
		int bucket = 0;
		int below = 0;
		while (below + counts[bucket] <= rank) {
			below += counts[bucket++];
		}
		long[] inBucket = new long[counts[bucket]];
		int found = 0;
		for (int page = 0; page << PAGE_BITS < this.size; page++) {
			long[] keys = this.keys[page];
			for (int k = 0, n = inPage(page); k < n; k++) {
				if ((int) ((keys[k] - min) >>> shift) == bucket) {
					inBucket[found++] = keys[k];
				}
			}
		}
		return select(inBucket, 0, inBucket.length - 1, rank - below);
	}

	/** How many records the page holds. */
	private int inPage(int page) {
		return Math.min(PAGE, this.size - (page << PAGE_BITS));
	}

	/**
	 * The key ranked {@code k} in {@code keys[lo, hi]}, rearranging that range (three-way
	 * partitions: many equal keys cost no more than distinct ones).
	 */
	private static long select(long[] keys, int lo, int hi, int k) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		while (lo < hi) {
			// A random pivot: no order of the keys (sorted, reversed) makes it quadratic.
			long pivot = keys[lo + random.nextInt(hi - lo + 1)];
			int less = lo;
			int i = lo;
			int greater = hi;
			while (i <= greater) {
				long key = keys[i];
				if (key < pivot) {
					keys[i++] = keys[less];
					keys[less++] = key;
				}
				else if (key > pivot) {
					keys[i] = keys[greater];
					keys[greater--] = key;
				}
				else {
					i++;
				}
			}
			if (k < less) {
				hi = less - 1;
			}
			else if (k > greater) {
				lo = greater + 1;
			}
			else {
				return pivot;
			}
		}
		return keys[k];
	}

	/**
	 * Rearranges {@code indexes[lo, hi]} so that the one ranked {@code k} in listing
	 * order sits at {@code k}, those before it at lower positions and those after at
	 * higher. Listing order has no ties (ids differ), so two-way partitions do.
	 */
	private void selectIndex(List<Integer> indexes, int lo, int hi, int k) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		while (lo < hi) {
			Collections.swap(indexes, lo + random.nextInt(hi - lo + 1), hi);
			int pivot = indexes.get(hi);
			int store = lo;
			for (int i = lo; i < hi; i++) {
				if (compare(indexes.get(i), pivot) < 0) {
					Collections.swap(indexes, i, store++);
				}
			}
			Collections.swap(indexes, store, hi);
			if (store == k) {
				return;
			}
			if (store < k) {
				lo = store + 1;
			}
			else {
				hi = store - 1;
			}
		}
	}

	private int compare(int i, int j) {
		long a = key(i);
		long b = key(j);
		if (a != b) {
			return (a < b) ? -1 : 1;
		}
		// Equal microseconds are equal times, but for times beyond what a long of
		// microseconds holds, and for "none" beside such a time.
		if (a == Long.MAX_VALUE || a == Long.MIN_VALUE) {
			int byTime = compareTimes(entry(i).nextRunTime, entry(j).nextRunTime);
			if (byTime != 0) {
				return byTime;
			}
		}
		return entry(i).id.compareTo(entry(j).id);
	}

	private static int compareTimes(@Nullable Instant a, @Nullable Instant b) {
		if (a == null || b == null) {
			return (a == null) ? ((b == null) ? 0 : 1) : -1;
		}
		return a.compareTo(b);
	}

	/**
	 * One ranked entry.
	 *
	 * @param entry the entry
	 * @param key the key it had when found ({@link #keyOf})
	 */
	public record Ranked(Entry entry, long key) {

	}

}
