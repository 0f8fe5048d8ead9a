package dev.asyncz.benchmarks.durable;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.asyncz.core.Scheduler;
import dev.asyncz.store.TaskCodec;
import dev.asyncz.store.jdbc.JdbcDialect;
import dev.asyncz.store.jdbc.JdbcTaskStore;
import dev.asyncz.store.jdbc.JdbcTaskStoreSettings;
import dev.asyncz.trigger.Triggers;

/**
 * asyncz with its JDBC store on PostgreSQL: poll interval as shared, other store settings
 * default (60 s lease, claim batches of 100). Seeded through {@link JdbcTaskStore#add}
 * and {@link TemplateRows copies of its row}.
 */
final class AsynczJdbcSubject implements Subject {

	private final DurableSettings settings;

	private final JdbcTaskStoreSettings storeSettings;

	private final String table;

	private final HikariDataSource dataSource;

	AsynczJdbcSubject(DurableSettings settings) {
		this.settings = settings;
		this.storeSettings = JdbcTaskStoreSettings.builder()
			.tablePrefix(settings.prefix() + "az_")
			.dialect(JdbcDialect.POSTGRESQL)
			.pollInterval(settings.pollInterval())
			.build();
		this.table = this.storeSettings.tablePrefix() + "tasks";
		this.dataSource = Postgres.pool(settings, "bench-asyncz-jdbc-admin");
	}

	@Override
	public void createSchema() {
		new JdbcTaskStore(this.dataSource, this.storeSettings).initializeSchema();
	}

	@Override
	public void clear() {
		Postgres.execute(this.dataSource, List.of("TRUNCATE " + this.table));
	}

	@Override
	public void dropSchema() {
		Postgres.execute(this.dataSource, List.of("DROP TABLE IF EXISTS " + this.table));
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * The first task goes through {@link JdbcTaskStore#add}; the others are copies of its
	 * row with their own id, name, trigger JSON (written by the same {@link TaskCodec},
	 * or left out as the store left out the template's) and next run time.
	 */
	@Override
	public void seed(String idPrefix, List<Instant> runTimes) {
		new JdbcTaskStore(this.dataSource, this.storeSettings)
			.add(AsynczSchedulers.oneShot(idPrefix + 0, runTimes.get(0)));
		int count = runTimes.size() - 1;
		TaskCodec codec = new TaskCodec();
		Object[] ids = new Object[count];
		Object[] triggers = new Object[count];
		Object[] micros = new Object[count];
		for (int i = 0; i < count; i++) {
			Instant runTime = runTimes.get(i + 1);
			ids[i] = idPrefix + (i + 1);
			triggers[i] = codec.writeTrigger(Triggers.at(runTime));
			micros[i] = Recorder.micros(runTime);
		}
		String sql = "INSERT INTO " + this.table + " (id, name, function_name, arguments_json, trigger_json, executor, "
				+ "options_json, next_run_time, state, version) "
				+ "SELECT u.id, u.id, t.function_name, t.arguments_json, "
				// The store leaves a date trigger at the next run time out (an empty
				// text), as
				// the template row shows; then so do its copies.
				+ "CASE WHEN t.trigger_json = '' THEN t.trigger_json ELSE u.trigger_json END, t.executor, t.options_json, "
				+ "TIMESTAMPTZ 'epoch' + u.micros * INTERVAL '1 microsecond', " + "t.state, t.version FROM "
				+ this.table + " t, unnest(?, ?, ?) AS u(id, trigger_json, micros) " + "WHERE t.id = '" + idPrefix
				+ "0'";
		TemplateRows.insert(this.dataSource, sql, new Object[][] { ids, triggers, micros },
				new String[] { "varchar", "text", "int8" }, count);
	}

	@Override
	public long pending(Instant horizon) {
		return Postgres.queryLong(this.dataSource, "SELECT count(*) FROM " + this.table + " WHERE next_run_time <= ?",
				OffsetDateTime.ofInstant(horizon, ZoneOffset.UTC));
	}

	@Override
	public Footprint footprint() {
		long bytes = Postgres.totalSize(this.dataSource, List.of(this.table));
		return new Footprint(bytes, Postgres.queryLong(this.dataSource, "SELECT count(*) FROM " + this.table));
	}

	@Override
	public Instance start(String instanceName, Recorder recorder, boolean clustered) {
		HikariDataSource pool = Postgres.pool(this.settings, "bench-asyncz-jdbc-" + instanceName);
		Scheduler scheduler = AsynczSchedulers.start(this.settings, new JdbcTaskStore(pool, this.storeSettings),
				instanceName, recorder);
		return new AsynczSchedulers.Running(scheduler, pool::close);
	}

	DataSource dataSource() {
		return this.dataSource;
	}

	@Override
	public void close() {
		this.dataSource.close();
	}

}
