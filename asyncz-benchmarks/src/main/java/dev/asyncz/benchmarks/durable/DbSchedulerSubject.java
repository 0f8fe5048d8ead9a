package dev.asyncz.benchmarks.durable;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariDataSource;

/**
 * db-scheduler on PostgreSQL with its own table layout (16.x, with the priority column),
 * polling every shared poll interval with the lock-and-fetch strategy
 * ({@code UPDATE … SKIP LOCKED RETURNING}, its documented choice for throughput on
 * PostgreSQL) at its default fractions (0.5, 1.0). Seeded with
 * {@link SchedulerClient#scheduleBatch}, one JDBC batch per thousand tasks.
 */
final class DbSchedulerSubject implements Subject {

	private static final int SEED_BATCH = 1000;

	private final DurableSettings settings;

	private final String table;

	private final HikariDataSource dataSource;

	DbSchedulerSubject(DurableSettings settings) {
		this.settings = settings;
		this.table = settings.prefix() + "dbs_tasks";
		this.dataSource = Postgres.pool(settings, "bench-db-scheduler-admin");
	}

	@Override
	public void createSchema() {
		Postgres.execute(this.dataSource,
				List.of("CREATE TABLE IF NOT EXISTS " + this.table + " ("
						+ "task_name TEXT NOT NULL, task_instance TEXT NOT NULL, task_data BYTEA, "
						+ "execution_time TIMESTAMP WITH TIME ZONE NOT NULL, picked BOOLEAN NOT NULL, picked_by TEXT, "
						+ "last_success TIMESTAMP WITH TIME ZONE, last_failure TIMESTAMP WITH TIME ZONE, "
						+ "consecutive_failures INT, last_heartbeat TIMESTAMP WITH TIME ZONE, version BIGINT NOT NULL, "
						+ "priority SMALLINT, PRIMARY KEY (task_name, task_instance))",
						"CREATE INDEX IF NOT EXISTS " + this.table + "_execution_time_idx ON " + this.table
								+ " (execution_time)",
						"CREATE INDEX IF NOT EXISTS " + this.table + "_last_heartbeat_idx ON " + this.table
								+ " (last_heartbeat)",
						"CREATE INDEX IF NOT EXISTS " + this.table + "_priority_execution_time_idx ON " + this.table
								+ " (priority DESC, execution_time ASC)"));
	}

	@Override
	public void clear() {
		Postgres.execute(this.dataSource, List.of("TRUNCATE " + this.table));
	}

	@Override
	public void dropSchema() {
		Postgres.execute(this.dataSource, List.of("DROP TABLE IF EXISTS " + this.table));
	}

	@Override
	public void seed(String idPrefix, List<Instant> runTimes) {
		OneTimeTask<Void> task = task(new Recorder(false));
		SchedulerClient client = SchedulerClient.Builder.create(this.dataSource, task).tableName(this.table).build();
		for (int from = 0; from < runTimes.size(); from += SEED_BATCH) {
			List<SchedulableInstance<?>> batch = new ArrayList<>();
			for (int i = from; i < Math.min(runTimes.size(), from + SEED_BATCH); i++) {
				batch.add(SchedulableInstance.of(task.instance(idPrefix + i), runTimes.get(i)));
			}
			client.scheduleBatch(batch);
		}
	}

	@Override
	public long pending(Instant horizon) {
		return Postgres.queryLong(this.dataSource, "SELECT count(*) FROM " + this.table + " WHERE execution_time <= ?",
				OffsetDateTime.ofInstant(horizon, ZoneOffset.UTC));
	}

	@Override
	public Footprint footprint() {
		long bytes = Postgres.totalSize(this.dataSource, List.of(this.table));
		return new Footprint(bytes, Postgres.queryLong(this.dataSource, "SELECT count(*) FROM " + this.table));
	}

	@Override
	public Instance start(String instanceName, Recorder recorder, boolean clustered) {
		HikariDataSource pool = Postgres.pool(this.settings, "bench-db-scheduler-" + instanceName);
		Scheduler scheduler = Scheduler.create(pool, task(recorder))
			.tableName(this.table)
			.threads(this.settings.workers())
			.pollingInterval(this.settings.pollInterval())
			.pollUsingLockAndFetch(0.5, 1.0)
			.schedulerName(new SchedulerName.Fixed(instanceName))
			.build();
		scheduler.start();
		OneTimeTask<Void> added = task(recorder);
		return new Instance() {

			@Override
			public void stop() {
				scheduler.stop();
				pool.close();
			}

			@Override
			public void add(String id, Instant runTime) {
				scheduler.schedule(added.instance(id), runTime);
			}

			@Override
			public void addAll(List<String> ids, List<Instant> runTimes) {
				List<SchedulableInstance<?>> batch = new ArrayList<>(ids.size());
				for (int i = 0; i < ids.size(); i++) {
					batch.add(SchedulableInstance.of(added.instance(ids.get(i)), runTimes.get(i)));
				}
				scheduler.scheduleBatch(batch);
			}

		};
	}

	@Override
	public void close() {
		this.dataSource.close();
	}

	private static OneTimeTask<Void> task(Recorder recorder) {
		return Tasks.oneTime(TASK_NAME).execute((instance, context) -> {
			long start = Recorder.nowMicros();
			recorder.executed(Recorder.micros(context.getExecution().executionTime), start);
		});
	}

}
