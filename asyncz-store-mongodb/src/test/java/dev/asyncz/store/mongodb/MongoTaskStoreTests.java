package dev.asyncz.store.mongodb;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;

import dev.asyncz.AsynczException;
import dev.asyncz.event.SchedulerEvent;
import dev.asyncz.event.TaskQuarantined;
import dev.asyncz.store.StoreContext;
import dev.asyncz.store.TaskCodec;
import dev.asyncz.store.WriteFormat;
import dev.asyncz.store.mongodb.internal.CapturedLog;
import dev.asyncz.store.mongodb.internal.ChangeEvents;
import dev.asyncz.store.mongodb.internal.ChangeStreamWatcher;
import dev.asyncz.store.mongodb.internal.TaskDocuments;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskFunctions;
import dev.asyncz.test.FullFormAssertions;
import dev.asyncz.trigger.Triggers;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What the MongoDB store does beyond the store contract.
 */
class MongoTaskStoreTests {

	private final MongoTestServer server = MongoTestServer.get();

	@Test
	void connectionStringWithoutADatabaseIsRefusedSayingHowToNameOne() {
		assertThatExceptionOfType(AsynczException.class)
			.isThrownBy(() -> MongoTaskStore.create("mongodb://127.0.0.1:27017", MongoTaskStoreSettings.defaults()))
			.withMessageContaining("names no database")
			.withMessageContaining("mongodb://host:27017/app");
	}

