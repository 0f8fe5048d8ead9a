package dev.asyncz.autoconfigure.redis;

import io.lettuce.core.RedisURI;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The application's Redis server as written in the {@code spring.data.redis.*}
 * properties, read without Spring Data Redis; with the same defaults (localhost, port
 * 6379, database 0).
 */
final class ApplicationRedisUris {

	private ApplicationRedisUris() {
	}

	/**
	 * The server of the {@code spring.data.redis} properties: {@code url} if set,
	 * otherwise {@code host}, {@code port}, {@code database}, {@code username},
	 * {@code password} and {@code ssl.enabled}.
	 * @param environment where the properties are
	 * @return the server's URI
	 */
	static RedisURI of(Environment environment) {
		String url = environment.getProperty("spring.data.redis.url");
		if (StringUtils.hasText(url)) {
			return RedisURI.create(url.trim());
		}
		return standalone(environment.getProperty("spring.data.redis.host", "localhost"),
				environment.getProperty("spring.data.redis.port", Integer.class, 6379),
				environment.getProperty("spring.data.redis.database", Integer.class, 0),
				environment.getProperty("spring.data.redis.username"),
				environment.getProperty("spring.data.redis.password"),
				environment.getProperty("spring.data.redis.ssl.enabled", Boolean.class, false));
	}

	/**
	 * A single server.
	 * @param host the host
	 * @param port the port
	 * @param database the database number
	 * @param username the user name, or {@code null} for the default user
	 * @param password the password, or {@code null} for none
	 * @param ssl whether to connect with TLS
	 * @return the server's URI
	 */
	static RedisURI standalone(String host, int port, int database, @Nullable String username,
			@Nullable String password, boolean ssl) {
		return withCredentials(RedisURI.Builder.redis(host, port).withDatabase(database).withSsl(ssl), username,
				password)
			.build();
	}

	/**
	 * Adds credentials to a URI being built: a password alone authenticates the default
	 * user.
	 * @param builder the builder
	 * @param username the user name, or {@code null} for the default user
	 * @param password the password, or {@code null} for none
	 * @return the builder
	 */
	static RedisURI.Builder withCredentials(RedisURI.Builder builder, @Nullable String username,
			@Nullable String password) {
		if (StringUtils.hasText(password)) {
			if (StringUtils.hasText(username)) {
				builder.withAuthentication(username, password);
			}
			else {
				builder.withPassword(password.toCharArray());
			}
		}
		return builder;
	}

}
