package dev.asyncz.store.redis.internal;

/**
 * What the store keeps about a claim, as the scripts write it:
 * {@code version:runScore:owner}.
 *
 * @param version the task's write counter when it was claimed
 * @param runScore the score of the run time it was claimed for
 * @param owner the instance id holding the claim
 */
public record ClaimInfo(long version, double runScore, String owner) {

	/**
	 * Reads a claim info value.
	 * @param value the stored value
	 * @return the claim info
	 * @throws IllegalArgumentException if the value is not in the scripts' format
	 */
	public static ClaimInfo parse(String value) {
		int first = value.indexOf(':');
		int second = value.indexOf(':', first + 1);
		if (first < 0 || second < 0) {
			throw new IllegalArgumentException("Claim info '" + value + "' is not version:runScore:owner");
		}
		return new ClaimInfo(Long.parseLong(value.substring(0, first)),
				Double.parseDouble(value.substring(first + 1, second)), value.substring(second + 1));
	}

}
