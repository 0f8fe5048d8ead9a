package dev.asyncz.autoconfigure;

import java.lang.reflect.Method;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

class InvalidTaskMethodFailureAnalyzerTests {

	private final InvalidTaskMethodFailureAnalyzer analyzer = new InvalidTaskMethodFailureAnalyzer();

	@Test
	void descriptionNamesTheBeanTheMethodAndTheAttribute() throws Exception {
		Method method = Jobs.class.getDeclaredMethod("report");
		FailureAnalysis analysis = this.analyzer.analyze(new InvalidTaskMethodException("jobs", method,
				"@ScheduledTask(interval)", "\"10 minutes\" is not a duration", "Write a duration such as 10m."));
		assertThat(analysis.getDescription()).contains("Jobs.report()", "bean 'jobs'", "@ScheduledTask(interval)",
				"\"10 minutes\" is not a duration");
		assertThat(analysis.getAction()).isEqualTo("Write a duration such as 10m.");
	}

	@Test
	void otherFailuresAreNotAnalyzed() {
		assertThat(this.analyzer.analyze(new IllegalStateException("unrelated"))).isNull();
	}

	static class Jobs {

		void report() {
		}

	}

}
