/**
 * Durable benchmarks: asyncz's JDBC and Redis stores side by side with db-scheduler and
 * Quartz's JDBC job store on one PostgreSQL, each subject in fresh JVMs. Not API; run
 * {@link dev.asyncz.benchmarks.durable.DurableBenchmarkMain}.
 */
@NullMarked
package dev.asyncz.benchmarks.durable;

import org.jspecify.annotations.NullMarked;
