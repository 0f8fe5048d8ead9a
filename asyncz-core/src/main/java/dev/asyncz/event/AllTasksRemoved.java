package dev.asyncz.event;

import org.jspecify.annotations.Nullable;

/**
 * Every task of one store, or of all stores, was removed.
 *
 * @param store the store's name
 */
public record AllTasksRemoved(@Nullable String store) implements SchedulerEvent {

}
