package dev.asyncz.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

class InvalidAsynczPropertyFailureAnalyzerTests {

	private final InvalidAsynczPropertyFailureAnalyzer analyzer = new InvalidAsynczPropertyFailureAnalyzer();

	@Test
	void descriptionNamesThePropertyItsValueAndTheProblem() {
		FailureAnalysis analysis = this.analyzer.analyze(
				new IllegalStateException("wrapped", new InvalidAsynczPropertyException("asyncz.stores.durable.type",
						"mongo", "no such store type", "Set 'asyncz.stores.durable.type' to one of: memory.")));
		assertThat(analysis.getDescription())
			.contains("Property 'asyncz.stores.durable.type' has value 'mongo': no such store type");
		assertThat(analysis.getAction()).isEqualTo("Set 'asyncz.stores.durable.type' to one of: memory.");
	}

	@Test
	void missingValueIsDescribedAsNotSet() {
		FailureAnalysis analysis = this.analyzer.analyze(new InvalidAsynczPropertyException(
				"asyncz.executors.blocking.bean", null, "an executor of type bean needs a bean name", "Set it."));
		assertThat(analysis.getDescription()).contains("Property 'asyncz.executors.blocking.bean' is not set");
	}

	@Test
	void otherFailuresAreNotAnalyzed() {
		assertThat(this.analyzer.analyze(new IllegalStateException("unrelated"))).isNull();
	}

}
