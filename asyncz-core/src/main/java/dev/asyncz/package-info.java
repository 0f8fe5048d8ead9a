/**
 * The root of the scheduler's exceptions ({@link dev.asyncz.AsynczException}), below
 * every other package so that each can extend it without a package cycle.
 */
@NullMarked
package dev.asyncz;

import org.jspecify.annotations.NullMarked;
