package dev.asyncz.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import dev.asyncz.event.SchedulerEvent;
import dev.asyncz.event.SchedulerListener;

/**
 * Records events and lets a test wait for one, with a timeout generous enough for a
 * loaded machine.
 */
final class EventRecorder implements SchedulerListener {

	static final Duration TIMEOUT = Duration.ofSeconds(20);

	private final List<SchedulerEvent> events = new ArrayList<>();

	@Override
	public synchronized void onEvent(SchedulerEvent event) {
		this.events.add(event);
		notifyAll();
	}

	synchronized <T extends SchedulerEvent> List<T> all(Class<T> type) {
		return this.events.stream().filter(type::isInstance).map(type::cast).toList();
	}

	<T extends SchedulerEvent> T await(Class<T> type) {
		return await(type, (event) -> true);
	}

	synchronized <T extends SchedulerEvent> T await(Class<T> type, Predicate<T> condition) {
		return awaitCount(type, condition, 1).get(0);
	}

	synchronized <T extends SchedulerEvent> List<T> awaitCount(Class<T> type, Predicate<T> condition, int count) {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (true) {
			List<T> matching = all(type).stream().filter(condition).toList();
			if (matching.size() >= count) {
				return matching;
			}
			long remaining = deadline - System.nanoTime();
			if (remaining <= 0) {
				throw new AssertionError("Waited " + TIMEOUT + " for " + count + " " + type.getSimpleName()
						+ " event(s); saw " + this.events);
			}
			try {
				TimeUnit.NANOSECONDS.timedWait(this, remaining);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

}
