package dev.asyncz.test;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * What the test conditions do when something a test needs is missing: skip the test with
 * a loud message, except under {@code CI=true}, where the test fails, so CI can never
 * pass without having run it.
 */
final class MissingPrerequisite {

	private MissingPrerequisite() {
	}

	/**
	 * Skips loudly, or fails under {@code CI=true}.
	 * @param message what is missing and which test needs it
	 * @param ciRule why CI may not skip, such as "real-server tests must run, not skip"
	 * @param remedy what to do to run the test, such as "Start it (see the README)"
	 * @return the result that skips the test
	 * @throws ExtensionConfigurationException under {@code CI=true}
	 */
	static ConditionEvaluationResult skipOrFail(String message, String ciRule, String remedy) {
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new ExtensionConfigurationException(message + " (CI=true: " + ciRule + ")");
		}
		System.err.println("\n*** SKIPPED: " + message + ". " + remedy + " to run these tests. ***\n");
		return ConditionEvaluationResult.disabled(message);
	}

}
