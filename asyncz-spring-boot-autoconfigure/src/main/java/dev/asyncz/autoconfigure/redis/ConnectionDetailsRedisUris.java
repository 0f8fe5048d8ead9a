package dev.asyncz.autoconfigure.redis;

import dev.asyncz.autoconfigure.InvalidAsynczPropertyException;
import io.lettuce.core.RedisURI;

import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;

/**
 * The application's Redis server as Spring Boot's Redis connection details describe it:
 * from the {@code spring.data.redis.*} properties, or from a Docker Compose or
 * Testcontainers service. Only a single server can be taken over; a sentinel set, a
 * cluster or master and replicas need the store's own {@code url}.
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
	 * @throws InvalidAsynczPropertyException if the details describe more than one server
	 */
	static RedisURI of(DataRedisConnectionDetails details, String urlProperty) {
		if (details.getSentinel() != null || details.getCluster() != null || details.getMasterReplica() != null) {
			throw new InvalidAsynczPropertyException(urlProperty, null,
					"the application's Redis connection (spring.data.redis.*) is a sentinel set, a cluster or "
							+ "master and replicas, which a redis store cannot take over",
					"Set '" + urlProperty + "' to the store's server, such as redis://host:6379/0, or "
							+ "redis-sentinel://host:26379/0#mymaster for a sentinel set.");
		}
		DataRedisConnectionDetails.Standalone standalone = details.getStandalone();
		// A TLS bundle's trust material is not carried over: the store's client uses the
		// JVM's trust store.
		return ApplicationRedisUris.standalone(standalone.getHost(), standalone.getPort(), standalone.getDatabase(),
				details.getUsername(), details.getPassword(), details.getSslBundle() != null);
	}

}
