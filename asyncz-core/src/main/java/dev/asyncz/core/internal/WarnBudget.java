package dev.asyncz.core.internal;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.event.Level;

/**
 * Lets through at most a number of WARN (or other) lines per window and counts the rest,
 * saying how many were left out when the next window opens: a scheduler catching up on
 * thousands of late tasks after a downtime tells people so without flooding the log (the
 * events and metrics still count every one).
 */
final class WarnBudget {

	private final Logger logger;

	private final int linesPerWindow;

	private final long windowNanos;

	private final String what;

	private final LongSupplier nanoTime;

	private final Level level;

	private long windowStart;

	private int used;

	private long leftOut;

	/**
	 * A budget.
	 * @param logger where the lines go
	 * @param linesPerWindow how many lines a window lets through
	 * @param window the window's length
	 * @param what what the lines are about, for the line that counts those left out
	 */
	WarnBudget(Logger logger, int linesPerWindow, Duration window, String what) {
		this(logger, linesPerWindow, window, what, Level.WARN, System::nanoTime);
	}

	/**
	 * A budget for lines of another level, whose count of lines left out is written at
	 * that level too.
	 * @param logger where the lines go
	 * @param linesPerWindow how many lines a window lets through
	 * @param window the window's length
	 * @param what what the lines are about
	 * @param level the level of the lines
	 */
	WarnBudget(Logger logger, int linesPerWindow, Duration window, String what, Level level) {
		this(logger, linesPerWindow, window, what, level, System::nanoTime);
	}

	WarnBudget(Logger logger, int linesPerWindow, Duration window, String what, LongSupplier nanoTime) {
		this(logger, linesPerWindow, window, what, Level.WARN, nanoTime);
	}

	private WarnBudget(Logger logger, int linesPerWindow, Duration window, String what, Level level,
			LongSupplier nanoTime) {
		this.logger = logger;
		this.linesPerWindow = linesPerWindow;
		this.windowNanos = window.toNanos();
		this.what = what;
		this.nanoTime = nanoTime;
		this.level = level;
		this.windowStart = nanoTime.getAsLong() - this.windowNanos;
	}

	/**
	 * How many lines the current window left out so far.
	 * @return the count
	 */
	synchronized long leftOut() {
		return this.leftOut;
	}

	/**
	 * Whether one more line may be written now; if not, it is counted.
	 * @return true to write the line
	 */
	synchronized boolean allow() {
		long now = this.nanoTime.getAsLong();
		if (now - this.windowStart >= this.windowNanos) {
			if (this.leftOut > 0) {
				this.logger.atLevel(this.level)
					.log("{} more {} were not logged in the last {} s", this.leftOut, this.what,
							Duration.ofNanos(now - this.windowStart).toSeconds());
			}
			this.windowStart = now;
			this.used = 0;
			this.leftOut = 0;
		}
		if (this.used < this.linesPerWindow) {
			this.used++;
			return true;
		}
		this.leftOut++;
		return false;
	}

}
