package dev.asyncz.store.mongodb.internal;

import java.time.Duration;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import ch.qos.logback.classic.Level;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watcher against the in-process wire-protocol server, which is standalone and has no
 * change streams: the fallback paths, run one attempt at a time.
 */
class ChangeStreamWatcherTests {

	private final MongoServer server = new MongoServer(new MemoryBackend());

	private final MongoClient client;

	private final MongoDatabase database;

	private final MongoCollection<Document> tasks;

	private final AtomicInteger wakeUps = new AtomicInteger();

	private final CapturedLog log = CapturedLog.of(ChangeStreamWatcher.class);

	ChangeStreamWatcherTests() {
		this.server.bind("127.0.0.1", 0);
		this.client = MongoClients.create("mongodb://127.0.0.1:" + this.server.getLocalAddress().getPort());
		this.database = this.client.getDatabase("watch");
		this.tasks = this.database.getCollection("asyncz_tasks");
	}

	@AfterEach
	void close() {
		this.log.close();
		this.client.close();
		this.server.shutdownNow();
	}

	@Test
	void onAStandaloneServerTheWatcherSaysSoOnceAndLeavesWakingToPolling() {
		ChangeStreamWatcher watcher = watcher(() -> this.database.runCommand(new Document("isMaster", 1)));
		assertThat(watcher.attempt()).isEqualTo(ChangeStreamWatcher.Outcome.UNSUPPORTED);
		assertThat(this.log.at(Level.INFO)).singleElement()
			.asString()
			.contains("store 'jobs'", "standalone", "every 10s");
		assertThat(this.log.at(Level.WARN)).isEmpty();
		assertThat(this.wakeUps).hasValue(0);
	}

	@Test
	void whenTheServerRefusesTheStreamOneWarningSaysWhyAndLaterAttemptsTryAgainQuietly() {
		ChangeStreamWatcher watcher = watcher(ChangeStreamWatcherTests::replicaSetMember);
		assertThat(watcher.attempt()).isEqualTo(ChangeStreamWatcher.Outcome.FAILED);
		assertThat(watcher.attempt()).isEqualTo(ChangeStreamWatcher.Outcome.FAILED);
		assertThat(this.log.at(Level.WARN)).singleElement()
			.asString()
			// The in-process server's own answer to $changeStream, whatever it says, is
			// the
			// reason given.
			.contains("store 'jobs' cannot watch for changes", "Unknown error", "every 10s meanwhile",
					"again every 30s");
		assertThat(this.log.at(Level.DEBUG)).singleElement().asString().contains("still cannot watch");
		assertThat(this.wakeUps).hasValue(0);
	}

	@Test
	void whenTheServerCannotBeAskedTheWatcherWarnsAndTriesAgainLater() {
		ChangeStreamWatcher watcher = watcher(() -> this.database.runCommand(new Document("noSuchCommand", 1)));
		assertThat(watcher.attempt()).isEqualTo(ChangeStreamWatcher.Outcome.FAILED);
		assertThat(this.log.at(Level.WARN)).singleElement().asString().contains("cannot watch for changes");
	}

	@Test
	void stoppingAWatcherThatKeepsFailingEndsItsThread() {
		ChangeStreamWatcher watcher = watcher(ChangeStreamWatcherTests::replicaSetMember);
		watcher.start();
		watcher.stop();
		assertThat(watcher.alive()).isFalse();
	}

	private ChangeStreamWatcher watcher(Supplier<Document> hello) {
		return new ChangeStreamWatcher(this.tasks, hello, new WakeUpGate(this.wakeUps::incrementAndGet),
				"MongoDB store 'jobs'", Duration.ofSeconds(10));
	}

	/** What a replica set member answers; the in-process server itself is standalone. */
	private static Document replicaSetMember() {
		return new Document("isWritablePrimary", true).append("setName", "rs0").append("localTime", new Date());
	}

}
