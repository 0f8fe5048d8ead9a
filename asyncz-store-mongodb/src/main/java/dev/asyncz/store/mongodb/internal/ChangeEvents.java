package dev.asyncz.store.mongodb.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.UpdateDescription;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

import static dev.asyncz.store.mongodb.internal.TaskDocuments.NEXT;
import static dev.asyncz.store.mongodb.internal.TaskDocuments.SCHEDULED;
import static dev.asyncz.store.mongodb.internal.TaskDocuments.STATE;

/**
 * What the store asks of a change stream and what it makes of its events: only writes
 * that leave a task waiting for a run time matter (an insert, a release or hand-over, a
 * reschedule, a resume); claims, lease renewals, pauses, quarantines and deletions never
 * make anything due earlier.
 */
public final class ChangeEvents {

	private static final String UPDATED = "updateDescription.updatedFields.";

	private ChangeEvents() {
	}

	/**
	 * Why the server cannot have change streams, read from its {@code hello} (or
	 * {@code isMaster}) reply: only members of a replica set (the reply names the set)
	 * and {@code mongos} routers of a sharded cluster (the reply says {@code isdbgrid})
	 * serve them.
	 * @param hello the handshake reply
	 * @return the reason, or {@code null} if the server may serve change streams
	 */
	public static @Nullable String unsupportedReason(Document hello) {
		if (hello.get("setName") != null || "isdbgrid".equals(hello.get("msg"))) {
			return null;
		}
		return "the server is standalone (its handshake reply names no replica set and it is no mongos router); "
				+ "only replica sets and sharded clusters have change streams";
	}

	/**
	 * The server-side filter of the stream: inserts and replacements of waiting tasks,
	 * and updates that set the state to waiting or change the next run time (an update
	 * leaves unchanged fields out of its description, so a reschedule of a waiting task
	 * shows only its new time).
	 * @return the pipeline
	 */
	public static List<Bson> pipeline() {
		return List.of(Aggregates.match(relevantChanges()));
	}

	/** Which events the stream lets through. */
	static Bson relevantChanges() {
		return Filters.or(
				Filters.and(Filters.in("operationType", "insert", "replace"),
						Filters.eq("fullDocument." + STATE, SCHEDULED)),
				Filters.and(Filters.eq("operationType", "update"),
						Filters.or(Filters.eq(UPDATED + STATE, SCHEDULED), Filters.exists(UPDATED + NEXT))));
	}

	/**
	 * The earliest a change may have made a task due.
	 * @param event an event of the stream
	 * @return empty if the change made no task wait for a run time; the task's next run
	 * time if the event carries it; {@link Instant#MIN} for a task made to wait whose
	 * time the event leaves out (its state changed, its time did not)
	 */
	public static Optional<Instant> scheduledAt(ChangeStreamDocument<Document> event) {
		String operation = event.getOperationTypeString();
		if ("insert".equals(operation) || "replace".equals(operation)) {
			Document document = event.getFullDocument();
			if (document == null || !SCHEDULED.equals(document.get(STATE))) {
				return Optional.empty();
			}
			return Optional.of((document.get(NEXT) instanceof Long next) ? Micros.instant(next) : Instant.MIN);
		}
		UpdateDescription update = event.getUpdateDescription();
		if (!"update".equals(operation) || update == null || update.getUpdatedFields() == null) {
			return Optional.empty();
		}
		BsonDocument fields = update.getUpdatedFields();
		BsonValue state = fields.get(STATE);
		if (state != null && !new BsonString(SCHEDULED).equals(state)) {
			return Optional.empty();
		}
		BsonValue next = fields.get(NEXT);
		if (next instanceof BsonInt64 micros) {
			return Optional.of(Micros.instant(micros.getValue()));
		}
		return (state != null) ? Optional.of(Instant.MIN) : Optional.empty();
	}

}
