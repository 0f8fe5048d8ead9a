package dev.asyncz.event;

/**
 * An executor was added under a name.
 *
 * @param executor the executor's name
 */
public record ExecutorAdded(String executor) implements SchedulerEvent {

}
