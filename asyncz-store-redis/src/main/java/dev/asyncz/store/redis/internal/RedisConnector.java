package dev.asyncz.store.redis.internal;

import java.util.Set;
import java.util.TreeSet;

import dev.asyncz.AsynczException;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.jspecify.annotations.Nullable;

/**
 * How a store opens its connections: on a single server or a sentinel set
 * ({@link RedisClient}), or on a Redis Cluster ({@link RedisClusterClient}), where every
 * script runs on the one node owning the slot of the store's keys.
 */
public final class RedisConnector {

	private final AbstractRedisClient client;

	private final @Nullable RedisURI uri;

	private final String address;

	private final boolean owned;

	private RedisConnector(AbstractRedisClient client, @Nullable RedisURI uri, String address, boolean owned) {
		this.client = client;
		this.uri = uri;
		this.address = address;
		this.owned = owned;
	}

	/**
	 * Connections of a client the store owns and shuts down; they keep their name across
	 * reconnects, as it comes from the URI.
	 * @param client the client
	 * @param uri where it connects
	 * @return the connector
	 */
	public static RedisConnector owned(RedisClient client, RedisURI uri) {
		return new RedisConnector(client, uri, address(uri), true);
	}

	/**
	 * Connections of a client someone else owns and shuts down.
	 * @param client a {@link RedisClient} or {@link RedisClusterClient}
	 * @param address where the client connects, for messages
	 * @return the connector
	 */
	public static RedisConnector shared(AbstractRedisClient client, String address) {
		if (!(client instanceof RedisClient) && !(client instanceof RedisClusterClient)) {
			throw new AsynczException(
					"A Redis store needs a RedisClient or a RedisClusterClient, not a " + client.getClass().getName());
		}
		return new RedisConnector(client, null, address, false);
	}

	/**
	 * A URI's server for messages, without its password.
	 * @param uri the URI
	 * @return such as {@code 127.0.0.1:6379/0} or {@code sentinel master mymaster via
	 * [10.0.0.1:26379]}
	 */
	public static String address(RedisURI uri) {
		if (uri.getSentinelMasterId() != null) {
			return "sentinel master " + uri.getSentinelMasterId() + " via "
					+ uri.getSentinels()
						.stream()
						.map((sentinel) -> sentinel.getHost() + ":" + sentinel.getPort())
						.toList()
					+ ", database " + uri.getDatabase();
		}
		if (uri.getSocket() != null) {
			return uri.getSocket();
		}
		return uri.getHost() + ":" + uri.getPort() + "/" + uri.getDatabase();
	}

	/**
	 * Refuses a key layout that a Redis Cluster would spread over several slots, where
	 * one script could not reach all the keys it needs.
	 * @param keys the store's keys
	 * @throws AsynczException if this connector is for a cluster and the keys lie in more
	 * than one slot
	 */
	public void requireOneSlot(RedisKeys keys) {
		if (!(this.client instanceof RedisClusterClient)) {
			return;
		}
		Set<Integer> slots = new TreeSet<>();
		for (String key : keys.scriptKeys()) {
			slots.add(SlotHash.getSlot(key));
		}
		if (slots.size() > 1) {
			throw new AsynczException("the keys of a store on a Redis Cluster must share one hash slot, and these "
					+ "fall in " + slots.size() + " slots: the key prefix needs a hash tag, such as {asyncz}:");
		}
	}

	/**
	 * Where the connections go, for messages.
	 * @return the address
	 */
	public String address() {
		return this.address;
	}

	/**
	 * Opens a command connection.
	 * @param name the connection's client name
	 * @return the connection
	 */
	public Connection connect(String name) {
		if (this.client instanceof RedisClusterClient cluster) {
			StatefulRedisClusterConnection<String, String> connection = cluster.connect(StringCodec.UTF8);
			connection.sync().clientSetname(name);
			return new Connection(connection, connection.sync());
		}
		RedisClient single = (RedisClient) this.client;
		RedisURI named = named(name);
		if (named != null) {
			StatefulRedisConnection<String, String> connection = single.connect(StringCodec.UTF8, named);
			return new Connection(connection, connection.sync());
		}
		StatefulRedisConnection<String, String> connection = (this.uri != null)
				? single.connect(StringCodec.UTF8, this.uri) : single.connect(StringCodec.UTF8);
		connection.sync().clientSetname(name);
		return new Connection(connection, connection.sync());
	}

	/**
	 * Opens a connection for the wake-up channel. On a cluster, messages published on any
	 * node reach subscribers on every node.
	 * @param name the connection's client name
	 * @return the connection
	 */
	public StatefulRedisPubSubConnection<String, String> connectPubSub(String name) {
		StatefulRedisPubSubConnection<String, String> connection;
		if (this.client instanceof RedisClusterClient cluster) {
			connection = cluster.connectPubSub(StringCodec.UTF8);
		}
		else {
			RedisClient single = (RedisClient) this.client;
			RedisURI named = named(name);
			if (named != null) {
				return single.connectPubSub(StringCodec.UTF8, named);
			}
			connection = (this.uri != null) ? single.connectPubSub(StringCodec.UTF8, this.uri)
					: single.connectPubSub(StringCodec.UTF8);
		}
		connection.sync().clientSetname(name);
		return connection;
	}

	/**
	 * The store's own URI with the client name, which Lettuce then sets again on every
	 * reconnect; {@code null} where the name can only be set once connected: for a client
	 * someone else configured, and for a sentinel URI, whose sentinels Lettuce's URI
	 * builder does not copy.
	 */
	private @Nullable RedisURI named(String name) {
		if (this.uri == null || this.uri.getSentinelMasterId() != null) {
			return null;
		}
		return RedisURI.builder(this.uri).withClientName(name).build();
	}

	/**
	 * Shuts the client down if the store owns it.
	 */
	public void shutdown() {
		if (this.owned) {
			this.client.shutdown();
		}
	}

	/**
	 * An open command connection.
	 *
	 * @param connection the connection, to close
	 * @param commands its synchronous commands, routed by key on a cluster
	 */
	public record Connection(StatefulConnection<String, String> connection,
			RedisClusterCommands<String, String> commands) {

	}

}
