package dev.asyncz.store.mongodb.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.client.ChangeStreamIterable;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import dev.asyncz.store.StoreException;
import org.bson.BsonDocument;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the tasks collection with a change stream, on a thread of its own, and wakes
 * the scheduler through a {@link WakeUpGate} when another instance makes a task due
 * earlier. The store keeps polling whatever happens here, so a stream that cannot be
 * opened or breaks costs promptness, never a task.
 *
 * <p>
 * On a standalone server it logs one INFO line saying so and stops. When the stream
 * cannot be opened or fails (not supported, not permitted, network), it logs one WARN
 * line saying why and tries again every {@code retryDelay}, resuming after the last event
 * it saw where the server still can; further failures in a row are logged at DEBUG, and
 * the stream's return at INFO. Each time the stream opens, the scheduler is woken once,
 * for what may have changed while it was closed.
 */
public final class ChangeStreamWatcher {

	private static final Logger logger = LoggerFactory.getLogger(ChangeStreamWatcher.class);

	/** How long one read waits on the server for events, which bounds stopping. */
	private static final Duration AWAIT = Duration.ofSeconds(1);

	/** The server's codes for a resume token it can no longer resume from. */
	private static final int CHANGE_STREAM_HISTORY_LOST = 286;

	private static final int INVALID_RESUME_TOKEN = 260;

	/** How one attempt to watch ended. */
	public enum Outcome {

		/** The server has no change streams: polling alone serves. */
		UNSUPPORTED,

		/** The stream could not be opened or broke: try again later. */
		FAILED,

		/** Asked to stop. */
		STOPPED

	}

	private final MongoCollection<Document> tasks;

	private final Supplier<Document> hello;

	private final WakeUpGate gate;

	private final String store;

	private final Duration pollInterval;

	private final Duration retryDelay;

	private final Thread thread;

	private volatile boolean running = true;

	private @Nullable BsonDocument resumeToken;

	/** Whether the last attempt failed, so the next failure is not reported again. */
	private boolean failing;

	/**
	 * Creates a watcher; {@link #start()} starts its thread.
	 * @param tasks the tasks collection
	 * @param hello asks the server for its handshake reply, failing with a
	 * {@link MongoException} or {@link StoreException}
	 * @param gate decides which changes wake the scheduler
	 * @param store describes the store in log lines
	 * @param pollInterval how often the store polls, for the log lines
	 */
	public ChangeStreamWatcher(MongoCollection<Document> tasks, Supplier<Document> hello, WakeUpGate gate, String store,
			Duration pollInterval) {
		this.tasks = tasks;
		this.hello = hello;
		this.gate = gate;
		this.store = store;
		this.pollInterval = pollInterval;
		this.retryDelay = pollInterval.compareTo(Duration.ofSeconds(30)) > 0 ? pollInterval : Duration.ofSeconds(30);
		this.thread = new Thread(this::watch, "asyncz-mongodb-changes");
		this.thread.setDaemon(true);
	}

	/**
	 * Starts watching on the watcher's thread.
	 */
	public void start() {
		this.thread.start();
	}

	/**
	 * Stops watching and waits a little for the thread to end.
	 */
	public void stop() {
		this.running = false;
		try {
			this.thread.join(AWAIT.multipliedBy(5).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Whether the watcher's thread still runs.
	 * @return true until it ended
	 */
	public boolean alive() {
		return this.thread.isAlive();
	}

	private void watch() {
		while (this.running) {
			if (attempt() == Outcome.UNSUPPORTED) {
				return;
			}
			pause();
		}
	}

	/**
	 * Asks the server whether it has change streams, then opens one and hands its events
	 * to the gate until it fails or the watcher stops.
	 * @return how the attempt ended
	 */
	public Outcome attempt() {
		MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor;
		try {
			String unsupported = ChangeEvents.unsupportedReason(this.hello.get());
			if (unsupported != null) {
				logger.info("{} looks for other instances' changes every {} without a change stream: {}", this.store,
						readable(this.pollInterval), unsupported);
				return Outcome.UNSUPPORTED;
			}
			cursor = open();
		}
		catch (MongoException | StoreException ex) {
			return failed(ex);
		}
		try (cursor) {
			this.gate.wakeUp();
			boolean read = false;
			while (this.running) {
				ChangeStreamDocument<Document> event = cursor.tryNext();
				if (!read) {
					// Announced after the first read, so that a stream that opens but
					// cannot be read adds no line to the one warning.
					announce();
					read = true;
				}
				if (event != null) {
					handle(event);
				}
				BsonDocument token = cursor.getResumeToken();
				if (token != null) {
					this.resumeToken = token;
				}
			}
			return Outcome.STOPPED;
		}
		catch (MongoException ex) {
			return failed(ex);
		}
	}

	private void announce() {
		if (this.failing) {
			logger.info("{} watches for changes again", this.store);
		}
		else {
			logger.info("{} watches for changes with a change stream (and still looks every {})", this.store,
					readable(this.pollInterval));
		}
		this.failing = false;
	}

	private MongoChangeStreamCursor<ChangeStreamDocument<Document>> open() {
		BsonDocument token = this.resumeToken;
		try {
			return stream(token).cursor();
		}
		catch (MongoCommandException ex) {
			if (token == null
					|| (ex.getErrorCode() != CHANGE_STREAM_HISTORY_LOST && ex.getErrorCode() != INVALID_RESUME_TOKEN)) {
				throw ex;
			}
			// The changes since the token are gone from the server's log: start afresh;
			// the wake-up on opening covers what was missed.
			this.resumeToken = null;
			return stream(null).cursor();
		}
	}

	private ChangeStreamIterable<Document> stream(@Nullable BsonDocument token) {
		ChangeStreamIterable<Document> stream = this.tasks.watch(ChangeEvents.pipeline())
			.maxAwaitTime(AWAIT.toMillis(), TimeUnit.MILLISECONDS);
		return (token != null) ? stream.resumeAfter(token) : stream;
	}

	/**
	 * Wakes the scheduler if the change may make a task due before what the store last
	 * reported.
	 * @param event an event of the stream
	 * @return whether the scheduler was woken
	 */
	public boolean handle(ChangeStreamDocument<Document> event) {
		return ChangeEvents.scheduledAt(event).map(this.gate::changed).orElse(false);
	}

	private Outcome failed(RuntimeException ex) {
		if (!this.running) {
			return Outcome.STOPPED;
		}
		if (this.failing) {
			logger.debug("{} still cannot watch for changes: {}", this.store, ex.getMessage());
		}
		else {
			logger.warn(
					"{} cannot watch for changes ({}); it looks for other instances' changes every {} meanwhile"
							+ " and tries the change stream again every {}",
					this.store, ex.getMessage(), readable(this.pollInterval), readable(this.retryDelay));
		}
		this.failing = true;
		return Outcome.FAILED;
	}

	/** Such as {@code 10s} or {@code 1m30s}. */
	private static String readable(Duration duration) {
		return duration.toString().substring(2).toLowerCase(Locale.ROOT);
	}

	private void pause() {
		long until = System.nanoTime() + this.retryDelay.toNanos();
		try {
			while (this.running && System.nanoTime() < until) {
				Thread.sleep(Math.min(AWAIT.toMillis(), Math.max(1, (until - System.nanoTime()) / 1_000_000)));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

}
