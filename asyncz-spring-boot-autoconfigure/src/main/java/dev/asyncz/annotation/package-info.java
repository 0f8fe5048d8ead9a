/**
 * Annotations that turn bean methods into scheduled tasks
 * ({@link dev.asyncz.annotation.ScheduledTask}) and into named functions that stored
 * tasks call ({@link dev.asyncz.annotation.TaskFunction}).
 */
@NullMarked
package dev.asyncz.annotation;

import org.jspecify.annotations.NullMarked;
