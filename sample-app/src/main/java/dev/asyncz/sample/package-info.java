/**
 * A reminder service built on asyncz: schedule a reminder over HTTP, see it delivered.
 */
@NullMarked
package dev.asyncz.sample;

import org.jspecify.annotations.NullMarked;
