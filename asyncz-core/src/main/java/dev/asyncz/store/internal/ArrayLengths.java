package dev.asyncz.store.internal;

/**
 * Lengths for the memory store's big arrays (millions of slots) that fill whole heap
 * regions. G1 gives an array of half a region or more regions of its own, whole ones: an
 * array of 2<sup>k</sup> slots is 16 bytes of header over a power of two and takes a
 * region more than it fills (4 MiB more in an 8 GiB heap, 4 bytes per task of a million).
 * A length of 2<sup>k</sup> - 4 slots of 4 bytes (an {@code int} or a compressed
 * reference) with its header is exactly a power of two; with 8-byte references it is 16
 * bytes less than one.
 */
final class ArrayLengths {

	/** The slots that the header of an array takes from a power of two. */
	private static final int HEADER_SLOTS = 4;

	/** The shortest length handed out. */
	static final int MIN = 16 - HEADER_SLOTS;

	private ArrayLengths() {
	}

	/**
	 * The shortest length of the form 2<sup>k</sup> - 4 that holds {@code slots}.
	 * @param slots how many slots are needed at least
	 * @return the length
	 */
	static int atLeast(int slots) {
		if (slots <= MIN) {
			return MIN;
		}
		if (slots > (1 << 30) - HEADER_SLOTS) {
			throw new IllegalStateException("The memory store cannot hold more than about a billion tasks");
		}
		return Integer.highestOneBit(slots + HEADER_SLOTS - 1) * 2 - HEADER_SLOTS;
	}

	/**
	 * The length after {@code length} when an array grows.
	 * @param length a length handed out by {@link #atLeast}
	 * @return about twice it
	 */
	static int doubled(int length) {
		return atLeast(length + 1);
	}

	/**
	 * The length before {@code length} when an array shrinks.
	 * @param length a length handed out by {@link #atLeast}
	 * @return about half of it, at least {@link #MIN}
	 */
	static int halved(int length) {
		return Math.max(MIN, (length + HEADER_SLOTS) / 2 - HEADER_SLOTS);
	}

}
