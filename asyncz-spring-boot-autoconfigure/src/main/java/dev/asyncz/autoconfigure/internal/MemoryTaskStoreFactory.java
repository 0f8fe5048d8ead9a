package dev.asyncz.autoconfigure.internal;

import dev.asyncz.autoconfigure.AsynczProperties;
import dev.asyncz.autoconfigure.TaskStoreFactory;
import dev.asyncz.store.MemoryTaskStore;
import dev.asyncz.store.TaskStore;

import org.springframework.beans.factory.ListableBeanFactory;

/**
 * Builds stores of type {@code memory}: tasks live as long as the application.
 */
public final class MemoryTaskStoreFactory implements TaskStoreFactory {

	@Override
	public String type() {
		return "memory";
	}

	@Override
	public TaskStore create(String name, AsynczProperties.Store properties, ListableBeanFactory beanFactory) {
		return new MemoryTaskStore();
	}

}
