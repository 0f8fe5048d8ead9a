package dev.asyncz.store.jdbc.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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

class CommitGroupTests {

	private final ExecutorService workers = Executors.newFixedThreadPool(4);

	private final List<List<String>> groups = Collections.synchronizedList(new ArrayList<>());

	private final CountDownLatch firstWriteMayEnd = new CountDownLatch(1);

	private final CountDownLatch firstWriteStarted = new CountDownLatch(1);

	@AfterEach
	void stopWorkers() {
		this.workers.shutdownNow();
	}

	@Test
	void aLoneRowIsWrittenAtOnce() {
		CommitGroup<String> group = new CommitGroup<>(this::record, false, 1);
		group.write("a");
		assertThat(this.groups).containsExactly(List.of("a"));
	}

	@Test
	void rowsQueuedWhileAWriteIsInFlightAreWrittenTogetherInTheNextOne() throws Exception {
		CommitGroup<String> group = new CommitGroup<>(this::blockFirstWrite, false, 1);
		Future<?> first = this.workers.submit(() -> group.write("a"));
		assertThat(this.firstWriteStarted.await(20, TimeUnit.SECONDS)).isTrue();
		List<Future<?>> queued = List.of(this.workers.submit(() -> group.write("b")),
				this.workers.submit(() -> group.write("c")), this.workers.submit(() -> group.write("d")));
		awaitQueued(group, 3);
		this.firstWriteMayEnd.countDown();
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
		CommitGroup<String> group = new CommitGroup<>((rows) -> {
			blockFirstWrite(rows);
			if (rows.size() > 1) {
				throw new StoreException("database went away");
			}
		}, false, 1);
		Future<?> first = this.workers.submit(() -> group.write("a"));
		assertThat(this.firstWriteStarted.await(20, TimeUnit.SECONDS)).isTrue();
		Future<?> b = this.workers.submit(() -> group.write("b"));
		Future<?> c = this.workers.submit(() -> group.write("c"));
		awaitQueued(group, 2);
		this.firstWriteMayEnd.countDown();
		first.get(20, TimeUnit.SECONDS);
		for (Future<?> failed : List.of(b, c)) {
			assertThatExceptionOfType(java.util.concurrent.ExecutionException.class)
				.isThrownBy(() -> failed.get(20, TimeUnit.SECONDS))
				.havingCause()
				.isInstanceOf(StoreException.class)
				.withMessageContaining("database went away");
		}
		group.write("d");
		assertThat(this.groups.get(this.groups.size() - 1)).containsExactly("d");
	}

	@Test
	void aGroupKeepingFailuresApartFailsOnlyTheCallerWhoseRowIsRefused() throws Exception {
		CommitGroup<String> group = new CommitGroup<>((rows) -> {
			blockFirstWrite(rows);
			if (rows.contains("bad")) {
				throw new StoreException("duplicate key");
			}
		}, true, 1);
		Future<?> first = this.workers.submit(() -> group.write("a"));
		assertThat(this.firstWriteStarted.await(20, TimeUnit.SECONDS)).isTrue();
		Future<?> b = this.workers.submit(() -> group.write("b"));
		Future<?> bad = this.workers.submit(() -> group.write("bad"));
		Future<?> c = this.workers.submit(() -> group.write("c"));
		awaitQueued(group, 3);
		this.firstWriteMayEnd.countDown();
		first.get(20, TimeUnit.SECONDS);
		b.get(20, TimeUnit.SECONDS);
		c.get(20, TimeUnit.SECONDS);
		assertThatExceptionOfType(java.util.concurrent.ExecutionException.class)
			.isThrownBy(() -> bad.get(20, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOf(StoreException.class)
			.withMessageContaining("duplicate key");
		assertThat(this.groups.get(1)).containsExactlyInAnyOrder("b", "bad", "c");
		assertThat(this.groups.subList(2, this.groups.size())).containsExactlyInAnyOrder(List.of("b"), List.of("bad"),
				List.of("c"));
	}

	@Test
	void withTwoWritersASecondGroupIsWrittenWhileTheFirstIsInFlightAndAThirdWaits() throws Exception {
		CountDownLatch writesMayEnd = new CountDownLatch(1);
		CountDownLatch twoInFlight = new CountDownLatch(2);
		CommitGroup<String> group = new CommitGroup<>((rows) -> {
			record(rows);
			twoInFlight.countDown();
			try {
				writesMayEnd.await(20, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, false, 2);
		Future<?> a = this.workers.submit(() -> group.write("a"));
		Future<?> b = this.workers.submit(() -> group.write("b"));
		assertThat(twoInFlight.await(20, TimeUnit.SECONDS)).isTrue();
		Future<?> c = this.workers.submit(() -> group.write("c"));
		awaitQueued(group, 1);
		writesMayEnd.countDown();
		for (Future<?> write : List.of(a, b, c)) {
			write.get(20, TimeUnit.SECONDS);
		}
		assertThat(this.groups).containsExactlyInAnyOrder(List.of("a"), List.of("b"), List.of("c"));
	}

	@Test
	void aRowAnotherWriterTookWaitsForThatWriteEvenWhenTheWayIsFree() throws Exception {
		Map<String, CountDownLatch> mayEnd = Map.of("a", new CountDownLatch(1), "b", new CountDownLatch(1), "c",
				new CountDownLatch(1), "d", new CountDownLatch(1));
		Map<String, CountDownLatch> started = Map.of("a", new CountDownLatch(1), "b", new CountDownLatch(1), "c",
				new CountDownLatch(1), "d", new CountDownLatch(1));
		CommitGroup<String> group = new CommitGroup<>((rows) -> {
			record(rows);
			for (String row : rows) {
				started.get(row).countDown();
			}
			try {
				mayEnd.get(rows.get(0)).await(20, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, false, 2);
		ExecutorService callers = Executors.newFixedThreadPool(4);
		try {
			Future<?> a = callers.submit(() -> group.write("a"));
			assertThat(started.get("a").await(20, TimeUnit.SECONDS)).isTrue();
			Future<?> b = callers.submit(() -> group.write("b"));
			assertThat(started.get("b").await(20, TimeUnit.SECONDS)).isTrue();
			Future<?> c = callers.submit(() -> group.write("c"));
			Future<?> d = callers.submit(() -> group.write("d"));
			awaitQueued(group, 2);
			mayEnd.get("a").countDown();
			a.get(20, TimeUnit.SECONDS);
			assertThat(started.get("c").await(20, TimeUnit.SECONDS)).isTrue();
			mayEnd.get("b").countDown();
			b.get(20, TimeUnit.SECONDS);
			mayEnd.get("c").countDown();
			mayEnd.get("d").countDown();
			c.get(20, TimeUnit.SECONDS);
			d.get(20, TimeUnit.SECONDS);
		}
		finally {
			callers.shutdownNow();
		}
		assertThat(this.groups).hasSize(3);
		assertThat(this.groups.get(2)).containsExactlyInAnyOrder("c", "d");
	}

	private void record(List<String> rows) {
		this.groups.add(List.copyOf(rows));
	}

	private void blockFirstWrite(List<String> rows) {
		record(rows);
		if (this.firstWriteStarted.getCount() > 0) {
			this.firstWriteStarted.countDown();
			try {
				this.firstWriteMayEnd.await(20, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static void awaitQueued(CommitGroup<?> group, int count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (group.queuedCount() < count && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		assertThat(group.queuedCount()).isEqualTo(count);
	}

}
