package dev.asyncz.event;

/**
 * A task store was added under a name.
 *
 * @param store the store's name
 */
public record StoreAdded(String store) implements SchedulerEvent {

}
