package dev.asyncz.event;

/**
 * Something that happened in a scheduler. Listeners registered with
 * {@link dev.asyncz.core.Scheduler#addListener} receive these; in Spring they are also
 * published as application events. Sealed, so a {@code switch} over event types is
 * checked for completeness.
 */
public sealed interface SchedulerEvent
		permits SchedulerStarted, SchedulerShutdown, SchedulerPaused, SchedulerResumed, StoreAdded, StoreRemoved,
		ExecutorAdded, ExecutorRemoved, AllTasksRemoved, StoreError, ClockJumped, TaskQuarantined, TaskEvent {

}
