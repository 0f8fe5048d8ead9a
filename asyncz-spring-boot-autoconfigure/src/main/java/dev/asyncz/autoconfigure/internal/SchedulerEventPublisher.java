package dev.asyncz.autoconfigure.internal;

import dev.asyncz.core.Scheduler;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationEventPublisherAware;

/**
 * Publishes the events of every {@link Scheduler} bean as application events, so that
 * {@code @EventListener} methods receive them by type. The listener is attached as soon
 * as the scheduler bean exists, before any task can be added. Listeners run on the thread
 * that raised the event (often the scheduler thread): a slow one should hand its work
 * off, for example with {@code @Async}. An exception thrown by a listener is logged by
 * the scheduler and does not affect tasks.
 */
public final class SchedulerEventPublisher implements BeanPostProcessor, ApplicationEventPublisherAware {

	private @Nullable ApplicationEventPublisher publisher;

	@Override
	public void setApplicationEventPublisher(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		ApplicationEventPublisher publisher = this.publisher;
		if (bean instanceof Scheduler scheduler && publisher != null) {
			scheduler.addListener(publisher::publishEvent);
		}
		return bean;
	}

}
