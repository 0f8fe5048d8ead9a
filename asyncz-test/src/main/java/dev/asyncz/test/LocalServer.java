package dev.asyncz.test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * The servers that real-server tests talk to, on this machine's loopback address. Every
 * developer's and CI's machine runs them; see the README for how to start one that is
 * down.
 */
public enum LocalServer {

	/** PostgreSQL, trust authentication, database {@code test}. */
	POSTGRESQL("PostgreSQL", 5432, "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"),

	/** MariaDB, user root without a password, database {@code test}. */
	MARIADB("MariaDB", 3306, "jdbc:mariadb://127.0.0.1:3306/test?user=root"),

	/** Redis. */
	REDIS("Redis", 6379, "redis://127.0.0.1:6379"),

	/**
	 * A Redis Cluster of three masters on ports 7001 to 7003; the URL names the first,
	 * from which a cluster client learns the others.
	 */
	REDIS_CLUSTER("Redis Cluster", 7001, "redis://127.0.0.1:7001"),

	/** A Redis Sentinel watching {@link #REDIS} as master {@code asyncz}. */
	REDIS_SENTINEL("Redis Sentinel", 26379, "redis-sentinel://127.0.0.1:26379/0#asyncz");

	private final String displayName;

	private final int port;

	private final String url;

	LocalServer(String displayName, int port, String url) {
		this.displayName = displayName;
		this.port = port;
		this.url = url;
	}

	public String displayName() {
		return this.displayName;
	}

	public int port() {
		return this.port;
	}

	/**
	 * How to connect: a JDBC URL for databases, a Redis URI for Redis.
	 * @return the URL
	 */
	public String url() {
		return this.url;
	}

	/**
	 * Whether something listens on the server's port.
	 * @return true if a TCP connection succeeds within a second
	 */
	public boolean reachable() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
