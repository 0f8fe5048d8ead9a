/**
 * Executors that run tasks: start from {@link dev.asyncz.executor.SchedulerExecutors}.
 */
@NullMarked
package dev.asyncz.executor;

import org.jspecify.annotations.NullMarked;
