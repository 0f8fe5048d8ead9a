package dev.asyncz.autoconfigure.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.asyncz.task.Task;
import dev.asyncz.task.TaskContext;
import dev.asyncz.trigger.DateTrigger;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Every task run as an observation.
 */
class ObservationTaskRunInterceptorTests {

	static final Instant SCHEDULED = Instant.parse("2030-01-01T00:00:00Z");

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final ObservationTaskRunInterceptor interceptor = new ObservationTaskRunInterceptor(this.registry, null);

	private final Task task = Task.builder()
		.id("report-42")
		.function("report")
		.trigger(new DateTrigger(SCHEDULED))
		.store("durable")
		.executor("blocking")
		.build();

	private final TaskContext context = new TaskContext("report-42", "report-42", "report", List.of(), Map.of(),
			SCHEDULED, SCHEDULED.plusMillis(20));

	@Test
	void successfulRunIsObservedWithLowCardinalityKeysAndTheScheduledTime() throws Exception {
		Object result = this.interceptor.around(this.task, this.context, () -> "done");
		org.assertj.core.api.Assertions.assertThat(result).isEqualTo("done");
		assertThat(this.registry).hasSingleObservationThat()
			.hasNameEqualTo("asyncz.task.execution")
			.hasContextualNameEqualTo("asyncz report")
			.hasLowCardinalityKeyValue("function", "report")
			.hasLowCardinalityKeyValue("store", "durable")
			.hasLowCardinalityKeyValue("executor", "blocking")
			.hasLowCardinalityKeyValue("outcome", "success")
			.hasHighCardinalityKeyValue("scheduled.time", SCHEDULED.toString())
			.doesNotHaveError()
			.hasBeenStopped();
	}

	@Test
	void failedRunIsObservedAsAnErrorAndTheFailureStillReachesTheScheduler() {
		IllegalStateException failure = new IllegalStateException("boom");
		assertThatIllegalStateException().isThrownBy(() -> this.interceptor.around(this.task, this.context, () -> {
			throw failure;
		})).isSameAs(failure);
		assertThat(this.registry).hasSingleObservationThat()
			.hasLowCardinalityKeyValue("outcome", "error")
			.hasError(failure)
			.hasBeenStopped();
	}

	@Test
	void asynchronousRunIsObservedUntilItsStageCompletes() throws Exception {
		CompletableFuture<String> stage = new CompletableFuture<>();
		this.interceptor.around(this.task, this.context, () -> stage);
		assertThat(this.registry).hasSingleObservationThat().isNotStopped();
		stage.complete("done");
		assertThat(this.registry).hasSingleObservationThat()
			.hasLowCardinalityKeyValue("outcome", "success")
			.hasBeenStopped();
	}

	@Test
	void theFunctionSeesItsRunAsTheCurrentObservation() throws Exception {
		Object current = this.interceptor.around(this.task, this.context, this.registry::getCurrentObservation);
		org.assertj.core.api.Assertions.assertThat(current).isInstanceOf(Observation.class);
	}

	@Test
	void aCustomConventionReplacesTheDefault() throws Exception {
		TaskExecutionObservationConvention custom = new DefaultTaskExecutionObservationConvention() {

			@Override
			public String getName() {
				return "jobs.run";
			}

		};
		new ObservationTaskRunInterceptor(this.registry, custom).around(this.task, this.context, () -> "done");
		assertThat(this.registry).hasSingleObservationThat()
			.hasNameEqualTo("jobs.run")
			.hasLowCardinalityKeyValue(KeyValue.of("function", "report"));
	}

}
