package dev.asyncz.store.mongodb;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.asyncz.AsynczException;
import dev.asyncz.event.SchedulerEvent;
import dev.asyncz.event.TaskQuarantined;
import dev.asyncz.store.StoreContext;
import dev.asyncz.store.TaskCodec;
import dev.asyncz.store.mongodb.internal.TaskDocuments;
import dev.asyncz.task.TaskFunctions;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the MongoDB store does beyond the store contract.
 */
class MongoTaskStoreTests {

	private final MongoTestServer server = MongoTestServer.get();

	@Test
	void connectionStringWithoutADatabaseIsRefusedSayingHowToNameOne() {
		assertThatExceptionOfType(AsynczException.class)
			.isThrownBy(() -> MongoTaskStore.create("mongodb://127.0.0.1:27017", MongoTaskStoreSettings.defaults()))
			.withMessageContaining("names no database")
			.withMessageContaining("mongodb://host:27017/app");
	}

	@Test
	void documentInAStateTheStoreNeverWritesIsQuarantinedWhenTheStoreStarts() throws Exception {
		String collection = MongoTestServer.newCollectionName();
		Document planted = new Document(TaskDocuments.ID, "odd").append(TaskDocuments.STATE, "ARCHIVED")
			.append(TaskDocuments.VERSION, 1L);
		this.server.collection(collection).insertOne(planted);
		List<SchedulerEvent> events = new CopyOnWriteArrayList<>();
		MongoTaskStore store = MongoTaskStore.create(this.server.database(),
				MongoTaskStoreSettings.defaults().withCollection(collection));
		store.start(new StoreContext("scanned", "instance-1", Clock.systemUTC(), new TaskFunctions(), new TaskCodec(),
				events::add, () -> {
				}));
		try {
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (store.quarantinedCount() == 0 && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			assertThat(store.listQuarantined(0, 10)).singleElement()
				.satisfies((quarantined) -> assertThat(quarantined.reason()).contains("ARCHIVED"));
			assertThat(events).singleElement().isInstanceOf(TaskQuarantined.class);
		}
		finally {
			store.shutdown();
			this.server.drop(collection);
		}
	}

	@Test
	void startingCreatesTheDueAndLeaseIndexes() {
		String collection = MongoTestServer.newCollectionName();
		MongoTaskStore store = MongoTaskStore.create(this.server.database(),
				MongoTaskStoreSettings.defaults().withCollection(collection));
		store.start(new StoreContext("indexed", "instance-1", Clock.systemUTC(), new TaskFunctions(), new TaskCodec(),
				(event) -> {
				}, () -> {
				}));
		try {
			List<String> names = this.server.collection(collection)
				.listIndexes()
				.map((index) -> index.getString("name"))
				.into(new ArrayList<>());
			assertThat(names).contains("asyncz_due", "asyncz_leases");
		}
		finally {
			store.shutdown();
			this.server.drop(collection);
		}
	}

}
