package dev.asyncz.executor.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.function.UnaryOperator;

import dev.asyncz.executor.ExecutorUnavailableException;
import dev.asyncz.executor.SchedulerExecutor;

/**
 * A virtual thread per run. The code is compiled for Java 17, so the JDK 21 factory is
 * looked up at run time rather than linked.
 */
public final class VirtualThreadPerRun implements SchedulerExecutor {

	private final ExecutorService service;

	private final UnaryOperator<Runnable> decorator;

	private final ActiveJobs active = new ActiveJobs();

	private VirtualThreadPerRun(ExecutorService service, UnaryOperator<Runnable> decorator) {
		this.service = service;
		this.decorator = decorator;
	}

	public static boolean available() {
		return Runtime.version().feature() >= 21;
	}

	public static VirtualThreadPerRun create(UnaryOperator<Runnable> decorator) {
		if (!available()) {
			throw new ExecutorUnavailableException("Virtual threads need Java 21 or later; this JVM is Java "
					+ Runtime.version().feature() + ". Use a thread-pool executor, or run on a newer JVM");
		}
		try {
			ExecutorService service = (ExecutorService) MethodHandles.publicLookup()
				.findStatic(java.util.concurrent.Executors.class, "newVirtualThreadPerTaskExecutor",
						MethodType.methodType(ExecutorService.class))
				.invoke();
			return new VirtualThreadPerRun(service, decorator);
		}
		catch (Throwable ex) {
			throw new ExecutorUnavailableException("Virtual threads could not be created on this JVM: " + ex);
		}
	}

	@Override
	public void execute(Runnable job) {
		this.service.execute(this.active.counting(this.decorator.apply(job)));
	}

	@Override
	public int activeCount() {
		return this.active.count();
	}

	@Override
	public int queuedCount() {
		return 0;
	}

	@Override
	public void shutdown(boolean wait, Duration timeout) {
		this.service.shutdown();
		if (wait) {
			Waiting.awaitTermination(this.service, timeout);
		}
		else {
			this.service.shutdownNow();
		}
	}

	@Override
	public String describe() {
		return "virtual-threads";
	}

}
