package dev.asyncz.autoconfigure;

import java.net.ConnectException;

import dev.asyncz.store.StoreException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ApplicationContextException;

import static org.assertj.core.api.Assertions.assertThat;

class StoreUnavailableFailureAnalyzerTests {

	private final StoreUnavailableFailureAnalyzer analyzer = new StoreUnavailableFailureAnalyzer();

	@Test
	void storeThatCannotConnectAtStartupIsDescribedWithItsNameAndAddress() {
		StoreException unreachable = new StoreException(
				"Redis store 'cache' cannot connect to 127.0.0.1:1/0: Connection refused",
				new ConnectException("Connection refused"));
		FailureAnalysis analysis = this.analyzer
			.analyze(new ApplicationContextException("Failed to start bean 'asynczSchedulerLifecycle'", unreachable));
		assertThat(analysis.getDescription()).contains("Redis store 'cache' cannot connect to 127.0.0.1:1/0");
		assertThat(analysis.getAction()).contains("reachable", "asyncz.stores.<name>.*", "spring.data.redis.*");
		assertThat(analysis.getCause()).isSameAs(unreachable);
	}

	@Test
	void otherFailuresAreNotAnalyzed() {
		assertThat(this.analyzer.analyze(new IllegalStateException("unrelated"))).isNull();
	}

}
