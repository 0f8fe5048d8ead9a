package dev.asyncz.benchmarks;

import java.time.Instant;

import dev.asyncz.core.Scheduler;
import dev.asyncz.core.SchedulerBuilder;
import dev.asyncz.executor.SchedulerExecutors;
import dev.asyncz.task.TaskCallable;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.trigger.Triggers;

/**
 * asyncz as a user would build it: the default memory store and, unless the harness asks
 * for a number of workers, the built-in default executor; tasks added with a Java
 * callable and no misfire limit so that none is skipped however long a burst takes.
 */
final class AsynczSubject implements Subject {

	/** The workers of the built-in default executor. */
	static final int DEFAULT_WORKERS = 10;

	private static final TaskCallable NOOP = (context) -> Boolean.TRUE;

	private final Scheduler scheduler;

	private final TaskCallable probed;

	AsynczSubject(int workers, Probe probe) {
		SchedulerBuilder builder = Scheduler.builder();
		if (workers != SubjectKind.DEFAULT_WORKERS) {
			builder.executor("default", SchedulerExecutors.threadPool(workers));
		}
		this.scheduler = builder.build();
		this.probed = (context) -> {
			probe.ran(Probe.epochMicros(context.scheduledRunTime()));
			return Boolean.TRUE;
		};
	}

	@Override
	public void add(String id, Instant due) {
		this.scheduler.add(TaskRequest.of("noop", NOOP, Triggers.at(due)).id(id).noMisfireLimit().build());
	}

	@Override
	public void addProbed(String id, Instant due) {
		this.scheduler.add(TaskRequest.of("probe", this.probed, Triggers.at(due)).id(id).noMisfireLimit().build());
	}

	@Override
	public void delete(String id) {
		this.scheduler.delete(id);
	}

	@Override
	public void start() {
		this.scheduler.start();
	}

	@Override
	public void close() {
		this.scheduler.shutdown(false);
	}

}
