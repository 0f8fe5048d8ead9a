/**
 * Auto-configuration of the {@code jdbc} task store type: stores on the application's
 * {@link javax.sql.DataSource}, with their tables created as {@code initialize-schema}
 * says, built after Spring Boot's own database initialisation.
 */
@NullMarked
package dev.asyncz.autoconfigure.jdbc;

import org.jspecify.annotations.NullMarked;
