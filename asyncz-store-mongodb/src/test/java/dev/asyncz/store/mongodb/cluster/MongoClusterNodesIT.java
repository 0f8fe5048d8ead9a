package dev.asyncz.store.mongodb.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.asyncz.store.TaskStore;
import dev.asyncz.store.mongodb.MongoTaskStore;
import dev.asyncz.test.cluster.ClusterScenarios;
import dev.asyncz.test.cluster.RunRecord;
import org.junit.jupiter.api.Assumptions;

/**
 * Scheduler nodes in separate JVMs sharing one MongoDB collection: the MongoDB that
 * {@code ASYNCZ_MONGODB_URI} names, else an in-process server speaking the wire protocol
 * that this test starts on a free loopback port and the nodes connect to. Only this
 * test's collections are dropped.
 */
class MongoClusterNodesIT extends ClusterScenarios {

	private final String collection = "asyncz_cluster_" + this.suffix;

	private MongoServer server;

	private String uri;

	private MongoClient client;

	private MongoDatabase database;

	/**
	 * A fifth of the one-shot tasks on the in-process server, which reads every document
	 * for each query; all of them on a real MongoDB.
	 */
	@Override
	protected int oneShots(int standard) {
		return (System.getenv("ASYNCZ_MONGODB_URI") != null) ? standard : standard / 5;
	}

	@Override
	protected Class<?> nodeMainClass() {
		return MongoClusterNode.class;
	}

	@Override
	protected Map<String, String> storeArguments() {
		return Map.of("uri", this.uri, "collection", this.collection);
	}

	@Override
	protected TaskStore createStore() {
		return MongoTaskStore.create(this.database, MongoClusterNode.settings(this.collection, Duration.ofSeconds(30)));
	}

	@Override
	protected void prepare() {
		String configured = System.getenv("ASYNCZ_MONGODB_URI");
		if (configured != null && !configured.isBlank()) {
			this.uri = configured;
		}
		else {
			this.server = new MongoServer(new MemoryBackend());
			this.server.bind("127.0.0.1", 0);
			this.uri = "mongodb://127.0.0.1:" + this.server.getLocalAddress().getPort() + "/asyncz_cluster";
		}
		this.client = MongoClients.create(this.uri);
		this.database = this.client.getDatabase(new ConnectionString(this.uri).getDatabase());
		MongoRunLog.prepare(this.database, this.collection);
	}

	@Override
	protected void cleanUp() {
		try {
			for (String suffix : List.of("", "_runs", "_duplicates", "_starts")) {
				this.database.getCollection(this.collection + suffix).drop();
			}
		}
		finally {
			this.client.close();
			if (this.server != null) {
				this.server.shutdownNow();
			}
		}
	}

	@Override
	protected List<RunRecord> runs() {
		return MongoRunLog.list(this.database, this.collection + "_runs");
	}

	@Override
	protected List<RunRecord> duplicates() {
		return MongoRunLog.list(this.database, this.collection + "_duplicates");
	}

	@Override
	protected List<RunRecord> starts() {
		return MongoRunLog.list(this.database, this.collection + "_starts");
	}

	/**
	 * Not done: neither the in-process server nor MongoDB can drop the connections of one
	 * client process on request (MongoDB kills operations and sessions, not connections),
	 * and the store's client reconnects on its own. The scenario is skipped with this
	 * reason rather than passed.
	 */
	@Override
	protected void cutConnections(String node) {
		Assumptions.abort("the MongoDB store's tests cannot cut one node's connections to the server");
	}

}
