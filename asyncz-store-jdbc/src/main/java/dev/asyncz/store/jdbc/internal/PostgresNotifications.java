package dev.asyncz.store.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on a PostgreSQL channel over a dedicated connection and wakes the scheduler
 * when another instance announces a change. Loaded only when the PostgreSQL driver is on
 * the class path. Whether the data source's connections are the driver's is found out on
 * the listener's own thread, so that starting the store opens no connection; where they
 * are not (a proxy that does not unwrap), the thread says so and ends: the store's poll
 * finds other instances' changes instead.
 */
public final class PostgresNotifications {

	private static final Logger logger = LoggerFactory.getLogger(PostgresNotifications.class);

	private static final int RECEIVE_TIMEOUT_MILLIS = 200;

	private final DataSource dataSource;

	private final String channel;

	private final String ownPayload;

	private final Runnable wakeUp;

	private final Duration retryDelay;

	private final Thread thread;

	private volatile boolean running = true;

	/**
	 * Creates a listener; {@link #start()} starts it.
	 * @param dataSource where the dedicated connection comes from
	 * @param channel the channel, a validated lower-case identifier
	 * @param ownPayload the payload this instance sends, ignored when it comes back
	 * @param wakeUp wakes the scheduler
	 * @param retryDelay how long to wait before reconnecting after a failure
	 * @param threadName the listener thread's name
	 */
	public PostgresNotifications(DataSource dataSource, String channel, String ownPayload, Runnable wakeUp,
			Duration retryDelay, String threadName) {
		this.dataSource = dataSource;
		this.channel = channel;
		this.ownPayload = ownPayload;
		this.wakeUp = wakeUp;
		this.retryDelay = retryDelay;
		this.thread = new Thread(this::listen, threadName);
		this.thread.setDaemon(true);
	}

	public void start() {
		this.thread.start();
	}

	/**
	 * Stops listening and releases the connection.
	 */
	public void stop() {
		this.running = false;
		this.thread.interrupt();
		try {
			this.thread.join(Duration.ofSeconds(5).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void listen() {
		boolean unwraps = true;
		while (this.running && unwraps) {
			try (Connection connection = this.dataSource.getConnection()) {
				unwraps = connection.isWrapperFor(PGConnection.class);
				if (!unwraps) {
					continue;
				}
				connection.setAutoCommit(true);
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN " + this.channel);
				}
				// Changes announced while this connection was down were missed: look
				// once.
				this.wakeUp.run();
				PGConnection pg = connection.unwrap(PGConnection.class);
				while (this.running) {
					PGNotification[] notifications = pg.getNotifications(RECEIVE_TIMEOUT_MILLIS);
					if (notifications != null && fromOthers(notifications)) {
						this.wakeUp.run();
					}
				}
			}
			catch (SQLException ex) {
				if (this.running) {
					logger.warn("Listening on channel {} failed, retrying in {}: {}", this.channel, this.retryDelay,
							ex.getMessage());
					pause();
				}
			}
		}
		if (!unwraps) {
			reportPollingOnly();
		}
	}

	private void reportPollingOnly() {
		logger.info("The pool's connections do not unwrap to the PostgreSQL driver's, so channel {} cannot be "
				+ "listened on; other instances' changes are found by polling alone", this.channel);
	}

	private boolean fromOthers(PGNotification[] notifications) {
		for (PGNotification notification : notifications) {
			if (!this.ownPayload.equals(notification.getParameter())) {
				return true;
			}
		}
		return false;
	}

	private void pause() {
		try {
			Thread.sleep(this.retryDelay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

}
