/**
 * Auto-configuration of the asyncz scheduler for Spring Boot: properties, extension
 * points ({@link dev.asyncz.autoconfigure.TaskStoreFactory},
 * {@link dev.asyncz.autoconfigure.SchedulerBuilderCustomizer},
 * {@link dev.asyncz.autoconfigure.AsynczClock}) and the startup failures it reports.
 */
@NullMarked
package dev.asyncz.autoconfigure;

import org.jspecify.annotations.NullMarked;
