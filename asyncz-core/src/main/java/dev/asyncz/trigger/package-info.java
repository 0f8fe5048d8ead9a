/**
 * Triggers: when tasks run. Start from {@link dev.asyncz.trigger.Triggers}.
 */
@NullMarked
package dev.asyncz.trigger;

import org.jspecify.annotations.NullMarked;
