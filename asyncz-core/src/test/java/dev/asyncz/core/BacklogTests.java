package dev.asyncz.core;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.asyncz.executor.SchedulerExecutor;
import dev.asyncz.store.TaskQuery;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduler thread hands executors no more runs than keep batch-size of them waiting
 * for a worker; the rest stay in their store until workers catch up.
 */
class BacklogTests {

	private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");

	private final ControllableClock clock = new ControllableClock(START);

	private final ManualExecutor executor = new ManualExecutor();

	private final AtomicInteger runs = new AtomicInteger();

	private final Scheduler scheduler = Scheduler.builder()
		.clock(this.clock)
		.maxWait(Duration.ofHours(1))
		.batchSize(5)
		.executor("default", this.executor)
		.build();

	@AfterEach
	void shutdown() {
		this.scheduler.shutdown(false);
	}

	@Test
	void dueTasksBeyondTheBacklogLimitWaitInTheStoreAndAllRunInTheEnd() throws Exception {
		this.scheduler.functions().register("count", (context) -> this.runs.incrementAndGet());
		for (int i = 0; i < 23; i++) {
			this.scheduler.add(TaskRequest.of("count", Triggers.at(START)).id("t" + i).build());
		}
		this.scheduler.start();
		// Nothing runs until the loop has handed over a full backlog, so that it had
		// every chance to hand over more.
		this.executor.awaitWaiting(5);
		while (this.runs.get() < 23) {
			assertThat(this.executor.runNext()).as("a run handed over within 20 s").isTrue();
		}
		assertThat(this.executor.mostWaiting()).isEqualTo(5);
		assertThat(this.scheduler.list("default", TaskQuery.first(100))).isEmpty();
	}

	@Test
	void aTaskAddedWhileTheLoopHoldsBackRunsOnceThereIsRoom() throws Exception {
		this.scheduler.functions().register("count", (context) -> this.runs.incrementAndGet());
		for (int i = 0; i < 5; i++) {
			this.scheduler.add(TaskRequest.of("count", Triggers.at(START)).id("t" + i).build());
		}
		this.scheduler.start();
		this.executor.awaitWaiting(5);
		this.scheduler.add(TaskRequest.of("count", Triggers.at(START)).id("late").build());
		while (this.runs.get() < 6) {
			assertThat(this.executor.runNext()).as("a run handed over within 20 s").isTrue();
		}
		assertThat(this.scheduler.get("late")).isEmpty();
	}

	/**
	 * Runs jobs only when the test says so, on the test's thread.
	 */
	private static final class ManualExecutor implements SchedulerExecutor {

		private final LinkedBlockingQueue<Runnable> waiting = new LinkedBlockingQueue<>();

		private final AtomicInteger mostWaiting = new AtomicInteger();

		@Override
		public void execute(Runnable job) {
			this.waiting.add(job);
			this.mostWaiting.accumulateAndGet(this.waiting.size(), Math::max);
		}

		boolean runNext() throws InterruptedException {
			Runnable job = this.waiting.poll(20, TimeUnit.SECONDS);
			if (job == null) {
				return false;
			}
			job.run();
			return true;
		}

		void awaitWaiting(int count) throws InterruptedException {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
			while (this.waiting.size() < count && System.nanoTime() < deadline) {
				Thread.sleep(5);
			}
			assertThat(this.waiting).hasSize(count);
		}

		int mostWaiting() {
			return this.mostWaiting.get();
		}

		@Override
		public int activeCount() {
			return 0;
		}

		@Override
		public int queuedCount() {
			return this.waiting.size();
		}

		@Override
		public void shutdown(boolean wait, Duration timeout) {
			this.waiting.clear();
		}

		@Override
		public String describe() {
			return "manual";
		}

	}

}
