package dev.asyncz.autoconfigure;

import dev.asyncz.core.SchedulerBuilder;

/**
 * Fine-tunes the scheduler the auto-configuration builds, after the {@code asyncz.*}
 * properties have been applied. Customizer beans are applied in
 * {@link org.springframework.core.annotation.Order order}.
 */
@FunctionalInterface
public interface SchedulerBuilderCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder, with the properties applied
	 */
	void customize(SchedulerBuilder builder);

}
