/**
 * Actuator support: the {@code asyncz} endpoint, which shows and manages tasks, and the
 * {@code asyncz} health contributor.
 */
@NullMarked
package dev.asyncz.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
