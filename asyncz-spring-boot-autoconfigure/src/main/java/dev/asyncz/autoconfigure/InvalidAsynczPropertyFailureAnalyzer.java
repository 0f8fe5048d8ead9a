package dev.asyncz.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link InvalidAsynczPropertyException}: the property, its value, and what
 * to write instead.
 */
class InvalidAsynczPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidAsynczPropertyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidAsynczPropertyException cause) {
		return new FailureAnalysis("The asyncz scheduler could not be configured. " + cause.getMessage() + ".",
				cause.getAction(), cause);
	}

}
