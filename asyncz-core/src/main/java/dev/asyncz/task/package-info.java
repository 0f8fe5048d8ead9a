/**
 * The task model: {@link dev.asyncz.task.Task} as a store holds it, what a caller asks
 * for ({@link dev.asyncz.task.TaskRequest}, {@link dev.asyncz.task.TaskUpdate}), its
 * options, and the named functions a task calls. Used by the stores, events and the
 * scheduler alike.
 */
@NullMarked
package dev.asyncz.task;

import org.jspecify.annotations.NullMarked;
