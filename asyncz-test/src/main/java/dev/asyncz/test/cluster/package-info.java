/**
 * Multi-process cluster tests: scheduler nodes as separate JVMs sharing one persistent
 * store, a run log that catches duplicate runs, and the scenarios every clusterable store
 * must pass.
 */
@NullMarked
package dev.asyncz.test.cluster;

import org.jspecify.annotations.NullMarked;
