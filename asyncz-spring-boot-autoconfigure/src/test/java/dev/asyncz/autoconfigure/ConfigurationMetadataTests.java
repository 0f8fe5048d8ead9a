package dev.asyncz.autoconfigure;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigurationMetadataTests {

	private final JsonNode metadata = read();

	private static JsonNode read() {
		try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			return JsonMapper.shared().readTree(in);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void everyPropertyHasADescription() {
		List<String> undescribed = new ArrayList<>();
		for (JsonNode property : this.metadata.get("properties")) {
			if (!property.hasNonNull("description") || property.get("description").asString().isBlank()) {
				undescribed.add(property.get("name").asString());
			}
		}
		assertThat(undescribed).isEmpty();
	}

	@Test
	void scalarPropertiesHaveTheirDefaults() {
		assertThat(defaultOf("asyncz.max-wait")).isEqualTo("1m");
		assertThat(defaultOf("asyncz.timezone")).isEqualTo("UTC");
		assertThat(defaultOf("asyncz.task-defaults.misfire-grace-time")).isEqualTo("1m");
		assertThat(defaultOf("asyncz.task-defaults.misfire-policy")).isEqualTo("run-if-within-grace");
		assertThat(defaultOf("asyncz.task-defaults.retry.max-attempts")).isEqualTo("3");
		assertThat(defaultOf("asyncz.task-defaults.retry.initial-delay")).isEqualTo("10s");
		assertThat(defaultOf("asyncz.task-defaults.retry.max-delay")).isEqualTo("10m");
		assertThat(defaultOf("asyncz.shutdown.await-termination-period")).isEqualTo("30s");
		assertThat(defaultOf("asyncz.stores.default.type")).isEqualTo("memory");
		assertThat(defaultOf("asyncz.executors.default.type")).isEqualTo("thread-pool");
		assertThat(defaultOf("asyncz.transactions.enabled")).isEqualTo("true");
	}

	@Test
	void storeAndExecutorTypesHaveValueHints() {
		assertThat(hintValues("asyncz.stores.default.type")).containsExactly("memory", "jdbc", "redis", "mongodb");
		assertThat(hintValues("asyncz.executors.default.type")).containsExactly("thread-pool", "virtual", "bean");
	}

	@Test
	void failureAnalyzersAreRegistered() {
		// Spring Boot's own analyzers need constructor arguments; they are skipped here.
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, null, (factoryType, implementationName, failure) -> {
			})).hasAtLeastOneElementOfType(InvalidAsynczPropertyFailureAnalyzer.class)
			.hasAtLeastOneElementOfType(InvalidTaskMethodFailureAnalyzer.class);
	}

	private String defaultOf(String name) {
		for (JsonNode property : this.metadata.get("properties")) {
			if (property.get("name").asString().equals(name)) {
				return property.get("defaultValue").asString();
			}
		}
		throw new AssertionError("No property " + name);
	}

	private List<String> hintValues(String name) {
		for (JsonNode hint : this.metadata.get("hints")) {
			if (hint.get("name").asString().equals(name)) {
				return hint.get("values").valueStream().map((value) -> value.get("value").asString()).toList();
			}
		}
		throw new AssertionError("No hint for " + name);
	}

}
