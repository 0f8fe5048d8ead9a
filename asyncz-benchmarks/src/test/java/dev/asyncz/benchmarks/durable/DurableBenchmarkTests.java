package dev.asyncz.benchmarks.durable;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.asyncz.test.LocalServer;
import dev.asyncz.test.RequiresLocalServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The durable benchmark harness end to end on a few hundred tasks, with every instance in
 * this JVM: each subject runs every task once in every scenario, is measured, and leaves
 * nothing behind. No timing is asserted.
 */
@RequiresLocalServer({ LocalServer.POSTGRESQL, LocalServer.REDIS, LocalServer.REDIS_CLUSTER })
class DurableBenchmarkTests {

	private static final String PREFIX = "asyncz_bsmoke_";

	private static final Sizes TINY = new Sizes(200, 200, Duration.ofMinutes(10), 300, 100, Duration.ofSeconds(1),
			Duration.ofSeconds(1), 1, 200, 300, 160);

	private final InProcessMongo mongo = InProcessMongo.start("asyncz_bsmoke");

	private final DurableSettings settings = DurableSettings.defaults(PREFIX).withMongodbUri(this.mongo.uri());

	private final ByteArrayOutputStream log = new ByteArrayOutputStream();

	private DurableBenchmarkMain.Outcome outcome;

	@AfterEach
	void printLogAndStopMongo() {
		System.out.println(this.log.toString(StandardCharsets.UTF_8));
		this.mongo.close();
	}

	@Test
	void everySubjectRunsEveryTaskOnceInEveryScenarioAndCleansUp() {
		this.outcome = DurableBenchmarkMain.run(this.settings, TINY, Arrays.asList(SubjectKind.values()),
				Arrays.asList(Scenario.values()), new InProcessWorkers(this.settings),
				new PrintStream(this.log, true, StandardCharsets.UTF_8), InProcessMongo.description(),
				Duration.ofMinutes(5));
		for (SubjectKind kind : SubjectKind.values()) {
			Map<Scenario, List<RunResult>> byScenario = this.outcome.results().get(kind);
			for (Scenario scenario : Scenario.values()) {
				if (scenario.covers(kind)) {
					assertThat(byScenario.get(scenario)).as("%s, %s", kind.label(), scenario.title())
						.singleElement()
						.satisfies((result) -> assertThat(result.executed()).isEqualTo(result.expected()));
				}
			}
			assertThat(this.outcome.footprints().get(kind).tasks()).as(kind.label()).isEqualTo(300);
		}
		assertThat(this.outcome.report()).contains("| asyncz-jdbc |", "| db-scheduler |", "| quartz-jdbc",
				"| asyncz-redis |", "| asyncz-mongodb on in-process mongo-java-server 1.");
		try (Subject jdbc = SubjectKind.ASYNCZ_JDBC.create(this.settings)) {
			assertThat(Postgres.queryLong(((AsynczJdbcSubject) jdbc).dataSource(),
					"SELECT count(*) FROM pg_tables WHERE tablename LIKE 'asyncz\\_bsmoke\\_%'"))
				.isZero();
		}
		try (AsynczRedisSubject redis = (AsynczRedisSubject) SubjectKind.ASYNCZ_REDIS.create(this.settings)) {
			assertThat(redis.footprint().bytes()).isZero();
		}
		for (SubjectKind cluster : List.of(SubjectKind.ASYNCZ_REDIS_CLUSTER_1, SubjectKind.ASYNCZ_REDIS_CLUSTER_3)) {
			try (Subject redis = cluster.create(this.settings)) {
				assertThat(redis.footprint().bytes()).as(cluster.label()).isZero();
			}
		}
		try (Subject mongodb = SubjectKind.ASYNCZ_MONGODB.create(this.settings)) {
			assertThat(mongodb.footprint().tasks()).isZero();
		}
	}

}
