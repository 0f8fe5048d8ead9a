package dev.asyncz.dashboard;

import dev.asyncz.autoconfigure.AsynczAutoConfiguration;
import dev.asyncz.autoconfigure.InvalidAsynczPropertyException;
import dev.asyncz.dashboard.internal.DashboardController;
import dev.asyncz.dashboard.internal.RunHistory;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When {@link AsynczDashboardAutoConfiguration} serves the dashboard.
 */
class AsynczDashboardAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(AsynczAutoConfiguration.class, AsynczDashboardAutoConfiguration.class));

	@Test
	void theDashboardIsOffByDefault() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(DashboardController.class)
			.doesNotHaveBean(RunHistory.class));
	}

	@Test
	void enablingItServesItReadOnlyWithARunHistoryOfTheConfiguredSize() {
		this.runner.withPropertyValues("asyncz.dashboard.enabled=true", "asyncz.dashboard.run-history-size=50")
			.run((context) -> {
				assertThat(context).hasSingleBean(DashboardController.class);
				assertThat(context.getBean(RunHistory.class).capacity()).isEqualTo(50);
				assertThat(context.getBean(AsynczDashboardProperties.class).isWritesEnabled()).isFalse();
			});
	}

	@Test
	void outsideAServletWebApplicationThereIsNoDashboardEvenWhenEnabled() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(AsynczAutoConfiguration.class, AsynczDashboardAutoConfiguration.class))
			.withPropertyValues("asyncz.dashboard.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(DashboardController.class));
	}

	@Test
	void withoutASchedulerThereIsNoDashboard() {
		this.runner.withPropertyValues("asyncz.enabled=false", "asyncz.dashboard.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(DashboardController.class));
	}

	@Test
	void aPathWithATrailingSlashFailsNamingTheProperty() {
		this.runner.withPropertyValues("asyncz.dashboard.enabled=true", "asyncz.dashboard.path=/asyncz/")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidAsynczPropertyException.class)
				.hasMessageContaining("asyncz.dashboard.path"));
	}

	@Test
	void aRunHistoryOfNoRunsFailsNamingTheProperty() {
		this.runner.withPropertyValues("asyncz.dashboard.enabled=true", "asyncz.dashboard.run-history-size=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidAsynczPropertyException.class)
				.hasMessageContaining("asyncz.dashboard.run-history-size"));
	}

	@Test
	void thePropertyDefaultsAreTheDocumentedOnes() {
		AsynczDashboardProperties properties = new AsynczDashboardProperties();
		assertThat(properties.isEnabled()).isFalse();
		assertThat(properties.getPath()).isEqualTo("/asyncz");
		assertThat(properties.isWritesEnabled()).isFalse();
		assertThat(properties.getRunHistorySize()).isEqualTo(1000);
	}

}
