package dev.asyncz.autoconfigure.redis;

import dev.asyncz.autoconfigure.InvalidAsynczPropertyException;
import io.lettuce.core.RedisURI;

import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.util.StringUtils;

/**
 * The application's Redis server as Spring Boot's Redis connection details describe it
 * (from the {@code spring.data.redis.*} properties, or from a Docker Compose or
 * Testcontainers service), for when there is no Lettuce connection factory to share, as
 * with Jedis: a single server or a sentinel set. A cluster or master and replicas need a
 * Lettuce connection factory or the store's own {@code url}.
 */
final class ConnectionDetailsRedisUris {

	private ConnectionDetailsRedisUris() {
	}

	/**
	 * The server the connection details describe.
	 * @param details the application's connection details
	 * @param urlProperty the store's {@code url} property, to name when the details
	 * cannot be used
	 * @return the server's URI
	 * @throws InvalidAsynczPropertyException if the details describe a cluster or master
	 * and replicas
	 */
	static RedisURI of(DataRedisConnectionDetails details, String urlProperty) {
		if (details.getCluster() != null || details.getMasterReplica() != null) {
			throw new InvalidAsynczPropertyException(urlProperty, null,
					"the application's Redis connection (spring.data.redis.*) is a cluster or master and replicas, "
							+ "which a redis store takes over only through the application's Lettuce connection factory, "
							+ "and there is none",
					"Use Lettuce as the application's Redis client (spring.data.redis.client-type=lettuce), or set '"
							+ urlProperty + "' to the store's server, such as redis://host:6379/0.");
		}
		DataRedisConnectionDetails.Sentinel sentinel = details.getSentinel();
		if (sentinel != null) {
			return sentinel(sentinel, details);
		}
		DataRedisConnectionDetails.Standalone standalone = details.getStandalone();
		// Without a Lettuce connection factory, a TLS bundle's trust material is not
		// carried over: the store's client uses the JVM's trust store.
		return ApplicationRedisUris.standalone(standalone.getHost(), standalone.getPort(), standalone.getDatabase(),
				details.getUsername(), details.getPassword(), details.getSslBundle() != null);
	}

	private static RedisURI sentinel(DataRedisConnectionDetails.Sentinel sentinel, DataRedisConnectionDetails details) {
		RedisURI.Builder builder = RedisURI.builder().withSentinelMasterId(sentinel.getMaster());
		for (DataRedisConnectionDetails.Node node : sentinel.getNodes()) {
			RedisURI sentinelNode = ApplicationRedisUris
				.withCredentials(RedisURI.Builder.redis(node.host(), node.port()), sentinel.getUsername(),
						sentinel.getPassword())
				.build();
			builder.withSentinel(sentinelNode);
		}
		ApplicationRedisUris.withCredentials(builder, details.getUsername(), details.getPassword());
		return builder.withDatabase(sentinel.getDatabase()).withSsl(details.getSslBundle() != null).build();
	}

}
