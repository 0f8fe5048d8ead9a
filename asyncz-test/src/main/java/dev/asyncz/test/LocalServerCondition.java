package dev.asyncz.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Decides {@link RequiresLocalServer}: run, skip loudly, or (under {@code CI=true}) fail.
 */
final class LocalServerCondition implements ExecutionCondition {

	private static final Map<LocalServer, Boolean> REACHABLE = new ConcurrentHashMap<>();

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		Optional<RequiresLocalServer> annotation = context.getElement()
			.flatMap((element) -> AnnotationSupport.findAnnotation(element, RequiresLocalServer.class));
		if (annotation.isEmpty()) {
			return ConditionEvaluationResult.enabled("no local server needed");
		}
		List<String> missing = new ArrayList<>();
		for (LocalServer server : annotation.get().value()) {
			if (!REACHABLE.computeIfAbsent(server, LocalServer::reachable)) {
				missing.add(server.displayName() + " on 127.0.0.1:" + server.port());
			}
		}
		if (missing.isEmpty()) {
			return ConditionEvaluationResult.enabled("local servers reachable");
		}
		String message = "Cannot reach " + String.join(", ", missing) + " needed by " + context.getDisplayName();
		return MissingPrerequisite.skipOrFail(message, "real-server tests must run, not skip",
				"Start it (see the README)");
	}

}
