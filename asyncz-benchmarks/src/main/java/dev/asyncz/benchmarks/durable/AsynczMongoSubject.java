package dev.asyncz.benchmarks.durable;

import java.time.Instant;
import java.util.List;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.asyncz.core.Scheduler;
import dev.asyncz.store.mongodb.MongoTaskStore;
import dev.asyncz.store.mongodb.MongoTaskStoreSettings;
import dev.asyncz.store.mongodb.internal.Micros;
import dev.asyncz.store.mongodb.internal.TaskDocuments;
import org.bson.RawBsonDocument;

/**
 * asyncz with its MongoDB store in its own collection, poll interval as shared. Seeded
 * with {@link MongoTaskStore#add}, one insert per task, on {@value Parallel#SEED_THREADS}
 * threads. Cleaning up deletes the collection's documents; dropping the schema drops the
 * collection (never the database).
 */
final class AsynczMongoSubject implements Subject {

	private final DurableSettings settings;

	private final MongoTaskStoreSettings storeSettings;

	private final MongoClient client;

	private final MongoCollection<RawBsonDocument> tasks;

	AsynczMongoSubject(DurableSettings settings) {
		this.settings = settings;
		this.storeSettings = MongoTaskStoreSettings.defaults()
			.withCollection(settings.prefix() + "mongo_tasks")
			.withPollInterval(settings.pollInterval());
		ConnectionString connection = new ConnectionString(settings.mongodbUri());
		this.client = MongoClients.create(connection);
		this.tasks = this.client.getDatabase(connection.getDatabase())
			.getCollection(this.storeSettings.collection(), RawBsonDocument.class);
	}

	@Override
	public void createSchema() {
		// The store creates its collection's indexes when it starts.
	}

	@Override
	public void clear() {
		this.tasks.deleteMany(Filters.empty());
	}

	@Override
	public void dropSchema() {
		this.tasks.drop();
	}

	@Override
	public void seed(String idPrefix, List<Instant> runTimes) {
		AsynczSchedulers.seed(MongoTaskStore.create(this.settings.mongodbUri(), this.storeSettings), idPrefix,
				runTimes);
	}

	@Override
	public long pending(Instant horizon) {
		return this.tasks.countDocuments(Filters.or(
				Filters.and(Filters.eq(TaskDocuments.STATE, TaskDocuments.SCHEDULED),
						Filters.lte(TaskDocuments.NEXT, Micros.of(horizon))),
				Filters.eq(TaskDocuments.STATE, TaskDocuments.RUNNING)));
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * The sum of the stored documents' BSON sizes, as the server sends them back. Index
	 * entries are not counted: the in-process test server keeps none to measure, and the
	 * figure should mean the same on any server.
	 */
	@Override
	public Footprint footprint() {
		long bytes = 0;
		long count = 0;
		for (RawBsonDocument document : this.tasks.find()) {
			bytes += document.getByteBuffer().remaining();
			count++;
		}
		return new Footprint(bytes, count);
	}

	@Override
	public Instance start(String instanceName, Recorder recorder, boolean clustered) {
		Scheduler scheduler = AsynczSchedulers.start(this.settings,
				MongoTaskStore.create(this.settings.mongodbUri(), this.storeSettings), instanceName, recorder);
		return () -> scheduler.shutdown(true);
	}

	@Override
	public void close() {
		this.client.close();
	}

}
