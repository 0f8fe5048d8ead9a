package dev.asyncz.executor;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SchedulerExecutorsTests {

	@Test
	void threadPoolRunsJobsAndReportsActiveOnes() throws Exception {
		SchedulerExecutor pool = SchedulerExecutors.threadPool(2);
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		pool.execute(() -> {
			started.countDown();
			await(release);
		});
		assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();
		assertThat(pool.activeCount()).isEqualTo(1);
		release.countDown();
		pool.shutdown(true, Duration.ofSeconds(20));
		assertThat(pool.activeCount()).isZero();
	}

	@Test
	void threadPoolQueuesJobsBeyondItsWorkers() throws Exception {
		SchedulerExecutor pool = SchedulerExecutors.threadPool(1);
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		pool.execute(() -> {
			started.countDown();
			await(release);
		});
		assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();
		pool.execute(() -> {
		});
		assertThat(pool.queuedCount()).isEqualTo(1);
		release.countDown();
		pool.shutdown(true, Duration.ofSeconds(20));
	}

	@Test
	void threadPoolStartsAllItsWorkersWithThePoolSoNoRunWaitsForAThreadToStart() throws Exception {
		SchedulerExecutor pool = SchedulerExecutors.threadPool(3);
		CompletableFuture<String> worker = new CompletableFuture<>();
		pool.execute(() -> worker.complete(Thread.currentThread().getName()));
		String name = worker.get(20, TimeUnit.SECONDS);
		String poolPrefix = name.substring(0, name.lastIndexOf('-') + 1);
		assertThat(Thread.getAllStackTraces()
			.keySet()
			.stream()
			.map(Thread::getName)
			.filter((thread) -> thread.startsWith(poolPrefix))).hasSize(3);
		pool.shutdown(true, Duration.ofSeconds(20));
	}

	@Test
	void threadPoolNeedsAtLeastOneWorker() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> SchedulerExecutors.threadPool(0))
			.withMessage("maxWorkers must be at least 1, was 0");
	}

	@Test
	void shutDownThreadPoolRefusesJobs() {
		SchedulerExecutor pool = SchedulerExecutors.threadPool(1);
		pool.shutdown(true, Duration.ofSeconds(5));
		assertThatExceptionOfType(RejectedExecutionException.class).isThrownBy(() -> pool.execute(() -> {
		}));
	}

	@Test
	void aPoolBuiltElsewhereIsOwnedSizedAndShutDownByTheExecutor() throws Exception {
		ThreadPoolExecutor built = new ThreadPoolExecutor(3, 3, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
		SchedulerExecutor pool = SchedulerExecutors.threadPool(built);
		CountDownLatch release = new CountDownLatch(1);
		pool.execute(() -> await(release));
		pool.execute(() -> await(release));
		pool.execute(() -> await(release));
		pool.execute(() -> {
		});
		assertThat(pool.describe()).isEqualTo("thread-pool(3)");
		assertThat(pool.queuedCount()).isEqualTo(1);
		release.countDown();
		pool.shutdown(true, Duration.ofSeconds(20));
		assertThat(built.isTerminated()).isTrue();
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void virtualThreadsWrapEachJobWithTheDecorator() throws Exception {
		List<String> seen = new CopyOnWriteArrayList<>();
		SchedulerExecutor virtual = SchedulerExecutors.virtualThreads((job) -> () -> {
			seen.add("before");
			job.run();
		});
		CountDownLatch done = new CountDownLatch(1);
		virtual.execute(() -> {
			seen.add("job");
			done.countDown();
		});
		assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
		assertThat(seen).containsExactly("before", "job");
		virtual.shutdown(true, Duration.ofSeconds(5));
	}

	@Test
	void adaptedExecutorRunsOnItsOwnerAndStopsTakingJobsAfterShutdown() {
		SchedulerExecutor direct = SchedulerExecutors.of(Runnable::run, "direct");
		boolean[] ran = new boolean[1];
		direct.execute(() -> ran[0] = true);
		assertThat(ran[0]).isTrue();
		assertThat(direct.describe()).isEqualTo("executor(direct)");
		direct.shutdown(false, Duration.ZERO);
		assertThatExceptionOfType(RejectedExecutionException.class).isThrownBy(() -> direct.execute(() -> {
		}));
	}

	@Test
	@EnabledForJreRange(max = JRE.JAVA_20)
	void virtualThreadsBeforeJava21FailNamingTheVersionAndTheAlternative() {
		assertThat(SchedulerExecutors.virtualThreadsAvailable()).isFalse();
		assertThatExceptionOfType(ExecutorUnavailableException.class).isThrownBy(SchedulerExecutors::virtualThreads)
			.withMessageContaining("Virtual threads need Java 21 or later; this JVM is Java")
			.withMessageContaining("thread-pool");
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void virtualThreadsRunJobsOnVirtualThreads() throws Exception {
		SchedulerExecutor virtual = SchedulerExecutors.virtualThreads();
		CountDownLatch done = new CountDownLatch(1);
		boolean[] isVirtual = new boolean[1];
		virtual.execute(() -> {
			isVirtual[0] = Thread.currentThread().toString().contains("VirtualThread");
			done.countDown();
		});
		assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
		assertThat(isVirtual[0]).isTrue();
		virtual.shutdown(true, Duration.ofSeconds(5));
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(20, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
