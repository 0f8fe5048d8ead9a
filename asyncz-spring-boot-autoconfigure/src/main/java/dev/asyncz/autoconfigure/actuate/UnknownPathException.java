package dev.asyncz.autoconfigure.actuate;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;

/**
 * A request for a path under {@code asyncz} that the endpoint does not have, such as
 * {@code asyncz/tasks/reminders} for {@code asyncz/stores/reminders}: the multi-segment
 * operations take every segment as a selector, so the literal ones are checked here. Over
 * HTTP it is a 404 naming the accepted paths.
 */
final class UnknownPathException extends InvalidEndpointRequestException {

	/** The paths the endpoint answers, for the message. */
	static final String ACCEPTED_PATHS = "asyncz, asyncz/{id}, asyncz/stores/{store}, "
			+ "asyncz/stores/{store}/quarantine and asyncz/stores/{store}/quarantine/{id}";

	private static final long serialVersionUID = 1L;

	private static final String STORES = "stores";

	private static final String QUARANTINE = "quarantine";

	private UnknownPathException(String path) {
		super("No such path 'asyncz/" + path + "'; the accepted paths are " + ACCEPTED_PATHS, "Unknown path");
	}

	/**
	 * Checks a {@code stores/{store}} path.
	 * @param stores the first segment
	 * @param store the store name
	 * @throws UnknownPathException if the first segment is not {@code stores}
	 */
	static void requireStorePath(String stores, String store) {
		if (!STORES.equals(stores)) {
			throw new UnknownPathException(stores + "/" + store);
		}
	}

	/**
	 * Checks a {@code stores/{store}/quarantine[/{id}]} path.
	 * @param stores the first segment
	 * @param store the store name
	 * @param quarantine the third segment
	 * @param id the fourth segment, if the path has one
	 * @throws UnknownPathException if the first segment is not {@code stores} or the
	 * third is not {@code quarantine}
	 */
	static void requireQuarantinePath(String stores, String store, String quarantine, @Nullable String id) {
		if (!STORES.equals(stores) || !QUARANTINE.equals(quarantine)) {
			throw new UnknownPathException(stores + "/" + store + "/" + quarantine + ((id != null) ? "/" + id : ""));
		}
	}

}
