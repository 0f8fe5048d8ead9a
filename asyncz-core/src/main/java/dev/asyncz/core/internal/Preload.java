package dev.asyncz.core.internal;

import java.lang.invoke.MethodHandles;

/**
 * Loads and initializes classes ahead of their first use. The scheduler thread does it as
 * it starts for the classes every run goes through: loaded on demand instead, they would
 * delay the first run after a start by milliseconds (more on a busy machine).
 */
final class Preload {

	private Preload() {
	}

	/**
	 * Initializes classes, each visible to the lookup.
	 * @param lookup a lookup with access to every class
	 * @param classes the classes
	 */
	static void initialize(MethodHandles.Lookup lookup, Class<?>... classes) {
		for (Class<?> type : classes) {
			try {
				lookup.ensureInitialized(type);
			}
			catch (IllegalAccessException ex) {
				throw new IllegalStateException("Cannot preload " + type.getName(), ex);
			}
		}
	}

}
