package dev.asyncz.testkit;

import dev.asyncz.store.MemoryTaskStore;
import dev.asyncz.store.TaskStore;

class MemoryStoreTimeTravelTests extends TimeTravelContract {

	@Override
	TaskStore newStore() {
		return new MemoryTaskStore();
	}

}
