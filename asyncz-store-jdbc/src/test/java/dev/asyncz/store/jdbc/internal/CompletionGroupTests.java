package dev.asyncz.store.jdbc.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.asyncz.store.StoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CompletionGroupTests {

	private final ExecutorService workers = Executors.newFixedThreadPool(4);

	private final List<List<String>> groups = Collections.synchronizedList(new ArrayList<>());

	private final CountDownLatch firstDeletionMayEnd = new CountDownLatch(1);

	private final CountDownLatch firstDeletionStarted = new CountDownLatch(1);

	@AfterEach
	void stopWorkers() {
		this.workers.shutdownNow();
	}

	@Test
	void aLoneCompletionIsDeletedAtOnce() {
		CompletionGroup group = new CompletionGroup(this::record);
		group.delete("a", 1);
		assertThat(this.groups).containsExactly(List.of("a"));
	}

	@Test
	void completionsQueuedWhileADeletionIsInFlightAreDeletedTogetherInTheNextOne() throws Exception {
		CompletionGroup group = new CompletionGroup(this::blockFirstDeletion);
		Future<?> first = this.workers.submit(() -> group.delete("a", 1));
		assertThat(this.firstDeletionStarted.await(20, TimeUnit.SECONDS)).isTrue();
		List<Future<?>> queued = List.of(this.workers.submit(() -> group.delete("b", 1)),
				this.workers.submit(() -> group.delete("c", 1)), this.workers.submit(() -> group.delete("d", 1)));
		awaitQueued(group, 3);
		this.firstDeletionMayEnd.countDown();
		first.get(20, TimeUnit.SECONDS);
		for (Future<?> future : queued) {
			future.get(20, TimeUnit.SECONDS);
		}
		assertThat(this.groups).hasSize(2);
		assertThat(this.groups.get(0)).containsExactly("a");
		assertThat(this.groups.get(1)).containsExactlyInAnyOrder("b", "c", "d");
	}

	@Test
	void everyCallerOfAFailedGroupGetsTheFailureAndTheNextGroupStillRuns() throws Exception {
		CompletionGroup group = new CompletionGroup((completions) -> {
			blockFirstDeletion(completions);
			if (completions.size() > 1) {
				throw new StoreException("database went away");
			}
		});
		Future<?> first = this.workers.submit(() -> group.delete("a", 1));
		assertThat(this.firstDeletionStarted.await(20, TimeUnit.SECONDS)).isTrue();
		Future<?> b = this.workers.submit(() -> group.delete("b", 1));
		Future<?> c = this.workers.submit(() -> group.delete("c", 1));
		awaitQueued(group, 2);
		this.firstDeletionMayEnd.countDown();
		first.get(20, TimeUnit.SECONDS);
		for (Future<?> failed : List.of(b, c)) {
			assertThatExceptionOfType(java.util.concurrent.ExecutionException.class)
				.isThrownBy(() -> failed.get(20, TimeUnit.SECONDS))
				.havingCause()
				.isInstanceOf(StoreException.class)
				.withMessageContaining("database went away");
		}
		group.delete("d", 1);
		assertThat(this.groups.get(this.groups.size() - 1)).containsExactly("d");
	}

	private void record(List<CompletionGroup.Completion> completions) {
		this.groups.add(completions.stream().map(CompletionGroup.Completion::id).toList());
	}

	private void blockFirstDeletion(List<CompletionGroup.Completion> completions) {
		record(completions);
		if (this.firstDeletionStarted.getCount() > 0) {
			this.firstDeletionStarted.countDown();
			try {
				this.firstDeletionMayEnd.await(20, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static void awaitQueued(CompletionGroup group, int count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (group.queuedCount() < count && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		assertThat(group.queuedCount()).isEqualTo(count);
	}

}
