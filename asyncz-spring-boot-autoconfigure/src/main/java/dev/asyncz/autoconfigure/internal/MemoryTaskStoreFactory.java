package dev.asyncz.autoconfigure.internal;

import dev.asyncz.autoconfigure.TaskStoreBinding;
import dev.asyncz.autoconfigure.TaskStoreFactory;
import dev.asyncz.store.MemoryTaskStore;
import dev.asyncz.store.TaskStore;

import org.springframework.beans.factory.ListableBeanFactory;

/**
 * Builds stores of type {@code memory}: tasks live as long as the application. The type
 * has no keys but {@code type}.
 */
public final class MemoryTaskStoreFactory implements TaskStoreFactory {

	@Override
	public String type() {
		return "memory";
	}

	@Override
	public TaskStore create(TaskStoreBinding store, ListableBeanFactory beanFactory) {
		return new MemoryTaskStore();
	}

}
