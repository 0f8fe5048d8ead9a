package dev.asyncz.store.mongodb;

import dev.asyncz.store.TaskStore;
import dev.asyncz.test.SchedulerOverStoreContractTests;

/**
 * A scheduler over the MongoDB store keeps its promises about runs. Each test uses a
 * collection of its own and drops it.
 */
class MongoSchedulerOverStoreContractTests extends SchedulerOverStoreContractTests {

	private final MongoTestServer server = MongoTestServer.get();

	private final String collection = MongoTestServer.newCollectionName();

	@Override
	protected TaskStore createStore() {
		return MongoTaskStore.create(this.server.database(),
				MongoTaskStoreSettings.defaults().withCollection(this.collection));
	}

	@Override
	protected void expireLeases() {
		this.server.expireLeases(this.collection);
	}

	@Override
	protected void cleanUp() {
		this.server.drop(this.collection);
	}

}
