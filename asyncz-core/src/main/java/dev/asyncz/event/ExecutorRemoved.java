package dev.asyncz.event;

/**
 * An executor was removed.
 *
 * @param executor the executor's name
 */
public record ExecutorRemoved(String executor) implements SchedulerEvent {

}
