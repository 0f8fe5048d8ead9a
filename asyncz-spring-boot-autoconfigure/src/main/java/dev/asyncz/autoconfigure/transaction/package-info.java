/**
 * Ties the task changes a caller makes inside a Spring transaction to that transaction:
 * they take effect, and are announced, only if it commits.
 */
@NullMarked
package dev.asyncz.autoconfigure.transaction;

import org.jspecify.annotations.NullMarked;
