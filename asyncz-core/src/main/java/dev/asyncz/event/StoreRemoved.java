package dev.asyncz.event;

/**
 * A task store was removed.
 *
 * @param store the store's name
 */
public record StoreRemoved(String store) implements SchedulerEvent {

}
