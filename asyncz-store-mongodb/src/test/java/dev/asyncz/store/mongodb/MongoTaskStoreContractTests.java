package dev.asyncz.store.mongodb;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import dev.asyncz.store.TaskStore;
import dev.asyncz.store.mongodb.internal.Micros;
import dev.asyncz.store.mongodb.internal.TaskDocuments;
import dev.asyncz.test.RawTask;
import dev.asyncz.test.TaskStoreContractTests;
import org.bson.Document;

/**
 * The MongoDB store keeps the store contract, against the in-process server or the
 * MongoDB that {@code ASYNCZ_MONGODB_URI} names. Each test uses a collection of its own
 * and drops it.
 */
class MongoTaskStoreContractTests extends TaskStoreContractTests {

	private final MongoTestServer server = MongoTestServer.get();

	private final String collection = MongoTestServer.newCollectionName();

	@Override
	protected TaskStore createStore() {
		return MongoTaskStore.create(this.server.database(),
				MongoTaskStoreSettings.defaults().withCollection(this.collection));
	}

	@Override
	protected void destroyStore(TaskStore store) {
		super.destroyStore(store);
		this.server.drop(this.collection);
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * The MongoDB store keeps the SPI's one-by-one default.
	 */
	@Override
	protected boolean addsAllOrNothing() {
		return false;
	}

	@Override
	protected void expireLeases() {
		this.server.expireLeases(this.collection);
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Writes the raw texts into the document's fields; a quarantined document keeps its
	 * state.
	 */
	@Override
	protected void writeRaw(RawTask raw) {
		Document fields = new Document(TaskDocuments.NAME, raw.id()).append(TaskDocuments.FUNCTION, raw.function())
			.append(TaskDocuments.ARGUMENTS, raw.argumentsJson())
			.append(TaskDocuments.TRIGGER, raw.triggerJson())
			.append(TaskDocuments.EXECUTOR, "default")
			.append(TaskDocuments.OPTIONS, raw.optionsJson())
			.append(TaskDocuments.NEXT, (raw.nextRunTime() != null) ? Micros.of(raw.nextRunTime()) : null);
		MongoCollection<Document> tasks = tasks();
		Document existing = tasks.find(Filters.eq(TaskDocuments.ID, raw.id())).first();
		if (existing == null || !TaskDocuments.QUARANTINED.equals(existing.get(TaskDocuments.STATE))) {
			fields.append(TaskDocuments.STATE, raw.state());
		}
		tasks.updateOne(Filters.eq(TaskDocuments.ID, raw.id()),
				new Document("$set", fields).append("$inc", new Document(TaskDocuments.VERSION, 1L)),
				new UpdateOptions().upsert(true));
		if (raw.nextRunTime() == null) {
			tasks.updateOne(Filters.eq(TaskDocuments.ID, raw.id()),
					new Document("$unset", new Document(TaskDocuments.NEXT, "")));
		}
	}

	private MongoCollection<Document> tasks() {
		return this.server.collection(this.collection);
	}

}
