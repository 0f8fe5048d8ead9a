package dev.asyncz.event;

/**
 * Receives scheduler events. Called on the thread that caused the event (the scheduler
 * thread, a worker, or a caller of the scheduler's API), so keep it quick. An exception
 * thrown here is logged and otherwise ignored: a listener can never disturb the
 * scheduler.
 */
@FunctionalInterface
public interface SchedulerListener {

	/**
	 * Handles one event.
	 * @param event the event
	 */
	void onEvent(SchedulerEvent event);

}
