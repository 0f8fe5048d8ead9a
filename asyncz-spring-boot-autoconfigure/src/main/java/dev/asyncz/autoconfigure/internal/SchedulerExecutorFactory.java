package dev.asyncz.autoconfigure.internal;

import java.time.Duration;
import java.util.List;

import dev.asyncz.executor.SchedulerExecutor;
import dev.asyncz.executor.SchedulerExecutors;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.boot.thread.Threading;
import org.springframework.core.env.Environment;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.CompositeTaskDecorator;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Builds the {@code thread-pool} and {@code virtual} executors the way Spring Boot builds
 * its own task executor: the application's {@link TaskDecorator} beans wrap every run
 * (one bean alone, several composed in their order, as Boot's task execution
 * auto-configuration does), and {@code spring.threads.virtual.enabled} decides what the
 * default executor is when the properties do not describe one.
 * <p>
 * The pool is built with a {@link ThreadPoolTaskExecutorBuilder} of its own rather than
 * the application's: that one carries the {@code spring.task.execution.*} sizes and the
 * customizers meant for the application's executor, while this pool's size is
 * {@code max-workers}.
 */
final class SchedulerExecutorFactory {

	/** How long an idle worker of a pool stays before it goes. */
	private static final Duration KEEP_ALIVE = Duration.ofSeconds(60);

	private final ListableBeanFactory beanFactory;

	private final Environment environment;

	SchedulerExecutorFactory(ListableBeanFactory beanFactory, Environment environment) {
		this.beanFactory = beanFactory;
		this.environment = environment;
	}

	/**
	 * The default executor when the properties describe none: virtual threads when
	 * {@code spring.threads.virtual.enabled} is true on Java 21 or later, else a pool.
	 * @param maxWorkers the size of the pool
	 * @return the executor
	 */
	SchedulerExecutor defaultExecutor(int maxWorkers) {
		return Threading.VIRTUAL.isActive(this.environment) ? virtualThreads() : threadPool("default", maxWorkers);
	}

	/**
	 * A pool of {@code maxWorkers} daemon threads named after the executor; runs beyond
	 * that wait in an unbounded queue, as in the scheduler's own pool.
	 * @param name the executor's name
	 * @param maxWorkers the most threads
	 * @return the executor, which owns the pool
	 */
	SchedulerExecutor threadPool(String name, int maxWorkers) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutorBuilder().corePoolSize(maxWorkers)
			.maxPoolSize(maxWorkers)
			.queueCapacity(Integer.MAX_VALUE)
			.allowCoreThreadTimeOut(true)
			.keepAlive(KEEP_ALIVE)
			.threadNamePrefix("asyncz-" + name + "-")
			.taskDecorator(taskDecorator())
			.build();
		// Like the scheduler's own pool: a run in progress does not keep the JVM alive
		// once
		// the scheduler has been shut down without waiting.
		executor.setDaemon(true);
		executor.initialize();
		return SchedulerExecutors.threadPool(executor.getThreadPoolExecutor());
	}

	/**
	 * A virtual thread per run, each run wrapped by the task decorators.
	 * @return the executor
	 */
	SchedulerExecutor virtualThreads() {
		TaskDecorator decorator = taskDecorator();
		return (decorator != null) ? SchedulerExecutors.virtualThreads(decorator::decorate)
				: SchedulerExecutors.virtualThreads();
	}

	private @Nullable TaskDecorator taskDecorator() {
		List<TaskDecorator> decorators = this.beanFactory.getBeanProvider(TaskDecorator.class).orderedStream().toList();
		if (decorators.size() == 1) {
			return decorators.get(0);
		}
		return decorators.isEmpty() ? null : new CompositeTaskDecorator(decorators);
	}

}
