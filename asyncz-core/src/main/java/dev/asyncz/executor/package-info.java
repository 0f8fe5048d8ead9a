/**
 * Executors that run tasks: start from {@link dev.asyncz.executor.TaskExecutors}.
 */
@NullMarked
package dev.asyncz.executor;

import org.jspecify.annotations.NullMarked;
