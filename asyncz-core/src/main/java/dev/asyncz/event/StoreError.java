package dev.asyncz.event;

/**
 * A store failed to answer; the scheduler backs off and tries again.
 *
 * @param store the store's name
 * @param operation what the store was asked to do
 * @param exception the failure
 */
public record StoreError(String store, String operation, Throwable exception) implements SchedulerEvent {

}
