/**
 * The dashboard's task list over a large memory store: how long the store takes to answer
 * one page.
 */
@NullMarked
package dev.asyncz.benchmarks.dashboard;

import org.jspecify.annotations.NullMarked;
