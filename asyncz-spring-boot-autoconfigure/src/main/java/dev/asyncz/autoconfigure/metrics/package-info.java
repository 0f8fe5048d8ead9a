/**
 * Micrometer support: meters fed by scheduler events, and an observation around every
 * task run.
 */
@NullMarked
package dev.asyncz.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
