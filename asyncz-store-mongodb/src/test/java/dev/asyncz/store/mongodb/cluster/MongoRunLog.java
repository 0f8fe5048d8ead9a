package dev.asyncz.store.mongodb.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.ConnectionString;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.asyncz.store.mongodb.internal.Micros;
import dev.asyncz.task.TaskContext;
import dev.asyncz.test.cluster.RunLog;
import dev.asyncz.test.cluster.RunRecord;
import org.bson.Document;

/**
 * A run log in three collections beside the store's: {@code <collection>_runs}, with a
 * unique index on task id and fire time, is the ground truth for "ran once";
 * {@code <collection>_duplicates} and {@code <collection>_starts} keep notes. Times are
 * epoch microseconds.
 */
final class MongoRunLog implements RunLog {

	private final MongoClient client;

	private final MongoDatabase database;

	private final String collection;

	MongoRunLog(String uri, String collection) {
		this.client = MongoClients.create(uri);
		this.database = this.client.getDatabase(new ConnectionString(uri).getDatabase());
		this.collection = collection;
	}

	/**
	 * Creates the unique index the log relies on.
	 */
	static void prepare(MongoDatabase database, String collection) {
		database.getCollection(collection + "_runs")
			.createIndex(Indexes.ascending("taskId", "fireTime"), new IndexOptions().unique(true));
	}

	static List<RunRecord> list(MongoDatabase database, String collection) {
		List<RunRecord> records = new ArrayList<>();
		for (Document document : database.getCollection(collection).find()) {
			records.add(new RunRecord(document.getString("taskId"), Micros.instant(document.getLong("fireTime")),
					document.getString("node"), Micros.instant(document.getLong("recordedAt"))));
		}
		return records;
	}

	@Override
	public void started(TaskContext context, String node) {
		this.database.getCollection(this.collection + "_starts").insertOne(entry(context, node));
	}

	@Override
	public void ran(TaskContext context, String node) {
		try {
			this.database.getCollection(this.collection + "_runs").insertOne(entry(context, node));
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
				throw ex;
			}
			this.database.getCollection(this.collection + "_duplicates").insertOne(entry(context, node));
			throw new IllegalStateException(
					"Task '" + context.taskId() + "' already ran for " + context.scheduledRunTime());
		}
	}

	@Override
	public void close() {
		this.client.close();
	}

	private static Document entry(TaskContext context, String node) {
		return new Document("taskId", context.taskId()).append("fireTime", Micros.of(context.scheduledRunTime()))
			.append("node", node)
			.append("recordedAt", Micros.of(Instant.now()));
	}

}
