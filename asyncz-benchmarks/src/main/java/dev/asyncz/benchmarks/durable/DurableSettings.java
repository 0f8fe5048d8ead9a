package dev.asyncz.benchmarks.durable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What every subject shares, so that the comparison is like for like: the servers, the
 * worker count, and how often a scheduler looks for work it was not told about.
 *
 * @param jdbcUrl the PostgreSQL database all JDBC subjects use
 * @param redisUrl the Redis server of the asyncz Redis subject
 * @param mongodbUri the MongoDB server of the asyncz MongoDB subject, naming the database
 * @param prefix starts every table, index and key the benchmark creates
 * @param workers threads that run tasks, per scheduler instance
 * @param pollInterval the longest a scheduler sleeps before looking for due work: asyncz
 * max-wait and store poll interval, db-scheduler polling interval, Quartz idle wait time
 */
public record DurableSettings(String jdbcUrl, String redisUrl, String mongodbUri, String prefix, int workers,
		Duration pollInterval) {

	/** The local PostgreSQL database. */
	public static final String DEFAULT_JDBC_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

	/** The local Redis server. */
	public static final String DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0";

	/**
	 * A local MongoDB server; {@link DurableBenchmarkMain} starts an in-process one
	 * instead unless told where MongoDB is.
	 */
	public static final String DEFAULT_MONGODB_URI = "mongodb://127.0.0.1:27017/asyncz_bench";

	/**
	 * The settings of a benchmark run: local servers, ten workers, one second of polling.
	 * @param prefix starts every table, index and key
	 * @return the settings
	 */
	public static DurableSettings defaults(String prefix) {
		return new DurableSettings(DEFAULT_JDBC_URL, DEFAULT_REDIS_URL, DEFAULT_MONGODB_URI, prefix, 10,
				Duration.ofSeconds(1));
	}

	/**
	 * A copy with another MongoDB server.
	 * @param mongodbUri the connection string, naming the database
	 * @return the copy
	 */
	public DurableSettings withMongodbUri(String mongodbUri) {
		return new DurableSettings(this.jdbcUrl, this.redisUrl, mongodbUri, this.prefix, this.workers,
				this.pollInterval);
	}

	/**
	 * Connections per pool: the workers, the scheduler thread and a few for housekeeping,
	 * the same for every subject.
	 * @return the pool size
	 */
	public int poolSize() {
		return this.workers + 4;
	}

	/**
	 * These settings as worker JVM arguments, read back by {@link #fromArguments}.
	 * @return the arguments
	 */
	public List<String> toArguments() {
		List<String> arguments = new ArrayList<>();
		arguments.add("--jdbc=" + this.jdbcUrl);
		arguments.add("--redis=" + this.redisUrl);
		arguments.add("--mongodb=" + this.mongodbUri);
		arguments.add("--prefix=" + this.prefix);
		arguments.add("--workers=" + this.workers);
		arguments.add("--poll=" + this.pollInterval);
		return arguments;
	}

	/**
	 * Reads settings written by {@link #toArguments()}.
	 * @param arguments options of the form {@code --key=value}
	 * @return the settings
	 */
	public static DurableSettings fromArguments(Options arguments) {
		return new DurableSettings(arguments.require("jdbc"), arguments.require("redis"), arguments.require("mongodb"),
				arguments.require("prefix"), Integer.parseInt(arguments.require("workers")),
				Duration.parse(arguments.require("poll")));
	}

}
