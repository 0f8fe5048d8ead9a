package dev.asyncz.autoconfigure.actuate;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.context.annotation.ImportRuntimeHints;

import static org.assertj.core.api.Assertions.assertThat;

class AsynczEndpointRuntimeHintsTests {

	@Test
	void everyDescriptorRecordOfTheEndpointCanBeWrittenAsJson() {
		RuntimeHints hints = new RuntimeHints();
		new AsynczEndpointRuntimeHints().registerHints(hints, getClass().getClassLoader());
		Class<?>[] descriptors = AsynczEndpointRuntimeHints.descriptors(AsynczEndpoint.class);
		assertThat(descriptors).contains(AsynczEndpoint.SchedulerDescriptor.class,
				AsynczEndpoint.TaskDetailsDescriptor.class, AsynczEndpoint.QuarantinePageDescriptor.class);
		for (Class<?> descriptor : descriptors) {
			assertThat(RuntimeHintsPredicates.reflection().onType(descriptor)).accepts(hints);
			assertThat(RuntimeHintsPredicates.reflection()
				.onMethodInvocation(descriptor, descriptor.getRecordComponents()[0].getAccessor().getName()))
				.accepts(hints);
		}
		assertThat(RuntimeHintsPredicates.reflection().onType(AsynczEndpointWebExtension.ErrorDescriptor.class))
			.accepts(hints);
	}

	@Test
	void theEndpointAutoConfigurationImportsTheHints() {
		assertThat(AsynczEndpointAutoConfiguration.class.getAnnotation(ImportRuntimeHints.class).value())
			.containsExactly(AsynczEndpointRuntimeHints.class);
	}

}
