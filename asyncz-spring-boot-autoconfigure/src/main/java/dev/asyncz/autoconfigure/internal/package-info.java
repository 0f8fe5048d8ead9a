/**
 * Implementation of the asyncz auto-configuration. Not API: configure it with
 * {@code asyncz.*} properties and the beans of {@link dev.asyncz.autoconfigure}.
 */
@NullMarked
package dev.asyncz.autoconfigure.internal;

import org.jspecify.annotations.NullMarked;
