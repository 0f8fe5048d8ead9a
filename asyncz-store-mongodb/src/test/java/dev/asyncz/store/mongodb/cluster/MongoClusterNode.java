package dev.asyncz.store.mongodb.cluster;

import java.time.Duration;

import dev.asyncz.store.mongodb.MongoTaskStore;
import dev.asyncz.store.mongodb.MongoTaskStoreSettings;
import dev.asyncz.test.cluster.ClusterNode;

/**
 * A cluster node on the MongoDB store: arguments {@code uri} (naming the database) and
 * {@code collection} besides the {@link ClusterNode.Options}. The run log lives in
 * collections named after the store's.
 */
public final class MongoClusterNode {

	private MongoClusterNode() {
	}

	/**
	 * Runs a node until its standard input closes.
	 * @param args {@code key=value} arguments
	 */
	public static void main(String[] args) {
		ClusterNode.Options options = ClusterNode.Options.parse(args);
		MongoTaskStore store = MongoTaskStore.create(options.get("uri"),
				settings(options.get("collection"), options.lease()));
		ClusterNode.run(options, store, new MongoRunLog(options.get("uri"), options.get("collection")));
	}

	static MongoTaskStoreSettings settings(String collection, Duration lease) {
		return MongoTaskStoreSettings.defaults()
			.withCollection(collection)
			.withLeaseDuration(lease)
			.withPollInterval(Duration.ofSeconds(1));
	}

}
