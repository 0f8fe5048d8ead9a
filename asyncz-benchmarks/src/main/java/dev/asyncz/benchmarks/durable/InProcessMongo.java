package dev.asyncz.benchmarks.durable;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A server that speaks the MongoDB wire protocol, run inside the benchmark's driver JVM
 * (mongo-java-server with its memory backend) for when no MongoDB is given: the worker
 * JVMs reach it on a loopback port. It is not MongoDB (it keeps no ordered indexes and
 * scans every document for each query), so figures taken on it describe the store over
 * this server only.
 */
final class InProcessMongo implements AutoCloseable {

	private final MongoServer server;

	private final String uri;

	private InProcessMongo(MongoServer server, String uri) {
		this.server = server;
		this.uri = uri;
	}

	/**
	 * Starts a server on a free loopback port.
	 * @param database the database the connection string names
	 * @return the running server
	 */
	static InProcessMongo start(String database) {
		MongoServer server = new MongoServer(new MemoryBackend());
		server.bind("127.0.0.1", 0);
		return new InProcessMongo(server, "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/" + database);
	}

	/**
	 * Where the server listens, naming the database.
	 * @return the connection string
	 */
	String uri() {
		return this.uri;
	}

	/**
	 * Which server this is, for the report.
	 * @return such as {@code in-process mongo-java-server 1.47.0 (memory backend)}
	 */
	static String description() {
		return "in-process mongo-java-server " + version() + " (memory backend)";
	}

	/**
	 * The version in the name of the server's jar, which carries no other record of it.
	 */
	private static String version() {
		CodeSource source = MongoServer.class.getProtectionDomain().getCodeSource();
		if (source == null) {
			return "(version unknown)";
		}
		Path jar = Paths.get(source.getLocation().getPath()).getFileName();
		String name = (jar != null) ? jar.toString() : "";
		String prefix = "mongo-java-server-core-";
		return (name.startsWith(prefix) && name.endsWith(".jar"))
				? name.substring(prefix.length(), name.length() - ".jar".length()) : "(version unknown)";
	}

	@Override
	public void close() {
		this.server.shutdownNow();
	}

}
