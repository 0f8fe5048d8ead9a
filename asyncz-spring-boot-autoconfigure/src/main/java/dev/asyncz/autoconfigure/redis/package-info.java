/**
 * Auto-configuration of the {@code redis} task store type: stores on a Redis server named
 * by their {@code url}, or on the application's Spring Data Redis connection settings.
 */
@NullMarked
package dev.asyncz.autoconfigure.redis;

import org.jspecify.annotations.NullMarked;
