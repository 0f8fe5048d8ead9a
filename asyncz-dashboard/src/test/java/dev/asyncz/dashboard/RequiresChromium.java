package dev.asyncz.dashboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a browser test only where headless Chromium and its driver are installed (Debian's
 * {@code chromium} and {@code chromium-driver}). Where they are missing the test is
 * skipped with a loud message, except under {@code CI=true}, where it fails: CI can never
 * pass without having driven the real browser. The same rule as the local-server guard of
 * {@code asyncz-test}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(RequiresChromium.Condition.class)
@interface RequiresChromium {

	/** The browser binary. */
	Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));

	/** The WebDriver server for it. */
	Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));

	/**
	 * Decides {@link RequiresChromium}: run, skip loudly, or (under {@code CI=true})
	 * fail.
	 */
	final class Condition implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			List<String> missing = new ArrayList<>();
			for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
				if (!Files.isExecutable(binary)) {
					missing.add(binary.toString());
				}
			}
			if (missing.isEmpty()) {
				return ConditionEvaluationResult.enabled("Chromium and its driver are installed");
			}
			String message = "Cannot find " + String.join(", ", missing) + " needed by " + context.getDisplayName();
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new ExtensionConfigurationException(message + " (CI=true: browser tests must run, not skip)");
			}
			System.err.println("\n*** SKIPPED: " + message
					+ ". Install chromium and chromium-driver (see the README) to run these tests. ***\n");
			return ConditionEvaluationResult.disabled(message);
		}

	}

}
