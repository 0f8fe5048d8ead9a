package dev.asyncz.store.mongodb.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How change events, in the shape the server sends them and read by the driver's own
 * codec, become wake-up times; and which events the stream's filter lets through.
 */
class ChangeEventsTests {

	private static final Instant AT = Instant.parse("2030-01-01T00:00:00Z");

	private static final String MICROS = "{\"$numberLong\": \"" + Micros.of(AT) + "\"}";

	private static final String INSERT_WAITING = event("insert",
			"\"fullDocument\": {\"_id\": \"a\", \"state\": \"SCHEDULED\", \"next\": " + MICROS + ", \"version\": 1}");

	private static final String INSERT_PAUSED = event("insert",
			"\"fullDocument\": {\"_id\": \"a\", \"state\": \"PAUSED\", \"version\": 1}");

	private static final String RELEASE = update(
			"{\"state\": \"SCHEDULED\", \"next\": " + MICROS + ", \"version\": {\"$numberLong\": \"3\"}}");

	private static final String RELEASE_AT_THE_SAME_TIME = update(
			"{\"state\": \"SCHEDULED\", \"version\": {\"$numberLong\": \"3\"}}");

	private static final String RESCHEDULE = update(
			"{\"next\": " + MICROS + ", \"version\": {\"$numberLong\": \"2\"}}");

	private static final String CLAIM = update("{\"state\": \"RUNNING\", \"owner\": \"node-2\", \"claim\": \"c1\","
			+ " \"recovered\": false, \"leaseUntil\": {\"$date\": \"2030-01-01T00:00:30Z\"}}");

	private static final String RENEWAL = update("{\"leaseUntil\": {\"$date\": \"2030-01-01T00:01:00Z\"}}");

	private static final String PAUSE = update("{\"state\": \"PAUSED\", \"version\": {\"$numberLong\": \"4\"}}");

	private static final String DELETE = event("delete", "\"wallTime\": {\"$date\": \"2030-01-01T00:00:00Z\"}");

	@Test
	void insertedWaitingTaskWakesForItsNextRunTime() {
		assertThat(scheduledAt(INSERT_WAITING)).contains(AT);
	}

	@Test
	void insertedPausedTaskWakesNothing() {
		assertThat(scheduledAt(INSERT_PAUSED)).isEmpty();
	}

	@Test
	void releaseOrHandOverWakesForTheNewNextRunTime() {
		assertThat(scheduledAt(RELEASE)).contains(AT);
	}

	@Test
	void releaseThatKeepsTheRunTimeWakesAtOnceSinceTheEventDoesNotTellTheTime() {
		assertThat(scheduledAt(RELEASE_AT_THE_SAME_TIME)).contains(Instant.MIN);
	}

	@Test
	void rescheduleOfAWaitingTaskWakesForItsNewTime() {
		assertThat(scheduledAt(RESCHEDULE)).contains(AT);
	}

	@Test
	void claimsRenewalsPausesAndDeletionsWakeNothing() {
		for (String event : List.of(CLAIM, RENEWAL, PAUSE, DELETE)) {
			assertThat(scheduledAt(event)).as(event).isEmpty();
		}
	}

	@Test
	void streamFilterLetsThroughExactlyTheEventsThatMayWake() {
		MongoServer server = new MongoServer(new MemoryBackend());
		server.bind("127.0.0.1", 0);
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
			MongoCollection<Document> events = client.getDatabase("filter").getCollection("events");
			Map<String, String> byName = Map.of("insert waiting", INSERT_WAITING, "insert paused", INSERT_PAUSED,
					"release", RELEASE, "release at the same time", RELEASE_AT_THE_SAME_TIME, "reschedule", RESCHEDULE,
					"claim", CLAIM, "renewal", RENEWAL, "pause", PAUSE, "delete", DELETE);
			byName.forEach((name, json) -> events.insertOne(Document.parse(json).append("_id", name)));
			List<Object> passed = events.find(ChangeEvents.relevantChanges())
				.map((event) -> event.get("_id"))
				.into(new ArrayList<>());
			assertThat(passed).containsExactlyInAnyOrder("insert waiting", "release", "release at the same time",
					"reschedule");
		}
		finally {
			server.shutdownNow();
		}
	}

	@Test
	void replicaSetMembersAndMongosRoutersMayServeChangeStreams() {
		assertThat(ChangeEvents.unsupportedReason(
				new Document("isWritablePrimary", true).append("setName", "rs0").append("localTime", new Date())))
			.isNull();
		assertThat(ChangeEvents.unsupportedReason(new Document("isWritablePrimary", true).append("msg", "isdbgrid")))
			.isNull();
	}

	@Test
	void standaloneServerHasNoChangeStreamsAndTheReasonSaysSo() {
		assertThat(ChangeEvents.unsupportedReason(new Document("isWritablePrimary", true).append("maxWireVersion", 21)))
			.contains("standalone", "replica set");
	}

	private static Optional<Instant> scheduledAt(String json) {
		return ChangeEvents.scheduledAt(decode(json));
	}

	private static ChangeStreamDocument<Document> decode(String json) {
		return ChangeStreamDocument.createCodec(Document.class, MongoClientSettings.getDefaultCodecRegistry())
			.decode(new BsonDocumentReader(BsonDocument.parse(json)), DecoderContext.builder().build());
	}

	private static String event(String operation, String body) {
		return "{\"_id\": {\"_data\": \"8265A1B2C3000000012B0229296E04\"}, \"operationType\": \"" + operation
				+ "\", \"clusterTime\": {\"$timestamp\": {\"t\": 1700000000, \"i\": 1}},"
				+ " \"ns\": {\"db\": \"app\", \"coll\": \"asyncz_tasks\"}, \"documentKey\": {\"_id\": \"a\"}, " + body
				+ "}";
	}

	private static String update(String updatedFields) {
		return event("update", "\"updateDescription\": {\"updatedFields\": " + updatedFields
				+ ", \"removedFields\": [], \"truncatedArrays\": []}");
	}

}
