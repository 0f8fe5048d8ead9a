package dev.asyncz.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;

import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.simpl.RAMJobStore;
import org.quartz.simpl.SimpleThreadPool;

/**
 * Quartz as a user would run it in memory: RAMJobStore, a SimpleThreadPool (ten threads
 * unless the harness asks for another number), and one JobDetail plus one SimpleTrigger
 * per task, both keyed by the task id. The misfire threshold is a year, like asyncz's
 * no-misfire-limit, and the scheduler thread may take as many triggers per pass as there
 * are workers (Quartz's own advice for throughput; the default is one).
 */
final class QuartzSubject implements Subject {

	/** The thread count of Quartz's own example configuration, which has no default. */
	static final int DEFAULT_WORKERS = 10;

	private final Scheduler scheduler;

	QuartzSubject(int requestedWorkers, Probe probe) {
		int workers = (requestedWorkers == SubjectKind.DEFAULT_WORKERS) ? DEFAULT_WORKERS : requestedWorkers;
		Properties properties = new Properties();
		properties.setProperty("org.quartz.scheduler.instanceName", "benchmark-" + UUID.randomUUID());
		properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
		properties.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
		properties.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", String.valueOf(workers));
		properties.setProperty("org.quartz.threadPool.class", SimpleThreadPool.class.getName());
		properties.setProperty("org.quartz.threadPool.threadCount", String.valueOf(workers));
		properties.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
		properties.setProperty("org.quartz.jobStore.class", RAMJobStore.class.getName());
		properties.setProperty("org.quartz.jobStore.misfireThreshold", String.valueOf(Duration.ofDays(365).toMillis()));
		try {
			this.scheduler = new StdSchedulerFactory(properties).getScheduler();
			Job noop = new NoopJob();
			Job probed = new ProbedJob(probe);
			this.scheduler.setJobFactory(
					(bundle, scheduler) -> (bundle.getJobDetail().getJobClass() == ProbedJob.class) ? probed : noop);
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Quartz did not start: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void add(String id, Instant due) {
		schedule(NoopJob.class, id, due);
	}

	@Override
	public void addProbed(String id, Instant due) {
		schedule(ProbedJob.class, id, due);
	}

	private void schedule(Class<? extends Job> type, String id, Instant due) {
		JobDetail job = JobBuilder.newJob(type).withIdentity(id).build();
		Trigger trigger = TriggerBuilder.newTrigger()
			.withIdentity(id)
			.startAt(Date.from(due))
			.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
			.build();
		try {
			this.scheduler.scheduleJob(job, trigger);
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Quartz refused task '" + id + "': " + ex.getMessage(), ex);
		}
	}

	@Override
	public void delete(String id) {
		try {
			if (!this.scheduler.deleteJob(JobKey.jobKey(id))) {
				throw new IllegalStateException("No task '" + id + "' to delete");
			}
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Quartz did not delete '" + id + "': " + ex.getMessage(), ex);
		}
	}

	@Override
	public void start() {
		try {
			this.scheduler.start();
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Quartz did not start: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() {
		try {
			this.scheduler.shutdown(false);
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Quartz did not shut down: " + ex.getMessage(), ex);
		}
	}

	/**
	 * A job that does nothing; one instance serves every run.
	 */
	static final class NoopJob implements Job {

		@Override
		public void execute(JobExecutionContext context) {
		}

	}

	/**
	 * A job that tells the probe when it started; one instance serves every run.
	 */
	static final class ProbedJob implements Job {

		private final Probe probe;

		ProbedJob(Probe probe) {
			this.probe = probe;
		}

		@Override
		public void execute(JobExecutionContext context) {
			this.probe.ran(Probe.epochMicros(context.getScheduledFireTime().toInstant()));
		}

	}

}
