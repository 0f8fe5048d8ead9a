package dev.asyncz.store.redis.cluster;

import java.time.Duration;

import dev.asyncz.store.redis.RedisTaskStore;
import dev.asyncz.store.redis.RedisTaskStoreSettings;
import dev.asyncz.test.cluster.ClusterNode;

/**
 * A cluster node on the Redis store: arguments {@code url} and {@code prefix} besides the
 * {@link ClusterNode.Options}. The store names its connections
 * {@code asyncz:default:<node>}; the run log's connection is named {@code <node>-log}.
 */
public final class RedisClusterNode {

	private RedisClusterNode() {
	}

	/**
	 * Runs a node until its standard input closes.
	 * @param args {@code key=value} arguments
	 */
	public static void main(String[] args) {
		ClusterNode.Options options = ClusterNode.Options.parse(args);
		RedisTaskStore store = RedisTaskStore.create(options.get("url"),
				settings(options.get("prefix"), options.lease()));
		ClusterNode.run(options, store,
				new RedisRunLog(options.get("url"), options.node() + "-log", options.get("prefix")));
	}

	static RedisTaskStoreSettings settings(String prefix, Duration lease) {
		return RedisTaskStoreSettings.defaults()
			.withKeyPrefix(prefix)
			.withLeaseDuration(lease)
			.withPollInterval(Duration.ofSeconds(1));
	}

}
