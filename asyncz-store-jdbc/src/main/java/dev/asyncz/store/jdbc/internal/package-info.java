/**
 * Implementation of the JDBC task store. Not API: use
 * {@link dev.asyncz.store.jdbc.JdbcTaskStore}.
 */
@NullMarked
package dev.asyncz.store.jdbc.internal;

import org.jspecify.annotations.NullMarked;
