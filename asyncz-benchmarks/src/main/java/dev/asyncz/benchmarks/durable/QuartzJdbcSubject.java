package dev.asyncz.benchmarks.durable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import com.zaxxer.hikari.HikariDataSource;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Quartz with its JDBC job store ({@code JobStoreTX}, PostgreSQL delegate) on tables
 * created from the PostgreSQL script inside the Quartz jar under the benchmark's prefix.
 * Clustered only for the two-instance runs. Trigger acquisition takes up to one batch per
 * worker count ({@code batchTriggerAcquisitionMaxCount}, Quartz's throughput setting) and
 * the idle wait time is the shared poll interval; the misfire threshold keeps its 60 s
 * default, so tasks overdue by longer take Quartz's misfire path (fire now). Each task is
 * one non-durable job with one simple trigger, seeded through
 * {@link Scheduler#scheduleJobs} and {@link TemplateRows copies of its rows} (the API
 * alone stores about 150 tasks/s here).
 */
final class QuartzJdbcSubject implements Subject {

	private static final String TABLES_SCRIPT = "org/quartz/impl/jdbcjobstore/tables_postgres.sql";

	private static final String SCHEDULER_NAME = "asyncz-bench";

	private static final String GROUP = "bench";

	private static final List<String> TABLES = List.of("FIRED_TRIGGERS", "PAUSED_TRIGGER_GRPS", "SCHEDULER_STATE",
			"LOCKS", "SIMPLE_TRIGGERS", "CRON_TRIGGERS", "SIMPROP_TRIGGERS", "BLOB_TRIGGERS", "TRIGGERS", "JOB_DETAILS",
			"CALENDARS");

	private final DurableSettings settings;

	private final String tablePrefix;

	private final HikariDataSource dataSource;

	QuartzJdbcSubject(DurableSettings settings) {
		this.settings = settings;
		this.tablePrefix = settings.prefix() + "qz_";
		this.dataSource = Postgres.pool(settings, "bench-quartz-admin");
	}

	@Override
	public void createSchema() {
		String script;
		try (InputStream in = Scheduler.class.getClassLoader().getResourceAsStream(TABLES_SCRIPT)) {
			if (in == null) {
				throw new IllegalStateException("The Quartz jar has no " + TABLES_SCRIPT);
			}
			script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not read " + TABLES_SCRIPT, ex);
		}
		// The script drops and creates QRTZ_ tables and indexes and ends with COMMIT:
		// keep its CREATE statements and give tables and indexes the benchmark's own
		// prefix.
		dropSchema();
		List<String> statements = Arrays.stream(script.replaceAll("(?m)^--.*$", "").split(";"))
			.map(String::trim)
			.filter((sql) -> sql.startsWith("CREATE"))
			.map((sql) -> sql.replace("QRTZ_", this.tablePrefix))
			.toList();
		Postgres.execute(this.dataSource, statements);
	}

	@Override
	public void clear() {
		Postgres.execute(this.dataSource, List.of("TRUNCATE " + String.join(", ", tables())));
	}

	@Override
	public void dropSchema() {
		Postgres.execute(this.dataSource,
				tables().stream().map((table) -> "DROP TABLE IF EXISTS " + table + " CASCADE").toList());
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * The first task goes through {@link Scheduler#scheduleJobs}; the others are copies
	 * of its job, trigger and simple-trigger rows with their own names and times.
	 */
	@Override
	public void seed(String idPrefix, List<Instant> runTimes) {
		Scheduler scheduler = scheduler("seeder", false, new Recorder(false));
		String template = idPrefix + 0;
		try {
			JobDetail job = JobBuilder.newJob(BenchJob.class).withIdentity(template, GROUP).build();
			Trigger trigger = TriggerBuilder.newTrigger()
				.withIdentity(template, GROUP)
				.forJob(job)
				.startAt(Date.from(runTimes.get(0)))
				.withSchedule(SimpleScheduleBuilder.simpleSchedule())
				.build();
			scheduler.scheduleJobs(Map.of(job, Set.of(trigger)), false);
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Quartz could not store the tasks: " + ex.getMessage(), ex);
		}
		finally {
			shutdown(scheduler);
		}
		int count = runTimes.size() - 1;
		Object[] names = new Object[count];
		Object[] millis = new Object[count];
		for (int i = 0; i < count; i++) {
			names[i] = idPrefix + (i + 1);
			millis[i] = runTimes.get(i + 1).toEpochMilli();
		}
		String where = " WHERE t.sched_name = '" + SCHEDULER_NAME + "' AND t.%s = '" + template + "'";
		String jobs = this.tablePrefix + "JOB_DETAILS";
		String triggers = this.tablePrefix + "TRIGGERS";
		String simple = this.tablePrefix + "SIMPLE_TRIGGERS";
		TemplateRows.insert(this.dataSource,
				"INSERT INTO " + jobs + " SELECT t.sched_name, u.name, t.job_group, "
						+ "t.description, t.job_class_name, t.is_durable, t.is_nonconcurrent, t.is_update_data, "
						+ "t.requests_recovery, t.job_data FROM " + jobs + " t, unnest(?) AS u(name)"
						+ where.formatted("job_name"),
				new Object[][] { names }, new String[] { "varchar" }, count);
		// The foreign key checks of the next inserts look rows up by key: fresh
		// statistics keep them off a sequential scan of the table just filled.
		Postgres.execute(this.dataSource, List.of("ANALYZE " + jobs));
		TemplateRows.insert(this.dataSource, "INSERT INTO " + triggers + " SELECT t.sched_name, u.name, "
				+ "t.trigger_group, u.name, t.job_group, t.description, u.millis, t.prev_fire_time, t.priority, "
				+ "t.trigger_state, t.trigger_type, u.millis, t.end_time, t.calendar_name, t.misfire_instr, t.job_data "
				+ "FROM " + triggers + " t, unnest(?, ?) AS u(name, millis)" + where.formatted("trigger_name"),
				new Object[][] { names, millis }, new String[] { "varchar", "int8" }, count);
		Postgres.execute(this.dataSource, List.of("ANALYZE " + triggers));
		TemplateRows.insert(this.dataSource,
				"INSERT INTO " + simple + " SELECT t.sched_name, u.name, "
						+ "t.trigger_group, t.repeat_count, t.repeat_interval, t.times_triggered FROM " + simple
						+ " t, unnest(?) AS u(name)" + where.formatted("trigger_name"),
				new Object[][] { names }, new String[] { "varchar" }, count);
	}

	@Override
	public long pending(Instant horizon) {
		// A fired one-shot trigger keeps its row (next fire time -1) until its job has
		// completed.
		return Postgres.queryLong(this.dataSource,
				"SELECT count(*) FROM " + this.tablePrefix + "TRIGGERS WHERE sched_name = ? AND next_fire_time <= ?",
				SCHEDULER_NAME, horizon.toEpochMilli());
	}

	@Override
	public Footprint footprint() {
		long bytes = Postgres.totalSize(this.dataSource, tables());
		return new Footprint(bytes,
				Postgres.queryLong(this.dataSource, "SELECT count(*) FROM " + this.tablePrefix + "TRIGGERS"));
	}

	@Override
	public Instance start(String instanceName, Recorder recorder, boolean clustered) {
		Scheduler scheduler = scheduler(instanceName, clustered, recorder);
		try {
			scheduler.start();
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Quartz did not start: " + ex.getMessage(), ex);
		}
		return () -> shutdown(scheduler);
	}

	@Override
	public void close() {
		this.dataSource.close();
	}

	private List<String> tables() {
		return TABLES.stream().map((table) -> this.tablePrefix + table).toList();
	}

	private Scheduler scheduler(String instanceName, boolean clustered, Recorder recorder) {
		String dataSourceName = "bench-" + instanceName;
		HikariDataSource pool = Postgres.pool(this.settings, "bench-quartz-" + instanceName);
		DBConnectionManager.getInstance().addConnectionProvider(dataSourceName, new PoolProvider(pool));
		Properties properties = new Properties();
		properties.setProperty("org.quartz.scheduler.instanceName", SCHEDULER_NAME);
		properties.setProperty("org.quartz.scheduler.instanceId", instanceName);
		properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
		properties.setProperty("org.quartz.scheduler.idleWaitTime",
				Long.toString(this.settings.pollInterval().toMillis()));
		properties.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount",
				Integer.toString(this.settings.workers()));
		properties.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
		properties.setProperty("org.quartz.threadPool.threadCount", Integer.toString(this.settings.workers()));
		properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
		properties.setProperty("org.quartz.jobStore.driverDelegateClass",
				"org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
		properties.setProperty("org.quartz.jobStore.tablePrefix", this.tablePrefix);
		properties.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
		properties.setProperty("org.quartz.jobStore.isClustered", Boolean.toString(clustered));
		try {
			StdSchedulerFactory factory = new StdSchedulerFactory(properties);
			Scheduler scheduler = factory.getScheduler();
			// The repository holds one scheduler per name in a JVM; clustered instances
			// share the name, and the smoke test runs two of them in one JVM.
			SchedulerRepository.getInstance().remove(SCHEDULER_NAME);
			scheduler.setJobFactory((bundle, owner) -> (Job) (context) -> run(context, recorder));
			return scheduler;
		}
		catch (SchedulerException ex) {
			pool.close();
			throw new IllegalStateException("Quartz could not be configured: " + ex.getMessage(), ex);
		}
	}

	private static void run(JobExecutionContext context, Recorder recorder) {
		long start = Recorder.nowMicros();
		recorder.executed(Recorder.micros(context.getScheduledFireTime().toInstant()), start);
	}

	private static void shutdown(Scheduler scheduler) {
		try {
			scheduler.shutdown(true);
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Quartz did not shut down: " + ex.getMessage(), ex);
		}
	}

	/**
	 * The job class Quartz stores with each job; the job factory runs the recorder
	 * instead.
	 */
	public static final class BenchJob implements Job {

		@Override
		public void execute(JobExecutionContext context) {
		}

	}

	/**
	 * Hands Quartz the benchmark's pool; Quartz closes it on shutdown.
	 */
	private record PoolProvider(HikariDataSource pool) implements ConnectionProvider {

		@Override
		public Connection getConnection() throws SQLException {
			return this.pool.getConnection();
		}

		@Override
		public void shutdown() {
			this.pool.close();
		}

		@Override
		public void initialize() {
		}

	}

}
