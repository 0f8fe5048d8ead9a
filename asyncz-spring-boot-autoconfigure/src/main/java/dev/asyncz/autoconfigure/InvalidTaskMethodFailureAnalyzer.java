package dev.asyncz.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link InvalidTaskMethodException}: the bean, method and attribute, and
 * what to write instead.
 */
class InvalidTaskMethodFailureAnalyzer extends AbstractFailureAnalyzer<InvalidTaskMethodException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidTaskMethodException cause) {
		return new FailureAnalysis("An annotated asyncz task could not be set up. " + cause.getMessage() + ".",
				cause.getAction(), cause);
	}

}
