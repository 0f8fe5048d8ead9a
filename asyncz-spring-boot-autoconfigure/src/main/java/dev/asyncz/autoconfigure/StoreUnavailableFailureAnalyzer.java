package dev.asyncz.autoconfigure;

import dev.asyncz.store.StoreException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link StoreException} that stopped the application from starting, such as a
 * store whose server cannot be reached when the scheduler starts: the store's message
 * already names the store and where it connects.
 */
class StoreUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<StoreException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, StoreException cause) {
		return new FailureAnalysis(
				"An asyncz store could not be used while the application started. " + cause.getMessage(),
				"Check that the store's server is running and reachable from this application at that address, and "
						+ "that the store's connection settings are right: asyncz.stores.<name>.*, or the "
						+ "application's own connection it uses (such as spring.datasource.* or spring.data.redis.*).",
				cause);
	}

}
