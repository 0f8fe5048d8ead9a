package dev.asyncz.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Decides {@link RequiresChromium}: run, skip loudly, or (under {@code CI=true}) fail.
 */
final class ChromiumCondition implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		List<String> missing = new ArrayList<>();
		for (Path binary : List.of(HeadlessChromium.CHROMIUM, HeadlessChromium.CHROMEDRIVER)) {
			if (!Files.isExecutable(binary)) {
				missing.add(binary.toString());
			}
		}
		if (missing.isEmpty()) {
			return ConditionEvaluationResult.enabled("Chromium and its driver are installed");
		}
		String message = "Cannot find " + String.join(", ", missing) + " needed by " + context.getDisplayName();
		return MissingPrerequisite.skipOrFail(message, "browser tests must run, not skip",
				"Install chromium and chromium-driver (see the README)");
	}

}
