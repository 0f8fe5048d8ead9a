package dev.asyncz.store.internal;

/**
 * A 64-bit summary of the pairs of neighbouring characters in a name, lowered as a name
 * search lowers it: one bit per pair, chosen by a hash. A name containing a text contains
 * every pair of the text, so a search skips a name whose summary lacks a bit of the
 * text's without reading the name: a rare name among a million is then found by reading
 * each task's shape, where the summary is kept, and only a few names. Bits shared by
 * other pairs only make a name read that did not need to be.
 */
public final class NameBigrams {

	/** The summary of a name whose pairs are not known: every search reads it. */
	public static final long UNKNOWN = -1L;

	private NameBigrams() {
	}

	/**
	 * The summary of a name. A name with a character beyond Latin-1 is {@link #UNKNOWN}:
	 * lowering such a character can change the name's length or make a Latin-1 letter.
	 * @param name the name
	 * @return its summary
	 */
	public static long ofName(String name) {
		long bits = 0;
		char previous = 0;
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c > 0xFF) {
				return UNKNOWN;
			}
			c = Character.toLowerCase(c);
			if (i > 0) {
				bits |= bit(previous, c);
			}
			previous = c;
		}
		return bits;
	}

	/**
	 * The summary of a lowered text a search looks for.
	 * @param lowerPart the text, lowered
	 * @return its summary; 0 for a single character, which every name may contain
	 */
	public static long ofPart(String lowerPart) {
		long bits = 0;
		for (int i = 1; i < lowerPart.length(); i++) {
			bits |= bit(lowerPart.charAt(i - 1), lowerPart.charAt(i));
		}
		return bits;
	}

	/**
	 * Whether a name may contain a text.
	 * @param name the name's summary
	 * @param part the text's summary
	 * @return false only when the name cannot contain the text
	 */
	public static boolean mayContain(long name, long part) {
		return (name & part) == part;
	}

	private static long bit(char first, char second) {
		int pair = (first << 16) | second;
		return 1L << ((pair * 0x9E3779B9) >>> 26);
	}

}
