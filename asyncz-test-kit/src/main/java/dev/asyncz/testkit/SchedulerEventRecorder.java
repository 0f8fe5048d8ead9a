package dev.asyncz.testkit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.asyncz.core.Scheduler;
import dev.asyncz.event.SchedulerEvent;
import dev.asyncz.event.SchedulerListener;
import org.assertj.core.api.AssertProvider;

/**
 * Records the events a scheduler publishes, for assertions:
 *
 * <pre class="code">
 * SchedulerEventRecorder events = SchedulerEventRecorder.listeningTo(scheduler);
 * time.advance(Duration.ofDays(2));
 * assertThat(events).hasExecuted("send-reminder").times(2);
 * </pre>
 *
 * {@code assertThat} is AssertJ's own {@code Assertions.assertThat}: the recorder
 * provides its {@link SchedulerEventsAssert}.
 */
public final class SchedulerEventRecorder implements SchedulerListener, AssertProvider<SchedulerEventsAssert> {

	private final List<SchedulerEvent> events = new CopyOnWriteArrayList<>();

	/**
	 * A recorder registered with a scheduler for every event.
	 * @param scheduler the scheduler
	 * @return the recorder
	 */
	public static SchedulerEventRecorder listeningTo(Scheduler scheduler) {
		SchedulerEventRecorder recorder = new SchedulerEventRecorder();
		scheduler.addListener(recorder);
		return recorder;
	}

	@Override
	public void onEvent(SchedulerEvent event) {
		this.events.add(event);
	}

	/**
	 * The events recorded so far.
	 * @return a snapshot, in the order they were published
	 */
	public List<SchedulerEvent> events() {
		return List.copyOf(this.events);
	}

	/**
	 * The events of one type recorded so far.
	 * @param <E> the type
	 * @param type the type (an interface such as {@code TaskRunEvent} included)
	 * @return a snapshot, in the order they were published
	 */
	public <E extends SchedulerEvent> List<E> events(Class<E> type) {
		return this.events.stream().filter(type::isInstance).map(type::cast).toList();
	}

	/**
	 * Forgets every event recorded so far.
	 */
	public void clear() {
		this.events.clear();
	}

	@Override
	public SchedulerEventsAssert assertThat() {
		return new SchedulerEventsAssert(events());
	}

}
