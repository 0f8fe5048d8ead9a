package dev.asyncz.test;

import dev.asyncz.store.MemoryTaskStore;
import dev.asyncz.store.TaskStore;

/**
 * The memory store keeps the store contract (it has no leases, so their tests are
 * skipped).
 */
class MemoryTaskStoreContractTests extends TaskStoreContractTests {

	@Override
	protected TaskStore createStore() {
		return new MemoryTaskStore();
	}

}
