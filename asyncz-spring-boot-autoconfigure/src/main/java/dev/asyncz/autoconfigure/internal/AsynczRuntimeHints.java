package dev.asyncz.autoconfigure.internal;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * What a native image needs of the stores, which read class path resources by name: the
 * jdbc store's schema scripts (one per database) and the redis store's Lua scripts.
 * Annotated task methods have their own hints (see the annotations), and stored tasks,
 * triggers and failures are written and read as JSON trees, never bound by reflection.
 */
public final class AsynczRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern("dev/asyncz/store/jdbc/schema-*.sql");
		hints.resources().registerPattern("dev/asyncz/store/redis/internal/*.lua");
	}

}
