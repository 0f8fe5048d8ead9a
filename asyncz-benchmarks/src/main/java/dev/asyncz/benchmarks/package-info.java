/**
 * The benchmark harness: asyncz side by side with a {@code ScheduledThreadPoolExecutor}
 * and Quartz on the same scenarios, each measurement in a fresh JVM. Not API: run
 * {@link dev.asyncz.benchmarks.BenchmarkMain}.
 */
@NullMarked
package dev.asyncz.benchmarks;

import org.jspecify.annotations.NullMarked;
