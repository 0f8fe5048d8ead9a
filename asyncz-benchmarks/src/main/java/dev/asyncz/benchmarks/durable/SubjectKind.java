package dev.asyncz.benchmarks.durable;

import java.util.Arrays;
import java.util.function.Function;

/**
 * The subjects the benchmark compares.
 */
enum SubjectKind {

	/** asyncz with its JDBC store on PostgreSQL. */
	ASYNCZ_JDBC("asyncz-jdbc", true, AsynczJdbcSubject::new),

	/** db-scheduler on PostgreSQL. */
	DB_SCHEDULER("db-scheduler", true, DbSchedulerSubject::new),

	/** Quartz with its JDBC job store (JobStoreTX) on PostgreSQL. */
	QUARTZ_JDBC("quartz-jdbc", true, QuartzJdbcSubject::new),

	/** asyncz with its Redis store. */
	ASYNCZ_REDIS("asyncz-redis", false, AsynczRedisSubject::new),

	/**
	 * asyncz with its Redis store in one partition of the local Redis Cluster: every task
	 * on one master.
	 */
	ASYNCZ_REDIS_CLUSTER_1("asyncz-redis-cluster-1", false, (settings) -> new AsynczRedisClusterSubject(settings, 1)),

	/**
	 * asyncz with its Redis store in three partitions of the local Redis Cluster, under a
	 * key prefix picked so that they fall on its three masters.
	 */
	ASYNCZ_REDIS_CLUSTER_3("asyncz-redis-cluster-3", false, (settings) -> new AsynczRedisClusterSubject(settings, 3)),

	/** asyncz with its MongoDB store. */
	ASYNCZ_MONGODB("asyncz-mongodb", false, AsynczMongoSubject::new);

	private final String label;

	private final boolean jdbc;

	private final Function<DurableSettings, Subject> factory;

	SubjectKind(String label, boolean jdbc, Function<DurableSettings, Subject> factory) {
		this.label = label;
		this.jdbc = jdbc;
		this.factory = factory;
	}

	String label() {
		return this.label;
	}

	boolean jdbc() {
		return this.jdbc;
	}

	Subject create(DurableSettings settings) {
		return this.factory.apply(settings);
	}

	static SubjectKind of(String label) {
		return Arrays.stream(values())
			.filter((kind) -> kind.label.equals(label))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown subject '" + label + "'; known: "
					+ Arrays.stream(values()).map(SubjectKind::label).toList()));
	}

}
