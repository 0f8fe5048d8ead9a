package dev.asyncz.testkit;

import java.util.List;

import dev.asyncz.event.SchedulerEvent;
import org.assertj.core.api.AbstractAssert;

/**
 * How many events of one kind a task had: {@code hasExecuted("report").times(3)}.
 */
public final class EventCountAssert extends AbstractAssert<EventCountAssert, List<SchedulerEvent>> {

	private final String task;

	private final String what;

	private final SchedulerEventsAssert events;

	EventCountAssert(String task, String what, List<SchedulerEvent> found, SchedulerEventsAssert events) {
		super(found, EventCountAssert.class);
		this.task = task;
		this.what = what;
		this.events = events;
	}

	/**
	 * Asserts the exact count.
	 * @param expected how many
	 * @return this
	 */
	public EventCountAssert times(int expected) {
		if (this.actual.size() != expected) {
			failWithMessage("Expected task '%s' to have %s %d time(s), but it had %d time(s): %s", this.task, this.what,
					expected, this.actual.size(), this.actual);
		}
		return this;
	}

	/**
	 * Asserts exactly one.
	 * @return this
	 */
	public EventCountAssert once() {
		return times(1);
	}

	/**
	 * Goes back to the other assertions on the events.
	 * @return the assertions on all events
	 */
	public SchedulerEventsAssert and() {
		return this.events;
	}

}
