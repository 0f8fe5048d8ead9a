package dev.asyncz.store;

import java.time.Clock;

import dev.asyncz.event.SchedulerEvent;
import dev.asyncz.task.TaskFunctions;

/**
 * What the scheduler offers a store when it starts.
 *
 * @param storeName the name the store was added under
 * @param instanceId identifies this scheduler among others sharing a persistent store
 * (claim owner)
 * @param clock the scheduler's clock: due times follow it
 * @param functions the registered functions, to check stored function names
 * @param codec reads and writes tasks as JSON
 * @param events publishes events such as {@link dev.asyncz.event.TaskQuarantined}
 * @param wakeUp wakes the scheduler thread, e.g. when another instance added an earlier
 * task
 */
public record StoreContext(String storeName, String instanceId, Clock clock, TaskFunctions functions, TaskCodec codec,
		EventSink events, Runnable wakeUp) {

	/**
	 * This context with a codec that writes in the given form, for a store whose settings
	 * choose it.
	 * @param writeFormat how the store writes tasks
	 * @return this context, or a copy that differs only in its codec's form
	 */
	public StoreContext withWriteFormat(WriteFormat writeFormat) {
		TaskCodec writing = this.codec.withWriteFormat(writeFormat);
		return (writing == this.codec) ? this : new StoreContext(this.storeName, this.instanceId, this.clock,
				this.functions, writing, this.events, this.wakeUp);
	}

	/**
	 * Receives events a store raises.
	 */
	@FunctionalInterface
	public interface EventSink {

		/**
		 * Publishes an event to the scheduler's listeners.
		 * @param event the event
		 */
		void publish(SchedulerEvent event);

	}

}
