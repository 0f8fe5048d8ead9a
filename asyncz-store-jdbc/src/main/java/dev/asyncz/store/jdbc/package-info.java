/**
 * A durable task store on a relational database (PostgreSQL, MariaDB/MySQL, H2) that
 * several scheduler instances can share: {@link dev.asyncz.store.jdbc.JdbcTaskStore}.
 */
@NullMarked
package dev.asyncz.store.jdbc;

import org.jspecify.annotations.NullMarked;
