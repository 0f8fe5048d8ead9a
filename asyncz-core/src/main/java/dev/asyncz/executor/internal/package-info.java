/**
 * Executor implementations. Not API: use {@link dev.asyncz.executor.TaskExecutors}.
 */
@NullMarked
package dev.asyncz.executor.internal;

import org.jspecify.annotations.NullMarked;
