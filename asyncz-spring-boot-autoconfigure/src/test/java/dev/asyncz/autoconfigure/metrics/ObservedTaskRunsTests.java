package dev.asyncz.autoconfigure.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import dev.asyncz.annotation.TaskFunction;
import dev.asyncz.autoconfigure.AsynczAutoConfiguration;
import dev.asyncz.autoconfigure.AsynczClock;
import dev.asyncz.core.ControllableClock;
import dev.asyncz.core.Scheduler;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.trigger.DateTrigger;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Task runs of the auto-configured scheduler, as observations and meters.
 */
class ObservedTaskRunsTests {

	static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

	private static final List<String> RUN_COUNTERS = List.of("asyncz.task.misfires", "asyncz.task.max-instances",
			"asyncz.task.late", "asyncz.task.retries", "asyncz.task.failures", "asyncz.task.deferred");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(AsynczAutoConfiguration.class, AsynczObservationAutoConfiguration.class,
						MetricsAutoConfiguration.class, AsynczMetricsAutoConfiguration.class))
		.withUserConfiguration(ReportConfiguration.class);

	@Test
	void everyRunIsOneObservationWithLowCardinalityKeysAndNoTaskId() {
		this.contextRunner.withBean(TestObservationRegistry.class, TestObservationRegistry::create).run((context) -> {
			runReportOnce(context, "report-1");
			TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat(registry)
					.hasSingleObservationThat()
					.hasBeenStopped());
			io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat(registry)
				.hasNumberOfObservationsWithNameEqualTo(DefaultTaskExecutionObservationConvention.NAME, 1)
				.hasSingleObservationThat()
				.hasLowCardinalityKeyValue("function", "report")
				.hasLowCardinalityKeyValue("store", "default")
				.hasLowCardinalityKeyValue("executor", "default")
				.hasLowCardinalityKeyValue("outcome", "success")
				.satisfies((observed) -> assertThat(observed.getAllKeyValues()).extracting(KeyValue::getValue)
					.doesNotContain("report-1"));
		});
	}

	@Test
	void runsAreTimedOnceByTheExecutionsTimerAndNotAgainByTheObservation() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class)
			.withBean(RecordingHandler.class)
			.run((context) -> {
				runReportOnce(context, "report-1");
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				RecordingHandler observations = context.getBean(RecordingHandler.class);
				await().atMost(Duration.ofSeconds(30))
					.until(() -> runsTimed(meters) == 1 && observations.stopped.size() == 1);
				assertThat(runsTimed(meters)).isEqualTo(1);
				assertThat(observations.stopped).extracting(Observation.Context::getName)
					.containsExactly(DefaultTaskExecutionObservationConvention.NAME);
				assertThat(meters.find(DefaultTaskExecutionObservationConvention.NAME).meters()).isEmpty();
				assertThat(meters.find(DefaultTaskExecutionObservationConvention.NAME + ".active").meters()).isEmpty();
			});
	}

	/**
	 * The runs counted by the executions timers; each exists at zero before its first.
	 */
	private static long runsTimed(MeterRegistry meters) {
		return meters.find("asyncz.task.executions").timers().stream().mapToLong(Timer::count).sum();
	}

	@Test
	void everyRunCounterExistsAtZeroOnceTheApplicationHasStarted() {
		this.contextRunner.withBean(SimpleMeterRegistry.class).run((context) -> {
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			for (String name : RUN_COUNTERS) {
				assertThat(meters.get(name).tags("function", "report", "store", "default").counters()).as(name)
					.isNotEmpty()
					.allSatisfy((counter) -> assertThat(counter.count()).isZero());
			}
		});
	}

	private static void runReportOnce(AssertableApplicationContext context, String id) {
		context.getBean(Scheduler.class)
			.add(TaskRequest.of("report", new DateTrigger(T0.plusSeconds(1))).id(id).build());
		context.getBean(ControllableClock.class).advance(Duration.ofSeconds(1));
	}

	@Configuration(proxyBeanMethods = false)
	static class ReportConfiguration {

		@Bean
		@AsynczClock
		ControllableClock asynczClock() {
			return new ControllableClock(T0);
		}

		@Bean
		Reports reports() {
			return new Reports();
		}

	}

	static class Reports {

		@TaskFunction("report")
		String report() {
			return "reported";
		}

	}

	static class RecordingHandler implements ObservationHandler<Observation.Context> {

		final Queue<Observation.Context> stopped = new ConcurrentLinkedQueue<>();

		@Override
		public void onStop(Observation.Context context) {
			this.stopped.add(context);
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

}
