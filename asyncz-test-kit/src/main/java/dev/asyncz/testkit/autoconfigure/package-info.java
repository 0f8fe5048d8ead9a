/**
 * Spring Boot test support:
 * {@link dev.asyncz.testkit.autoconfigure.AutoConfigureTimeTravel} and the
 * auto-configuration it imports.
 */
@NullMarked
package dev.asyncz.testkit.autoconfigure;

import org.jspecify.annotations.NullMarked;