	@Test
	void documentInAStateTheStoreNeverWritesIsQuarantinedWhenTheStoreStarts() throws Exception {
		String collection = MongoTestServer.newCollectionName();
		Document planted = new Document(TaskDocuments.ID, "odd").append(TaskDocuments.STATE, "ARCHIVED")
			.append(TaskDocuments.VERSION, 1L);
		this.server.collection(collection).insertOne(planted);
		List<SchedulerEvent> events = new CopyOnWriteArrayList<>();
		MongoTaskStore store = MongoTaskStore.create(this.server.database(),
				MongoTaskStoreSettings.defaults().withCollection(collection));
		store.start(new StoreContext("scanned", "instance-1", Clock.systemUTC(), new TaskFunctions(), new TaskCodec(),
				events::add, () -> {
				}));
		try {
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (store.quarantinedCount() == 0 && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			assertThat(store.listQuarantined(0, 10)).singleElement()
				.satisfies((quarantined) -> assertThat(quarantined.reason()).contains("ARCHIVED"));
			assertThat(events).singleElement().isInstanceOf(TaskQuarantined.class);
		}
		finally {
			store.shutdown();
			this.server.drop(collection);
		}
	}

	@Test
	void fullFormatWritesEveryOptionEarlierVersionsRequireAndEitherFormReadsTheOther() {
		String collection = MongoTestServer.newCollectionName();
		MongoTaskStore compact = MongoTaskStore.create(this.server.database(),
				MongoTaskStoreSettings.defaults().withCollection(collection));
		MongoTaskStore full = MongoTaskStore.create(this.server.database(),
				MongoTaskStoreSettings.defaults().withCollection(collection).withWriteFormat(WriteFormat.FULL));
		TaskFunctions functions = new TaskFunctions();
		functions.register("noop", (context) -> null);
		compact.start(new StoreContext("formats", "compact", Clock.systemUTC(), functions, new TaskCodec(), (event) -> {
		}, () -> {
		}));
		full.start(new StoreContext("formats", "full", Clock.systemUTC(), functions, new TaskCodec(), (event) -> {
		}, () -> {
		}));
		try {
			Instant at = Instant.parse("2031-03-14T15:09:26Z");
			Task written = Task.builder()
				.id("full")
				.function("noop")
				.store("formats")
				.trigger(Triggers.at(at))
				.nextRunTime(at)
				.build();
			Task writtenCompact = written.toBuilder().id("compact").build();
			full.add(written);
			compact.add(writtenCompact);
			Document fullDocument = this.server.collection(collection)
				.find(new Document(TaskDocuments.ID, "full"))
				.first();
			FullFormAssertions.assertFullOptions(fullDocument.getString(TaskDocuments.OPTIONS));
			FullFormAssertions.assertFullArguments(fullDocument.getString(TaskDocuments.ARGUMENTS));
			FullFormAssertions.assertFullTrigger(fullDocument.getString(TaskDocuments.TRIGGER));
			FullFormAssertions.assertCompactOptions(this.server.collection(collection)
				.find(new Document(TaskDocuments.ID, "compact"))
				.first()
				.getString(TaskDocuments.OPTIONS));
			for (MongoTaskStore reader : List.of(compact, full)) {
				assertThat(reader.get("full")).contains(written);
				assertThat(reader.get("compact")).contains(writtenCompact);
			}
		}
		finally {
			compact.shutdown();
			full.shutdown();
			this.server.drop(collection);
		}
	}

	@Test
	void startingCreatesTheDueAndLeaseIndexes() {
		String collection = MongoTestServer.newCollectionName();
		MongoTaskStore store = MongoTaskStore.create(this.server.database(),
				MongoTaskStoreSettings.defaults().withCollection(collection));
		store.start(new StoreContext("indexed", "instance-1", Clock.systemUTC(), new TaskFunctions(), new TaskCodec(),
				(event) -> {
				}, () -> {
				}));
		try {
			List<String> names = this.server.collection(collection)
				.listIndexes()
				.map((index) -> index.getString("name"))
				.into(new ArrayList<>());
			assertThat(names).contains("asyncz_due", "asyncz_leases");
		}
		finally {
			store.shutdown();
			this.server.drop(collection);
		}
	}

	@Test
	void onAServerWithoutChangeStreamsTheStoreSaysSoOnceAndStillWakesTheSchedulerEveryPollInterval() throws Exception {
		assumeFalse(changeStreamsServed(), "the server has change streams");
		CountDownLatch polls = new CountDownLatch(3);
		String collection = MongoTestServer.newCollectionName();
		MongoTaskStore store = MongoTaskStore.create(this.server.database(),
				MongoTaskStoreSettings.defaults().withCollection(collection).withPollInterval(Duration.ofMillis(50)));
		try (CapturedLog log = CapturedLog.of(ChangeStreamWatcher.class)) {
			store.start(context("polled", polls::countDown));
			try {
				assertThat(polls.await(30, TimeUnit.SECONDS)).as("woken every poll interval").isTrue();
				awaitLine(log, Level.INFO);
				assertThat(log.at(Level.INFO)).singleElement()
					.asString()
					.contains("MongoDB store 'polled'", "standalone", "every 0.05s");
				assertThat(log.at(Level.WARN)).isEmpty();
			}
			finally {
				store.shutdown();
				this.server.drop(collection);
			}
		}
	}

	@Test
	void withChangeStreamsOffTheStoreNeverAsksForThemAndPolls() throws Exception {
		CountDownLatch polls = new CountDownLatch(2);
		String collection = MongoTestServer.newCollectionName();
		MongoTaskStore store = MongoTaskStore.create(this.server.database(),
				MongoTaskStoreSettings.defaults()
					.withCollection(collection)
					.withPollInterval(Duration.ofMillis(50))
					.withChangeStreams(MongoTaskStoreSettings.ChangeStreams.OFF));
		try (CapturedLog log = CapturedLog.of(ChangeStreamWatcher.class)) {
			store.start(context("unwatched", polls::countDown));
			try {
				assertThat(polls.await(30, TimeUnit.SECONDS)).as("woken every poll interval").isTrue();
				assertThat(log.at(Level.INFO)).isEmpty();
				assertThat(log.at(Level.WARN)).isEmpty();
			}
			finally {
				store.shutdown();
				this.server.drop(collection);
			}
		}
	}

	/**
	 * Runs only against a replica set or sharded cluster named by
	 * {@code ASYNCZ_MONGODB_URI}: the in-process server has no change streams.
	 */
	@Test
	void onAReplicaSetAnotherInstancesEarlierTaskWakesTheSchedulerBeforeThePollInterval() throws Exception {
		assumeTrue(changeStreamsServed(), "the server has no change streams");
		String collection = MongoTestServer.newCollectionName();
		MongoTaskStoreSettings settings = MongoTaskStoreSettings.defaults()
			.withCollection(collection)
			.withPollInterval(Duration.ofHours(1));
		AtomicInteger wakeUps = new AtomicInteger();
		MongoTaskStore watching = MongoTaskStore.create(this.server.database(), settings);
		MongoTaskStore other = MongoTaskStore.create(this.server.database(),
				settings.withChangeStreams(MongoTaskStoreSettings.ChangeStreams.OFF));
		try (CapturedLog log = CapturedLog.of(ChangeStreamWatcher.class)) {
			watching.start(context("watching", wakeUps::incrementAndGet));
			other.start(context("other", () -> {
			}));
			try {
				awaitLine(log, Level.INFO);
				assertThat(log.at(Level.INFO)).singleElement().asString().contains("with a change stream");
				assertThat(watching.nextRunTime()).isEmpty();
				int before = wakeUps.get();
				other.add(Task.builder()
					.id("soon")
					.function("refresh")
					.trigger(Triggers.at(Instant.parse("2090-01-01T00:00:00Z")))
					.nextRunTime(Instant.parse("2090-01-01T00:00:00Z"))
					.build());
				long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
				while (wakeUps.get() == before && System.nanoTime() < deadline) {
					Thread.sleep(20);
				}
				assertThat(wakeUps.get()).as("woken by the change stream").isGreaterThan(before);
			}
			finally {
				other.shutdown();
				watching.shutdown();
				this.server.drop(collection);
			}
		}
	}

	private boolean changeStreamsServed() {
		return ChangeEvents.unsupportedReason(this.server.database().runCommand(new Document("isMaster", 1))) == null;
	}

	private static StoreContext context(String storeName, Runnable wakeUp) {
		return new StoreContext(storeName, storeName + "-instance", Clock.systemUTC(), new TaskFunctions(),
				new TaskCodec(), (event) -> {
				}, wakeUp);
	}

	private static void awaitLine(CapturedLog log, Level level) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (log.at(level).isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
	}

}
