package dev.asyncz.test;

import dev.asyncz.store.MemoryTaskStore;
import dev.asyncz.store.TaskStore;

/**
 * A scheduler over the memory store keeps its promises about runs.
 */
class MemorySchedulerOverStoreContractTests extends SchedulerOverStoreContractTests {

	@Override
	protected TaskStore createStore() {
		return new MemoryTaskStore();
	}

}
