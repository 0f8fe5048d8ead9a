/**
 * Executor implementations. Not API: use {@link dev.asyncz.executor.SchedulerExecutors}.
 */
@NullMarked
package dev.asyncz.executor.internal;

import org.jspecify.annotations.NullMarked;
