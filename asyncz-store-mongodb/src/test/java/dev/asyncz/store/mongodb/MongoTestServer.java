package dev.asyncz.store.mongodb;

import java.net.InetSocketAddress;
import java.util.Date;
import java.util.UUID;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.asyncz.store.mongodb.internal.TaskDocuments;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;

/**
 * The MongoDB the tests talk to, through the real driver: the one
 * {@code ASYNCZ_MONGODB_URI} names (with a database, such as
 * {@code mongodb://127.0.0.1:27017/asyncz_test}) when it is set, otherwise an in-process
 * server speaking the wire protocol on a free loopback port, started once per test JVM.
 * Each test uses a collection of its own and drops only that.
 */
final class MongoTestServer {

	/** The environment variable naming a real MongoDB. */
	static final String URI_VARIABLE = "ASYNCZ_MONGODB_URI";

	private static MongoTestServer instance;

	final String uri;

	final String description;

	private final MongoClient client;

	private final MongoDatabase database;

	private MongoTestServer(String uri, String description) {
		this.uri = uri;
		this.description = description;
		this.client = MongoClients.create(uri);
		this.database = this.client.getDatabase(new ConnectionString(uri).getDatabase());
	}

	static synchronized MongoTestServer get() {
		if (instance == null) {
			String configured = System.getenv(URI_VARIABLE);
			if (configured != null && !configured.isBlank()) {
				instance = new MongoTestServer(configured, "MongoDB at " + URI_VARIABLE);
			}
			else {
				MongoServer server = new MongoServer(new MemoryBackend());
				server.bind("127.0.0.1", 0);
				InetSocketAddress address = server.getLocalAddress();
				Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "asyncz-mongo-test-server"));
				instance = new MongoTestServer("mongodb://127.0.0.1:" + address.getPort() + "/asyncz_test",
						"in-process wire-protocol server");
			}
		}
		return instance;
	}

	MongoDatabase database() {
		return this.database;
	}

	static String newCollectionName() {
		return "asyncz_it_" + UUID.randomUUID().toString().substring(0, 8);
	}

	MongoCollection<Document> collection(String name) {
		return this.database.getCollection(name);
	}

	/**
	 * Makes the lease of every claimed task in a collection run out, as if its holder had
	 * died.
	 * @param collection the collection
	 */
	void expireLeases(String collection) {
		collection(collection).updateMany(Filters.eq(TaskDocuments.STATE, TaskDocuments.RUNNING),
				new Document("$set", new Document(TaskDocuments.LEASE_UNTIL, new Date(0))));
	}

	void drop(String collection) {
		this.database.getCollection(collection).drop();
	}

}
