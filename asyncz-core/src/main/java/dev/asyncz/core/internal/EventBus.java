package dev.asyncz.core.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.asyncz.event.SchedulerEvent;
import dev.asyncz.event.SchedulerListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to the listeners that asked for their type. A listener that throws is
 * logged and skipped: listeners must never disturb the scheduler.
 */
final class EventBus {

	private static final Logger logger = LoggerFactory.getLogger(EventBus.class);

	private final List<Registration> registrations = new CopyOnWriteArrayList<>();

	void add(SchedulerListener listener, Set<Class<? extends SchedulerEvent>> types) {
		this.registrations.add(new Registration(listener, Set.copyOf(types)));
	}

	void remove(SchedulerListener listener) {
		this.registrations.removeIf((registration) -> registration.listener() == listener);
	}

	/**
	 * Whether any listener is registered.
	 * @return true if publishing can reach someone
	 */
	boolean listening() {
		return !this.registrations.isEmpty();
	}

	void publish(SchedulerEvent event) {
		for (Registration registration : this.registrations) {
			if (registration.wants(event)) {
				try {
					registration.listener().onEvent(event);
				}
				catch (Throwable ex) {
					logger.warn("Scheduler listener {} failed on {}; the scheduler carries on", registration.listener(),
							event.getClass().getSimpleName(), ex);
				}
			}
		}
	}

	private record Registration(SchedulerListener listener, Set<Class<? extends SchedulerEvent>> types) {

		boolean wants(SchedulerEvent event) {
			if (this.types.isEmpty()) {
				return true;
			}
			for (Class<? extends SchedulerEvent> type : this.types) {
				if (type.isInstance(event)) {
					return true;
				}
			}
			return false;
		}

	}

}
