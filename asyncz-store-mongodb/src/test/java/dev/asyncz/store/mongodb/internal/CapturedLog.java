package dev.asyncz.store.mongodb.internal;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/**
 * The lines one class logs while a test runs, at every level.
 */
public final class CapturedLog implements AutoCloseable {

	private final Logger logger;

	private final Level level;

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private CapturedLog(Class<?> source) {
		this.logger = (Logger) LoggerFactory.getLogger(source);
		this.level = this.logger.getLevel();
		this.logger.setLevel(Level.DEBUG);
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	/**
	 * Starts capturing what {@code source} logs.
	 * @param source the class whose logger to capture
	 * @return the capture, to close when done
	 */
	public static CapturedLog of(Class<?> source) {
		return new CapturedLog(source);
	}

	/**
	 * The lines logged at {@code level} so far.
	 * @param level the level
	 * @return the formatted messages
	 */
	public List<String> at(Level level) {
		return List.copyOf(this.appender.list)
			.stream()
			.filter((event) -> event.getLevel() == level)
			.map(ILoggingEvent::getFormattedMessage)
			.toList();
	}

	@Override
	public void close() {
		this.logger.detachAppender(this.appender);
		this.logger.setLevel(this.level);
	}

}
